package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A UDP port that answers anyone must not become anyone's amplifier: replies are rate-limited per peer and
 * per port, never sent to a privileged source port, flows are capped, and names are looked up within bounds.
 * Real datagrams on loopback (127.0.0.0/8 sources).
 */
class UdpLimitsTest {

    private final EventRecorder events = new EventRecorder();
    private final List<PortListener> servers = new ArrayList<>();

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL).withFlowQuiet(Duration.ofSeconds(30));

    private DatagramServer start(ServerConfig config) throws BindFailure {
        DatagramServer server = DatagramServer.start(config, events, DescriptorLookup.forThisSystem());
        servers.add(server);
        return server;
    }

    @AfterEach
    void tearDown() {
        servers.forEach(PortListener::stop);
    }

    private static void send(DatagramSocket from, int port, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), port));
    }

    /** Replies that arrive until none has come for {@code quietMs}. */
    private static int repliesUntilQuiet(DatagramSocket peer, int quietMs) throws IOException {
        peer.setSoTimeout(quietMs);
        byte[] in = new byte[2048];
        int n = 0;
        while (true) {
            try {
                peer.receive(new DatagramPacket(in, in.length));
                n++;
            } catch (SocketTimeoutException quiet) {
                return n;
            }
        }
    }

    @Test
    void aFloodFromOnePeerGetsAtMostTenRepliesASecondAndEveryDatagramIsStillReported() throws Exception {
        DatagramServer server = start(CONFIG);
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            peer.setReceiveBufferSize(1 << 20);
            int sent = 200;
            long start = System.nanoTime();
            for (int i = 0; i < sent; i++) {
                send(peer, server.port(), "flood " + i);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;
            List<ServerEvent.Datagram> got = events.await(ServerEvent.Datagram.class, sent);
            int received = repliesUntilQuiet(peer, 500);
            long answered = got.stream().filter(ServerEvent.Datagram::answered).count();
            assertEquals(answered, received, "each reply the server reports is one the peer got");
            // The sends fall in at most `seconds` + 1 of the server's one-second windows.
            assertTrue(answered >= 1 && answered <= DatagramServer.REPLIES_PER_PEER * (seconds + 1),
                    answered + " replies to " + sent + " datagrams");
            ServerEvent.Datagram refused = got.stream().filter(d -> !d.answered()).findFirst().orElseThrow();
            assertTrue(refused.unanswered().contains("at most 10 replies a second to one peer"), refused.unanswered());
            long bytesIn = 0;
            for (int i = 0; i < sent; i++) {
                bytesIn += ("flood " + i).length();
            }
            assertEquals(bytesIn, got.get(got.size() - 1).traffic().received(), "every datagram counted");
            long bytesOut = got.get(got.size() - 1).traffic().sent();
            assertTrue(bytesOut > 0 && bytesOut < 200L * (answered + 1), "only replies sent are counted: " + bytesOut);
        }
    }

    @Test
    void aPrivilegedSourcePortGetsNoReply() throws Exception {
        DatagramServer server = start(CONFIG);
        DatagramSocket peer;
        try {
            peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 999));
        } catch (BindException notRoot) {
            Assumptions.abort("binding source port 999 needs root (or CAP_NET_BIND_SERVICE): " + notRoot.getMessage());
            return;
        }
        try (peer) {
            send(peer, server.port(), "reflect me");
            ServerEvent.Datagram d = events.await(ServerEvent.Datagram.class, 1).get(0);
            assertTrue(d.unanswered().contains("source port 999 is below 1024"), d.unanswered());
            assertEquals(0, repliesUntilQuiet(peer, 400), "nothing was sent to port 999");
            assertEquals(0, d.traffic().sent());
        }
    }

    @Test
    void twentyThousandPeersKeepTheFlowsCappedAndTcpStaysResponsive() throws Exception {
        int cap = 1000;
        DatagramServer udp = start(CONFIG.withMaxSockets(cap));
        ServerFixture tcp = new ServerFixture();
        try (tcp) {
            SocketServer web = tcp.start(ServerConfig.of(0, BindMode.LOCAL));
            AtomicInteger failures = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            Thread flood = new Thread(() -> {
                try {
                    for (int k = 0; k < 20_000; k++) {
                        String ip = "127.0." + (1 + k / 250) + "." + (2 + k % 250);
                        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0))) {
                            send(s, udp.port(), "hi");
                        }
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "udp-flood");
            flood.start();
            long worst = 0;
            int rounds = 0;
            while (done.getCount() > 0) {
                long t = System.nanoTime();
                try (Socket c = Clients.connect(web.port())) {
                    assertEquals(200, Clients.get(c, "/socket.json", "Connection: close").status());
                }
                worst = Math.max(worst, System.nanoTime() - t);
                rounds++;
            }
            flood.join();
            assertEquals(0, failures.get());
            assertTrue(rounds >= 1);
            // A freeze guard, not a speed check (the benchmark measures speed): TCP is answered during the flood.
            assertTrue(worst < 10_000_000_000L, "TCP answered within 10 s during the flood: " + worst / 1_000_000 + " ms");
        }
        ServerEvent.Failed said = (ServerEvent.Failed) events.awaitMatch(e -> e instanceof ServerEvent.Failed f
                && f.message().contains("the flow limit (1,000) is reached"));
        assertTrue(said.message().contains("from new peers ignored"), said.message());
        assertEquals(cap, udp.openSockets(), "flows stop at the cap");
        // Past the cap no flow is made: every datagram reported belongs to one of the first `cap` peers.
        long flows = events.of(ServerEvent.Datagram.class).stream().map(d -> d.flow().id()).distinct().count();
        assertEquals(cap, flows);
    }

    @Test
    void quietFlowsExpireWhileATalkingOneStays() throws Exception {
        DatagramServer server = start(CONFIG.withFlowQuiet(Duration.ofMillis(600)));
        try (DatagramSocket talker = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0))) {
            for (int k = 0; k < 50; k++) {
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(
                        InetAddress.getByName("127.0.3." + (2 + k)), 0))) {
                    send(s, server.port(), "once");
                }
            }
            send(talker, server.port(), "first");
            events.await(ServerEvent.Datagram.class, 51);
            // The talker keeps talking (every 150 ms) while the others fall quiet.
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                send(talker, server.port(), "still here");
                Thread.sleep(150);
            }
            List<ServerEvent.Closed> closed = events.await(ServerEvent.Closed.class, 50);
            assertTrue(closed.stream().allMatch(c -> c.reason() == CloseReason.QUIET));
            assertTrue(closed.stream().noneMatch(c -> c.connection().client().address().getHostAddress().equals("127.0.0.2")),
                    "the talking flow is not forgotten");
            assertEquals(1, server.openSockets());
        }
    }

    @Test
    void namesAreLookedUpWithinBounds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        HostNames names = new HostNames(address -> {
            asked.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "host-" + address.getHostAddress();
        }, 100, 10);
        try (names) {
            List<String> found = java.util.Collections.synchronizedList(new ArrayList<>());
            // Addresses of the benchmarking range 198.18.0.0/15, handed to the stand-in resolver above (no DNS).
            for (int k = 0; k < 20_000; k++) {
                names.lookUp(InetAddress.getByAddress(new byte[] {(byte) 198, 18, (byte) (k / 256), (byte) (k % 256)}),
                        (ip, name) -> found.add(name));
                assertTrue(names.waiting() <= 10, "lookups waiting stay bounded");
                assertTrue(names.knownCount() <= 100, "names kept stay bounded");
            }
            release.countDown();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (found.size() < asked.get() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(asked.get() >= 1 && asked.get() <= 11, "one running and ten waiting at most: " + asked.get());
            assertEquals(asked.get(), found.size());
            assertTrue(found.stream().allMatch(n -> n.startsWith("host-198.18.")), found.toString());
        }
    }
}
