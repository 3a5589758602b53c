package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** UDP for contrast: one socket, one descriptor, every peer; no accept and no connections. */
class DatagramServerTest {

    private final EventRecorder events = new EventRecorder();
    private final List<DatagramSocket> peers = new ArrayList<>();
    private final List<PortListener> servers = new ArrayList<>();

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL).withFlowQuiet(Duration.ofSeconds(30));

    private DatagramServer start(ServerConfig config) throws BindFailure {
        DatagramServer server = DatagramServer.start(config, events, DescriptorLookup.forThisSystem());
        servers.add(server);
        return server;
    }

    private DatagramSocket peer(String ip) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0));
        s.setSoTimeout(5000);
        peers.add(s);
        return s;
    }

    private static String exchange(DatagramSocket peer, String ip, int port, String text) throws Exception {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(out, out.length, InetAddress.getByName(ip), port));
        byte[] in = new byte[2048];
        DatagramPacket reply = new DatagramPacket(in, in.length);
        peer.receive(reply);
        return new String(in, 0, reply.getLength(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void tearDown() {
        peers.forEach(DatagramSocket::close);
        servers.forEach(PortListener::stop);
    }

    @Test
    void twoPeersAreServedByOneSocketWithOneDescriptor() throws Exception {
        DatagramServer server = start(CONFIG);
        ServerEvent.Listening listening = events.await(ServerEvent.Listening.class, 1).get(0);
        assertEquals(Protocol.UDP, listening.protocol());
        Descriptor socketFd = listening.sockets().get(0).descriptor();

        DatagramSocket a = peer("127.0.0.1");
        DatagramSocket b = peer("127.0.0.1");
        String replyA = exchange(a, "127.0.0.1", server.port(), "hello from a");
        String replyB = exchange(b, "127.0.0.1", server.port(), "hello from b");
        String replyA2 = exchange(a, "127.0.0.1", server.port(), "again");

        assertTrue(!Kernel.available() || Kernel.udpDescriptors(server.port()).contains(socketFd.number()),
                "the socket named in the reply is the kernel's UDP socket of the port");
        assertTrue(replyA.contains("socket " + socketFd.label() + " received your datagram #1 (12 bytes) from 127.0.0.1:"
                + a.getLocalPort()), replyA);
        assertTrue(replyB.contains("from 127.0.0.1:" + b.getLocalPort()) && replyB.contains("all 2 peers"), replyB);
        assertTrue(replyA2.contains("datagram #2 (5 bytes)"), replyA2);

        List<ServerEvent.Datagram> datagrams = events.await(ServerEvent.Datagram.class, 3);
        assertEquals(List.of(socketFd, socketFd, socketFd), datagrams.stream().map(d -> d.flow().descriptor()).toList(),
                "every peer's datagrams arrive on the same descriptor");
        assertNotEquals(datagrams.get(0).flow().id(), datagrams.get(1).flow().id(), "two peers, two flows");
        assertEquals(datagrams.get(0).flow().id(), datagrams.get(2).flow().id());
        assertEquals(Protocol.UDP, datagrams.get(0).flow().protocol());
        assertEquals("hello from a", datagrams.get(0).preview());
        assertEquals(12 + 5, datagrams.get(2).traffic().received());
        assertEquals(replyA.getBytes(StandardCharsets.UTF_8).length + replyA2.getBytes(StandardCharsets.UTF_8).length,
                datagrams.get(2).traffic().sent());
        assertTrue(events.of(ServerEvent.Accepted.class).isEmpty(), "UDP has no accept");
        assertEquals(2, server.openSockets());
        assertFalse(server.closeSocket(datagrams.get(0).flow().id()), "no connection to close");
    }

    @Test
    void theDescriptorIsTheRealOneOfTheUdpSocket() throws Exception {
        Assumptions.assumeTrue(ProcFdLookup.isAvailable(), "needs Linux /proc");
        DatagramServer server = start(CONFIG);
        ServerEvent.Listening listening = events.await(ServerEvent.Listening.class, 1).get(0);
        Descriptor fd = listening.sockets().get(0).descriptor();
        assertEquals(Descriptor.Kind.OS, fd.kind());
        List<Integer> shown = listening.sockets().stream().map(s -> s.descriptor().number()).sorted().toList();
        assertEquals(Kernel.udpDescriptors(server.port()), shown,
                "the descriptors shown are the ones /proc/self/fd holds for UDP port " + server.port());
    }

    @Test
    void aQuietPeerIsForgottenAndComesBackAsANewFlow() throws Exception {
        DatagramServer server = start(CONFIG.withFlowQuiet(Duration.ofMillis(400)));
        DatagramSocket a = peer("127.0.0.1");
        exchange(a, "127.0.0.1", server.port(), "one");
        ServerEvent.Closed quiet = events.await(ServerEvent.Closed.class, 1).get(0);
        assertEquals(CloseReason.QUIET, quiet.reason());
        assertEquals(3, quiet.traffic().received());
        exchange(a, "127.0.0.1", server.port(), "two");
        List<ServerEvent.Datagram> datagrams = events.await(ServerEvent.Datagram.class, 2);
        assertNotEquals(datagrams.get(0).flow().id(), datagrams.get(1).flow().id());
        assertEquals(1, datagrams.get(1).number());
    }

    @Test
    void ipv6PeersAreShownInBracketForm() throws Exception {
        DatagramServer server = start(CONFIG);
        ServerEvent.Listening listening = events.await(ServerEvent.Listening.class, 1).get(0);
        Assumptions.assumeTrue(listening.sockets().size() == 2, "this machine has IPv6 loopback");
        DatagramSocket v6 = peer("::1");
        String reply = exchange(v6, "::1", server.port(), "hi");
        assertTrue(reply.contains("from [::1]:" + v6.getLocalPort()), reply);
        ServerEvent.Datagram d = events.await(ServerEvent.Datagram.class, 1).get(0);
        assertEquals("[::1]:" + v6.getLocalPort(), d.flow().client().toString());
        assertEquals("[::1]:" + server.port(), d.flow().server().toString());
    }

    @Test
    void stopEndsEveryFlowThenReportsStopped() throws Exception {
        DatagramServer server = start(CONFIG);
        exchange(peer("127.0.0.1"), "127.0.0.1", server.port(), "x");
        server.stop();
        List<ServerEvent> all = events.all();
        assertTrue(all.get(all.size() - 2) instanceof ServerEvent.Closed c && c.reason() == CloseReason.SERVER_STOP);
        assertTrue(all.get(all.size() - 1) instanceof ServerEvent.Stopped s && s.protocol() == Protocol.UDP);
    }

    @Test
    void tcpAndUdpShareOnePortNumber() throws Exception {
        SocketServer tcp = SocketServer.start(CONFIG, events, DescriptorLookup.forThisSystem());
        servers.add(tcp);
        DatagramServer udp = start(CONFIG.withPort(tcp.port(), BindMode.LOCAL));
        assertEquals(tcp.port(), udp.port(), "TCP port N and UDP port N are different ports");
        String reply = exchange(peer("127.0.0.1"), "127.0.0.1", udp.port(), "dns?");
        assertTrue(reply.startsWith("SocketScope: UDP port " + tcp.port()), reply);
        try (var c = Clients.connect(tcp.port())) {
            assertEquals(200, Clients.get(c, "/").status());
        }
    }

    @Test
    void aUdpPortInUseIsExplained() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            BindFailure e = org.junit.jupiter.api.Assertions.assertThrows(BindFailure.class,
                    () -> start(CONFIG.withPort(taken.getLocalPort(), BindMode.LOCAL)));
            assertTrue(e.getMessage().startsWith("UDP port " + taken.getLocalPort() + " is already in use"), e.getMessage());
        }
    }
}
