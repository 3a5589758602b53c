package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader used where Linux's /proc tables are not (macOS, Windows): OSHI's view of the system's
 * connection table. OSHI reads Linux's table too, so here it is run on Linux and compared with {@code ss}
 * (netlink), on real loopback connections in three states and both families.
 */
class OshiKernelReaderTest {

    @BeforeAll
    static void withSs() {
        Assumptions.assumeTrue(Kernel.available(), "the fds are checked against Linux's /proc");
        Assumptions.assumeTrue(Ss.available(), "iproute2's ss (apt-get install iproute2) is the independent witness");
    }

    /**
     * {@code ESTABLISHED 127.0.5.1:40000} for each connection of the port from one of {@code clients}, as ss lists
     * them. Only this test's clients: other tests (the other fork) may leave connections whose local port has the
     * same number, such as a client socket's TIME_WAIT from before the port was bound.
     */
    private static Set<String> ss(int port, Set<Endpoint> clients) throws Exception {
        Set<String> out = new TreeSet<>();
        for (String[] state : new String[][] {{"established", "ESTABLISHED"}, {"close-wait", "CLOSE_WAIT"},
            {"time-wait", "TIME_WAIT"}, {"fin-wait-2", "FIN_WAIT2"}, {"last-ack", "LAST_ACK"}}) {
            for (Ss.Row r : Ss.rows(state[0], "sport", port)) {
                Endpoint client = new Endpoint(InetAddress.getByName(r.peerIp()), r.peerPort());
                if (clients.contains(client)) {
                    out.add(state[1] + " " + client);
                }
            }
        }
        return out;
    }

    private static Set<String> oshi(OshiKernelReader reader, int port, Set<Endpoint> clients) throws IOException {
        Set<String> out = new TreeSet<>();
        for (KernelReader.Row row : reader.read(port)) {
            assertEquals(-1, row.timerMillis(), "OSHI gives no timer: the time left is not made up");
            assertEquals(port, row.server().port());
            if (clients.contains(row.client())) {
                out.add(row.state() + " " + row.client());
            }
        }
        return out;
    }

    /** Reads OSHI's and ss's tables of {@code port} until they agree (states move on); returns OSHI's. */
    private static Set<String> agreed(OshiKernelReader reader, int port, Set<Endpoint> clients) throws Exception {
        List<Set<String>> last = new ArrayList<>(List.of(Set.of(), Set.of()));
        try {
            Waits.waitUntil("OSHI's table is ss's", () -> {
                last.set(0, oshi(reader, port, clients));
                last.set(1, ss(port, clients));
                return last.get(0).equals(last.get(1)) && last.get(0).equals(oshi(reader, port, clients));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": OSHI " + last.get(0) + ", ss " + last.get(1), e);
        }
        return last.get(0);
    }

    /**
     * A plain JDK server, so that each state is made by hand: an open connection (ESTABLISHED), one the client
     * half-closed and the server has not (CLOSE_WAIT), one the server closed first (TIME_WAIT); and IPv6.
     */
    @Test
    void itReadsThePortsConnectionsAndStatesAsSsDoes() throws Exception {
        OshiKernelReader reader = OshiKernelReader.ofThisSystem();
        assertNotNull(reader, "OSHI runs here");
        List<Socket> all = new ArrayList<>();
        try (ServerSocket v4 = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             ServerSocket v6 = new ServerSocket(0, 50, InetAddress.getByName("::1"))) {
            int port = v4.getLocalPort();
            Socket open = Clients.connectFrom("127.0.5.1", port);
            Socket half = Clients.connectFrom("127.0.5.2", port);
            Socket done = Clients.connectFrom("127.0.5.3", port);
            Socket six = Clients.connect("::1", v6.getLocalPort());
            all.addAll(List.of(open, half, done, six));
            Set<Endpoint> clients = new java.util.HashSet<>(); // taken while open: a closed socket's address reads as the wildcard
            for (Socket c : List.of(open, half, done, six)) {
                clients.add(new Endpoint(c.getLocalAddress(), c.getLocalPort()));
            }
            for (int i = 0; i < 3; i++) {
                all.add(v4.accept());
            }
            all.add(v6.accept());
            Socket servedDone = all.stream().filter(s -> s.getPort() == done.getLocalPort()).findFirst().orElseThrow();
            half.shutdownOutput();
            servedDone.close(); // the server first
            assertEquals(-1, done.getInputStream().read(), "the server's FIN");
            done.close();

            Set<String> seen = agreed(reader, port, clients);
            long t0 = System.nanoTime();
            reader.read(port);
            System.out.printf("OshiKernelReaderTest: one read of OSHI's table (every connection of the machine and"
                    + " its process) took %.1f ms here%n", (System.nanoTime() - t0) / 1e6);
            assertEquals(Set.of("ESTABLISHED " + new Endpoint(InetAddress.getByName("127.0.5.1"), open.getLocalPort()),
                    "CLOSE_WAIT " + new Endpoint(InetAddress.getByName("127.0.5.2"), half.getLocalPort()),
                    "TIME_WAIT " + new Endpoint(InetAddress.getByName("127.0.5.3"), done.getLocalPort())), seen);
            assertEquals(Set.of("ESTABLISHED " + new Endpoint(InetAddress.getByName("::1"), six.getLocalPort())),
                    agreed(reader, v6.getLocalPort(), clients), "IPv6");
        } finally {
            for (Socket s : all) {
                s.close();
            }
        }
    }

    @Test
    void aWatchOverOshiReportsTheTimeWaitOfTheFdTheServerClosed() throws Exception {
        OshiKernelReader reader = OshiKernelReader.ofThisSystem();
        assertNotNull(reader, "OSHI runs here");
        EventRecorder said = new EventRecorder();
        EventRecorder events = new EventRecorder();
        KernelWatch[] watch = new KernelWatch[1];
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), e -> {
            events.onEvent(e);
            KernelWatch w = watch[0];
            if (w != null) {
                w.changed(e);
            }
        }, DescriptorLookup.forThisSystem());
        try {
            watch[0] = new KernelWatch(reader, server.port(), server.runId(), said);
            watch[0].start();
            try (Socket client = Clients.connectFrom("127.0.5.4", server.port())) {
                ConnectionRef c = events.await(ServerEvent.Accepted.class, 1).get(0).connection();
                int fd = Kernel.tcpDescriptor(server.port(), "127.0.5.4", client.getLocalPort());
                assertEquals(fd, c.descriptor().number(), "the accepted socket's fd, as the kernel has it");
                said.awaitMatch(e -> e instanceof ServerEvent.KernelState k && k.connection().id() == c.id()
                        && k.state() == TcpState.ESTABLISHED && k.fdOpen());
                Clients.send(client, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                client.getInputStream().readAllBytes(); // up to the server's FIN
                client.close();
                ServerEvent.KernelState tw = (ServerEvent.KernelState) said.awaitMatch(e ->
                        e instanceof ServerEvent.KernelState k && k.connection().id() == c.id()
                                && k.state() == TcpState.TIME_WAIT);
                assertFalse(tw.fdOpen(), "the fd is closed; the kernel keeps the connection");
                assertEquals(fd, tw.connection().descriptor().number(), "the ghost names the fd that was closed");
                assertEquals(-1, tw.remainingMillis(), "no timer from OSHI");
                assertTrue(Ss.rows("time-wait", "sport", server.port()).stream()
                        .anyMatch(r -> r.peerPort() == client.getLocalPort()), "ss has the same TIME_WAIT");
            }
        } finally {
            if (watch[0] != null) {
                watch[0].stop();
                watch[0].remember();
            }
            server.stop();
        }
    }

    @Test
    void aTableWithoutThePortsListenerWasNotReadAndSaysSo() throws Exception {
        OshiKernelReader reader = OshiKernelReader.ofThisSystem();
        assertNotNull(reader, "OSHI runs here");
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
            // Read: its listener is in the table. (Not necessarily empty: a connection elsewhere whose local port
            // has the same number, such as another test's client socket in TIME_WAIT, is listed too.)
            assertDoesNotThrow(() -> reader.read(free), "a table with the port's listener in it is read");
        }
        IOException e = assertThrows(IOException.class, () -> reader.read(free));
        assertTrue(e.getMessage().contains("listening socket is not in the table"), e.getMessage());
    }
}
