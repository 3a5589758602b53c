package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketServerTest {

    private final ServerFixture fixture = new ServerFixture();
    private final EventRecorder events = fixture.events;
    private SocketServer server;

    private SocketServer start(ServerConfig config) throws BindFailure {
        server = fixture.start(config);
        return server;
    }

    private SocketServer startLocal() throws BindFailure {
        return start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofMillis(200)));
    }

    private Socket client() throws IOException {
        return fixture.client(server.port());
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void everyClientGetsItsOwnAcceptEventWithItsFourTuple() throws Exception {
        startLocal();
        Set<Integer> clientPorts = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            clientPorts.add(client().getLocalPort());
        }
        List<ServerEvent.Accepted> accepted = events.await(ServerEvent.Accepted.class, 3);
        Set<Integer> seenPorts = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        Set<Integer> fds = new HashSet<>();
        for (ServerEvent.Accepted a : accepted) {
            assertEquals("127.0.0.1", a.connection().client().ip());
            assertEquals(new Endpoint(InetAddress.getByName("127.0.0.1"), server.port()), a.connection().server());
            assertEquals(server.runId(), a.runId());
            seenPorts.add(a.connection().client().port());
            ids.add(a.connection().id());
            fds.add(a.connection().descriptor().number());
        }
        assertEquals(clientPorts, seenPorts, "each ACCEPT names a real client's port");
        assertEquals(3, ids.size(), "each connection has its own id");
        assertEquals(3, fds.size(), "three open sockets have three descriptors");
        assertEquals(3, server.openSockets());
    }

    @Test
    void closingAClientGivesExactlyOneCloseEvent() throws Exception {
        startLocal();
        Socket a = client();
        Socket b = client();
        events.await(ServerEvent.Accepted.class, 2);
        a.close();
        ServerEvent.Closed closed = events.await(ServerEvent.Closed.class, 1).get(0);
        assertEquals(a.getLocalPort(), closed.connection().client().port());
        assertEquals(CloseReason.PEER_CLOSED, closed.reason());
        b.close();
        events.await(ServerEvent.Closed.class, 2);
        Thread.sleep(100);
        assertEquals(2, events.of(ServerEvent.Closed.class).size());
        assertEquals(0, server.openSockets());
    }

    @Test
    void descriptorsAreTheRealOsFileDescriptors() throws Exception {
        assumeTrue(ProcFdLookup.isAvailable(), "needs Linux /proc");
        start(ServerConfig.of(0, BindMode.ALL));
        ServerEvent.Listening listening = events.await(ServerEvent.Listening.class, 1).get(0);
        Descriptor listenFd = listening.sockets().get(0).descriptor();
        assertEquals(Descriptor.Kind.OS, listenFd.kind());
        long listenInode = ProcFdLookup.inodeOfFd(listenFd.number());
        assertTrue(ProcFdLookup.readTables().stream().anyMatch(e -> e.inode() == listenInode
                && e.state().equals("0A") && e.localPort() == server.port()),
                "/proc/self/fd/" + listenFd.number() + " is the listening socket of port " + server.port());

        Socket c = client();
        ConnectionRef ref = events.await(ServerEvent.Accepted.class, 1).get(0).connection();
        assertEquals(Descriptor.Kind.OS, ref.descriptor().kind());
        assertTrue(ref.descriptor().number() > 2, "not stdin/stdout/stderr");
        long inode = ProcFdLookup.inodeOfFd(ref.descriptor().number());
        assertTrue(inode > 0, "fd " + ref.descriptor().number() + " is a socket");
        ProcFdLookup.TcpEntry row = ProcFdLookup.readTables().stream().filter(e -> e.inode() == inode)
                .findFirst().orElseThrow();
        assertEquals(server.port(), row.localPort());
        assertEquals(c.getLocalPort(), row.remotePort(), "the fd's socket is connected to this very client");
    }

    @Test
    void jsonAnswerTellsTheClientWhichSocketItIs() throws Exception {
        startLocal();
        Socket c = client();
        Socket other = client();
        events.await(ServerEvent.Accepted.class, 2);
        Clients.Response r = Clients.get(c, "/socket.json");
        assumeTrue(Kernel.available(), "the descriptor is checked against Linux /proc");
        int fd = Kernel.tcpDescriptor(server.port(), c.getLocalPort());
        assertEquals(200, r.status());
        assertTrue(r.headers().contains("Content-Type: application/json"));
        assertEquals("{\"protocol\":\"TCP\",\"client\":{\"ip\":\"127.0.0.1\",\"port\":" + c.getLocalPort() + "},"
                + "\"server\":{\"ip\":\"127.0.0.1\",\"port\":" + server.port() + "},"
                + "\"fd\":" + fd + ",\"fdKind\":\"os\",\"openSockets\":2}\n", r.body());
        other.close();
    }

    @Test
    void htmlPageNamesTheSocketAndTheTuple() throws Exception {
        startLocal();
        Socket c = client();
        Clients.Response r = Clients.get(c, "/");
        assumeTrue(Kernel.available(), "the descriptor is checked against Linux /proc");
        int fd = Kernel.tcpDescriptor(server.port(), c.getLocalPort());
        assertEquals(200, r.status());
        assertTrue(r.headers().contains("text/html"));
        assertTrue(r.body().contains("You are socket <span class=\"fd\">fd " + fd + "</span>"), r.body());
        assertTrue(r.body().contains("<b>127.0.0.1:" + c.getLocalPort() + "</b> &rarr; <b>127.0.0.1:" + server.port() + "</b> <span>(TCP)</span>"));
        assertTrue(r.body().contains("<b id=\"count\">1 socket is</b> open on port " + server.port()));
        assertTrue(r.body().contains("name=\"viewport\""), "mobile-friendly");
        ServerEvent.Request req = events.await(ServerEvent.Request.class, 1).get(0);
        assertEquals("GET / HTTP/1.1", req.line());
        assertEquals(200, req.status());
    }

    @Test
    void keepAliveServesTwoRequestsOnOneSocket() throws Exception {
        startLocal();
        Socket c = client();
        Clients.Response first = Clients.get(c, "/socket.json");
        Clients.Response second = Clients.get(c, "/socket.json");
        assertEquals(first.body(), second.body(), "same socket, same answer");
        assertTrue(first.headers().contains("Connection: keep-alive"));
        assertTrue(first.headers().contains("Keep-Alive: timeout=60"));
        assertEquals(2, events.await(ServerEvent.Request.class, 2).size());
        assertEquals(1, events.of(ServerEvent.Accepted.class).size());
        assertTrue(events.of(ServerEvent.Closed.class).isEmpty());
    }

    @Test
    void aKeptAliveSocketsPageFollowsTheCountOfOpenSocketsAndAHeadBetweenLeavesTheNextBodyWhole() throws Exception {
        startLocal();
        Socket c = client();
        assertTrue(Clients.get(c, "/").body().contains("<b id=\"count\">1 socket is</b> open on port"), "alone at first");
        Socket other = client();
        events.await(ServerEvent.Accepted.class, 2);
        Clients.Response again = Clients.get(c, "/?reload=1");
        assertTrue(again.body().contains("<b id=\"count\">2 sockets are</b> open on port"), "the same socket's next page counts the"
                + " second one: " + again.body());
        assertTrue(Clients.get(c, "/socket.json#top").body().contains("\"openSockets\":2"), "the path ends at ? or #");
        other.close();
        events.await(ServerEvent.Closed.class, 1);
        assertTrue(Clients.get(c, "/socket.json").body().contains("\"openSockets\":1"), "and the one that left");

        Clients.send(c, "HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        Clients.Response head = Clients.readHead(c);
        Clients.Response full = Clients.get(c, "/");
        assertEquals(again.body().replace("2 sockets are", "1 socket is"), full.body(),
                "the page after a HEAD on the same socket has its body");
        int length = full.body().getBytes(StandardCharsets.UTF_8).length;
        assertEquals(200, head.status());
        assertTrue(head.headers().contains("\r\nContent-Length: " + length + "\r\n"), "a HEAD says the length of the"
                + " body it leaves out: " + head.headers());
        assertEquals(head.headers(), full.headers(), "HEAD and GET answer with the same headers");
    }

    @Test
    void connectionCloseEndsTheSocketAfterTheAnswer() throws Exception {
        startLocal();
        Socket c = client();
        Clients.Response r = Clients.get(c, "/", "Connection: close");
        assertTrue(r.headers().contains("Connection: close"));
        assertEquals(-1, c.getInputStream().read(), "server closed its side");
        assertEquals(CloseReason.RESPONSE_DONE, events.await(ServerEvent.Closed.class, 1).get(0).reason());
    }

    @Test
    void idleKeepAliveSocketIsClosedAfterTheIdleTimeout() throws Exception {
        start(ServerConfig.of(0, BindMode.LOCAL).withIdleTimeout(Duration.ofMillis(300)));
        Socket c = client();
        Clients.get(c, "/");
        ServerEvent.Closed closed = events.await(ServerEvent.Closed.class, 1, Duration.ofSeconds(5)).get(0);
        assertEquals(CloseReason.IDLE_TIMEOUT, closed.reason());
        assertEquals(-1, c.getInputStream().read());
    }

    @Test
    void silentTextClientIsGreetedThenEchoed() throws Exception {
        startLocal();
        Socket c = client();
        String banner = Clients.readLine(c);
        assumeTrue(Kernel.available(), "the descriptor is checked against Linux /proc");
        int fd = Kernel.tcpDescriptor(server.port(), c.getLocalPort());
        assertEquals("SocketScope: You are socket fd " + fd + ": 127.0.0.1:" + c.getLocalPort()
                + " -> 127.0.0.1:" + server.port() + " (TCP). 1 socket is open on this port now."
                + " Type a line and it comes back to you.", banner);
        Clients.send(c, "hello, port\n");
        assertEquals("hello, port", Clients.readLine(c));
        Clients.send(c, "second line\r\n");
        assertEquals("second line", Clients.readLine(c));
        List<ServerEvent.Request> lines = events.await(ServerEvent.Request.class, 2);
        assertEquals("hello, port", lines.get(0).line());
        assertFalse(lines.get(0).isHttp());
    }

    @Test
    void textClientThatSpeaksFirstGetsTheBannerBeforeItsEcho() throws Exception {
        start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(30)));
        Socket c = client();
        Clients.send(c, "hi\n");
        assertTrue(Clients.readLine(c).startsWith("SocketScope: You are socket "));
        assertEquals("hi", Clients.readLine(c));
    }

    @Test
    void garbageBytesAreEchoedAndHarmNoOtherConnection() throws Exception {
        startLocal();
        Socket bad = client();
        Socket good = client();
        Clients.send(bad, "\u0000\u00ff\u001b[31m\u0001GET\n");
        assertTrue(Clients.readLine(bad).startsWith("SocketScope:"));
        assertEquals(200, Clients.get(good, "/socket.json").status());
        ServerEvent.Request echoed = (ServerEvent.Request) events.awaitMatch(
                e -> e instanceof ServerEvent.Request r && !r.isHttp());
        assertTrue(echoed.line().contains("\u001b"), "the event keeps the raw line; escaping is for display");
        assertTrue(events.of(ServerEvent.Failed.class).isEmpty());
    }

    @Test
    void overlongRequestLineGets414AndCloses() throws Exception {
        startLocal();
        Socket c = client();
        Clients.send(c, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n");
        assertEquals(414, Clients.readResponse(c).status());
        assertEquals(CloseReason.RESPONSE_DONE, events.await(ServerEvent.Closed.class, 1).get(0).reason());
        assertEquals(414, events.await(ServerEvent.Request.class, 1).get(0).status());
    }

    @Test
    void unsupportedMethodGets405() throws Exception {
        startLocal();
        Socket c = client();
        Clients.send(c, "DELETE / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(405, Clients.readResponse(c).status());
        assertEquals(CloseReason.RESPONSE_DONE, events.await(ServerEvent.Closed.class, 1).get(0).reason());
    }

    @Test
    void openAnotherConnectionComesBackOnANewSocket() throws Exception {
        startLocal();
        Socket c = client();
        Clients.Response r = Clients.get(c, "/another");
        assertEquals(303, r.status());
        assertTrue(r.headers().contains("Location: /\r\n"));
        assertTrue(r.headers().contains("Connection: close"));
        assertEquals(-1, c.getInputStream().read(), "the old socket is closed, so the browser must open a new one");
        assertEquals(CloseReason.RESPONSE_DONE, events.await(ServerEvent.Closed.class, 1).get(0).reason());
        Socket next = client();
        assertTrue(Clients.get(next, "/").body().contains("Open another connection"));
        List<ConnectionRef> both = events.await(ServerEvent.Accepted.class, 2).stream()
                .map(ServerEvent.Accepted::connection).toList();
        assertTrue(both.get(0).id() != both.get(1).id());
    }

    @Test
    void userAgentTravelsWithTheRequestEvent() throws Exception {
        startLocal();
        Socket c = client();
        Clients.get(c, "/", "User-Agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)");
        assertEquals("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)",
                events.await(ServerEvent.Request.class, 1).get(0).userAgent());
    }

    @Test
    void unknownPathGets404OnTheSameSocket() throws Exception {
        startLocal();
        Socket c = client();
        assertEquals(404, Clients.get(c, "/etc/passwd").status());
        assertEquals(200, Clients.get(c, "/").status());
        assertEquals(1, events.of(ServerEvent.Accepted.class).size());
    }

    @Test
    void clientResetMidRequestIsReportedAsReset() throws Exception {
        startLocal();
        Socket c = client();
        events.await(ServerEvent.Accepted.class, 1);
        Clients.send(c, "GET / HTTP/1.1\r\nHost: half");
        Thread.sleep(100);
        c.setSoLinger(true, 0);
        c.close();
        assertEquals(CloseReason.RESET, events.await(ServerEvent.Closed.class, 1).get(0).reason());
        Socket next = client();
        assertEquals(200, Clients.get(next, "/").status(), "the server keeps serving");
    }

    @Test
    void stopClosesEverySocketEachWithItsCloseThenReportsStopped() throws Exception {
        startLocal();
        Socket a = client();
        Socket b = client();
        events.await(ServerEvent.Accepted.class, 2);
        int port = server.port();
        server.stop();
        List<ServerEvent.Closed> closed = events.of(ServerEvent.Closed.class);
        assertEquals(2, closed.size());
        assertTrue(closed.stream().allMatch(c -> c.reason() == CloseReason.SERVER_STOP));
        List<ServerEvent> all = events.all();
        assertTrue(all.get(all.size() - 1) instanceof ServerEvent.Stopped, "Stopped comes last: " + all);
        assertEquals(-1, a.getInputStream().read());
        assertEquals(-1, b.getInputStream().read());
        assertEquals(0, server.openSockets());
        assertFalse(server.isRunning());
        // The port is free again: a new run can bind it.
        SocketServer again = SocketServer.start(ServerConfig.of(port, BindMode.LOCAL), new EventRecorder(),
                DescriptorLookup.forThisSystem());
        again.stop();
    }

    @Test
    void ipv6LoopbackClientsAreShownInBracketForm() throws Exception {
        startLocal();
        ServerEvent.Listening listening = events.await(ServerEvent.Listening.class, 1).get(0);
        assumeTrue(listening.sockets().size() == 2, "this machine has IPv6 loopback");
        Socket c = fixture.client("::1", server.port());
        ConnectionRef ref = events.await(ServerEvent.Accepted.class, 1).get(0).connection();
        assertEquals("[::1]:" + c.getLocalPort(), ref.client().toString());
        Matcher m = Pattern.compile("\"fd\":(\\d+)").matcher(Clients.get(c, "/socket.json").body());
        assertTrue(m.find());
        assumeTrue(Kernel.available(), "the descriptor is checked against Linux /proc");
        assertEquals(Kernel.tcpDescriptor(server.port(), c.getLocalPort()), Integer.parseInt(m.group(1)));
    }

    @Test
    void eachRunHasItsOwnId() throws Exception {
        SocketServer first = startLocal();
        first.stop();
        EventRecorder second = new EventRecorder();
        SocketServer next = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), second, DescriptorLookup.forThisSystem());
        try {
            assertTrue(next.runId() > first.runId());
            assertEquals(next.runId(), second.await(ServerEvent.Listening.class, 1).get(0).runId());
        } finally {
            next.stop();
        }
    }

    @Test
    void descriptorsReadFromTheChannelAgreeWithProc() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcFdLookup.isAvailable(), "needs Linux /proc");
        startLocal();
        Socket c = client();
        ConnectionRef ref = events.await(ServerEvent.Accepted.class, 1).get(0).connection();
        Descriptor fromProc = new ProcFdLookup(new SurrogateIds()).connection(
                new InetSocketAddress(ref.server().address(), ref.server().port()),
                new InetSocketAddress(ref.client().address(), c.getLocalPort()));
        assertEquals(fromProc, ref.descriptor());
        try (java.nio.channels.ServerSocketChannel probe = java.nio.channels.ServerSocketChannel.open()) {
            assertTrue(ChannelFds.readable(probe), "the tests run with --add-opens, as the app does: the fast path is on");
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            long inode = ProcFdLookup.inodeOfFd(ChannelFds.of(probe).getAsInt());
            assertTrue(ProcFdLookup.readTables().stream().anyMatch(e -> e.inode() == inode
                    && e.localPort() == probe.socket().getLocalPort()));
        }
    }
}
