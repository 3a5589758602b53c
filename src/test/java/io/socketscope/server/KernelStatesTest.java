package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's states of the port's connections, as the server reports them ({@link ServerEvent.KernelState}),
 * against what iproute2's {@code ss} says of the same connections: real loopback sockets, nothing in the
 * kernel shortened or changed (TIME_WAIT lasts its 60 s; the test that sees one dropped waits for it).
 */
class KernelStatesTest {

    @BeforeAll
    static void linuxWithSs() {
        Assumptions.assumeTrue(Kernel.available(), "the kernel's tables are read from Linux's /proc");
        Assumptions.assumeTrue(Ss.available(), "iproute2's ss (apt-get install iproute2) is the independent witness");
    }

    /** Asks with Connection: close and reads the answer to its end: the server closes first. */
    private static void serverClosesFirst(Socket client) throws IOException {
        Clients.send(client, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        client.getInputStream().readAllBytes(); // up to the server's FIN
        client.close();
    }

    /** A server on a free loopback port and one client from {@code ip}, accepted. */
    private record Open(SocketServer server, int port, Socket client, ConnectionRef connection) {
    }

    private static Open open(ServerFixture f, ServerConfig config, String ip) throws Exception {
        SocketServer server = f.start(config);
        Socket client = f.adopt(Clients.connectFrom(ip, server.port()));
        ConnectionRef c = f.events.await(ServerEvent.Accepted.class, 1).get(0).connection();
        return new Open(server, server.port(), client, c);
    }

    private static ServerEvent.KernelState awaitState(EventRecorder events, ConnectionRef c, TcpState state)
            throws InterruptedException {
        return (ServerEvent.KernelState) events.awaitMatch(e -> e instanceof ServerEvent.KernelState k
                && k.connection().id() == c.id() && k.state() == state);
    }

    private static List<ServerEvent.KernelState> statesOf(EventRecorder events, ConnectionRef c) {
        return events.of(ServerEvent.KernelState.class).stream().filter(k -> k.connection().id() == c.id()).toList();
    }

    @Test
    void aServerFirstCloseLeavesATimeWaitWhoseTupleAndTimeAgreeWithSs() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            Open o = open(f, ServerConfig.of(0, BindMode.LOCAL), "127.0.4.1");
            int port = o.port();
            Socket client = o.client();
            ConnectionRef c = o.connection();
            int fd = Kernel.tcpDescriptor(port, "127.0.4.1", client.getLocalPort());
            assertEquals(fd, c.descriptor().number(), "the accepted socket's fd, as the kernel has it");
            ServerEvent.KernelState established = awaitState(f.events, c, TcpState.ESTABLISHED);
            assertTrue(established.fdOpen());

            serverClosesFirst(client);
            ServerEvent.KernelState tw = awaitState(f.events, c, TcpState.TIME_WAIT);
            long heardAt = System.nanoTime();
            List<Ss.Row> ss = Ss.rows("time-wait", "sport", port);
            long askedAt = System.nanoTime();
            assertEquals(1, ss.size(), "ss lists the one TIME_WAIT of the port: " + ss);
            Ss.Row row = ss.get(0);
            assertEquals("127.0.4.1", row.peerIp());
            assertEquals(client.getLocalPort(), row.peerPort());
            assertEquals(port, row.localPort());
            assertEquals(new Endpoint(java.net.InetAddress.getByName("127.0.4.1"), client.getLocalPort()), c.client());
            assertFalse(tw.fdOpen(), "its fd is closed: the kernel keeps the connection without one");
            assertEquals(fd, tw.connection().descriptor().number(), "the ghost names the fd that was closed");
            // The kernel's time left, as the app read it, against ss's (which shows whole seconds from 10 s up).
            long appLeft = tw.remainingMillis() - Duration.between(tw.time(), java.time.Instant.now()).toMillis();
            long slack = 1000 + (askedAt - heardAt) / 1_000_000;
            assertTrue(Math.abs(appLeft - row.timerMillis()) <= slack + 1000,
                    "time left: the app says " + appLeft + " ms, ss " + row.timerMillis() + " ms");
            assertTrue(tw.remainingMillis() > 30_000 && tw.remainingMillis() <= 60_000, "Linux keeps TIME_WAIT 60 s: "
                    + tw.remainingMillis());
        }
    }

    @Test
    void aClientFirstCloseLeavesNothingOnTheServersSide() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            Open o = open(f, ServerConfig.of(0, BindMode.LOCAL), "127.0.4.2");
            SocketServer server = o.server();
            int port = o.port();
            Socket client = o.client();
            ConnectionRef c = o.connection();
            f.adopt(Clients.connectFrom("127.0.4.12", port)); // stays open: the table is read all along
            assertEquals(200, Clients.get(client, "/").status());
            awaitState(f.events, c, TcpState.ESTABLISHED);
            client.close(); // the client first: the TIME_WAIT is the client's
            f.events.await(ServerEvent.Closed.class, 1);
            Waits.waitUntil("the client's side in TIME_WAIT (ss)", () -> Ss.rows("time-wait", "dport", port).stream()
                    .anyMatch(r -> r.localPort() == client.getLocalPort()));
            long after = System.nanoTime();
            Waits.waitUntil("a read of the kernel's table after that",
                    () -> server.kernelFigures().lastReadStarted() - after > 0);
            assertTrue(Ss.rows("time-wait", "sport", port).isEmpty(), "ss: no TIME_WAIT on the server's side");
            // (A read may catch its LAST_ACK, the server's FIN awaiting the client's last ACK: microseconds here.)
            assertTrue(statesOf(f.events, c).stream().noneMatch(k -> k.state() == TcpState.TIME_WAIT),
                    "no TIME_WAIT of it on the server's side: " + statesOf(f.events, c));
        }
    }

    @Test
    void aHalfCloseShowsCloseWaitWhileTheServerLingers() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            Open o = open(f, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofMillis(100))
                    .withFinLinger(Duration.ofSeconds(10)), "127.0.4.3");
            SocketServer server = o.server();
            int port = o.port();
            Socket client = o.client();
            ConnectionRef c = o.connection();
            Clients.readLine(client); // the banner: a text client
            client.shutdownOutput(); // FIN: the server has not closed yet
            ServerEvent.KernelState closeWait = awaitState(f.events, c, TcpState.CLOSE_WAIT);
            assertTrue(closeWait.fdOpen(), "the server still holds its fd");
            List<Ss.Row> ss = Ss.rows("close-wait", "sport", port);
            assertEquals(1, ss.size(), "ss agrees: " + ss);
            assertEquals(client.getLocalPort(), ss.get(0).peerPort());
            assertEquals(c.descriptor().number(), Kernel.tcpDescriptor(port, "127.0.4.3", client.getLocalPort()),
                    "the fd is still the server's");
        }
    }

    @Test
    void aRestartedServerBindsAgainAndStillKnowsWhoseFdEachTimeWaitWas() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            Open o = open(f, ServerConfig.of(0, BindMode.LOCAL), "127.0.4.4");
            SocketServer first = o.server();
            int port = o.port();
            Socket client = o.client();
            ConnectionRef c = o.connection();
            serverClosesFirst(client);
            awaitState(f.events, c, TcpState.TIME_WAIT);
            first.stop();
            assertEquals(1, Ss.rows("time-wait", "sport", port).size(), "the kernel keeps it after Stop");

            SocketServer second = f.start(ServerConfig.of(port, BindMode.LOCAL)); // binds: SO_REUSEADDR
            assertNotEquals(first.runId(), second.runId());
            ServerEvent.KernelState again = (ServerEvent.KernelState) f.events.awaitMatch(e ->
                    e instanceof ServerEvent.KernelState k && k.runId() == second.runId()
                            && k.connection().id() == c.id() && k.state() == TcpState.TIME_WAIT);
            assertEquals(c.descriptor(), again.connection().descriptor(), "the old connection's fd, remembered");
        }
    }

    @Test
    void theGhostGoesWhenTheKernelDropsIt() throws Exception {
        try (ServerFixture f = new ServerFixture()) {
            Open o = open(f, ServerConfig.of(0, BindMode.LOCAL), "127.0.4.5");
            int port = o.port();
            Socket client = o.client();
            ConnectionRef c = o.connection();
            serverClosesFirst(client);
            awaitState(f.events, c, TcpState.TIME_WAIT);
            // The kernel's own 60 s: wait on its table (ss) until it lets the connection go.
            Waits.waitUntil("the kernel drops the TIME_WAIT (ss)", Duration.ofSeconds(90),
                    () -> Ss.rows("time-wait", "sport", port).isEmpty());
            assertFalse(statesOf(f.events, c).stream().anyMatch(k -> k.state() == TcpState.GONE)
                            && Ss.rows("time-wait", "sport", port).size() > 0,
                    "not said gone while ss still had it");
            ServerEvent.KernelState gone = awaitState(f.events, c, TcpState.GONE);
            assertFalse(gone.fdOpen());
        }
    }
}
