package io.socketscope.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real loopback session recorded to a file (a kept-alive page, a text client with its echo, a reset, a
 * UDP peer), read back, and folded into a fresh model: it ends in the same state as the model that saw the
 * events live (same sockets, descriptors, counts and close reasons).
 */
class SessionRoundTripTest {

    @TempDir
    Path dir;

    private final List<ServerEvent> live = new ArrayList<>();

    @Test
    void aRecordedSessionReplaysToTheSameModelAsLive() throws Exception {
        Path file = dir.resolve("session.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file, "test", "os");
        // The recorder first: once this test sees an event, the recorder has it too (the other way round, a
        // server thread descheduled between the two let Stop and the recorder's close pass in between).
        ServerListener both = ServerListener.all(recorder, e -> {
            synchronized (live) {
                live.add(e);
                live.notifyAll();
            }
        });
        ServerConfig config = ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofMillis(100))
                .withFinLinger(Duration.ofMillis(100));
        PortListener tcp = PortListener.start(Protocol.TCP, config, both, DescriptorLookup.forThisSystem());
        PortListener udp = PortListener.start(Protocol.UDP, config, both, DescriptorLookup.forThisSystem());
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (Socket page = new Socket(lo, tcp.port())) {
            OutputStream out = page.getOutputStream();
            InputStream in = page.getInputStream();
            out.write("GET /a,%22b%22?q=1,2 HTTP/1.1\r\nHost: x\r\n\r\nGET /socket.json HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            waitFor(e -> e instanceof ServerEvent.Request r && r.line().contains("/socket.json"));
            try (Socket text = new Socket(lo, tcp.port())) {
                text.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                text.setSoTimeout(5000);
                byte[] echo = new byte[256];
                assertTrue(text.getInputStream().read(echo) > 0, "the echo came back");
                text.shutdownOutput();
                waitFor(e -> e instanceof ServerEvent.HalfClosed);
            }
            Socket reset = new Socket(lo, tcp.port());
            waitFor(e -> e instanceof ServerEvent.Accepted a && a.connection().client().port() == reset.getLocalPort());
            reset.setSoLinger(true, 0);
            reset.close();
            waitFor(e -> e instanceof ServerEvent.Closed c && c.reason() == CloseReason.RESET);
            if (io.socketscope.server.Kernel.available()) {
                // The server closes first: the kernel keeps the connection in TIME_WAIT, a ghost to replay.
                try (Socket first = new Socket(lo, tcp.port())) {
                    first.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    first.setSoTimeout(5000);
                    first.getInputStream().readAllBytes();
                }
                waitFor(e -> e instanceof ServerEvent.KernelState k && k.state() == io.socketscope.server.TcpState.TIME_WAIT);
            }
            try (DatagramSocket peer = new DatagramSocket(0, lo)) {
                byte[] hi = "hi udp".getBytes(StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(hi, hi.length, lo, udp.port()));
                waitFor(e -> e instanceof ServerEvent.Datagram);
            }
            assertTrue(in.available() >= 0);
        }
        waitFor(e -> e instanceof ServerEvent.Closed c && c.reason() == CloseReason.PEER_CLOSED);
        // The phone page's live view and a held connection, open until Stop.
        Socket stream = new Socket(lo, tcp.port());
        Socket held = new Socket(lo, tcp.port());
        stream.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        held.getOutputStream().write("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        waitFor(e -> e instanceof ServerEvent.Request r && r.role() == io.socketscope.server.SocketRole.LIVE_VIEW);
        waitFor(e -> e instanceof ServerEvent.Request r && r.role() == io.socketscope.server.SocketRole.HELD);
        udp.stop();
        tcp.stop();
        stream.close();
        held.close();
        waitFor(e -> e instanceof ServerEvent.Stopped s && s.protocol() == Protocol.TCP);
        recorder.close();

        Session session = SessionReader.read(file);
        List<ServerEvent> recorded = session.events();
        List<ServerEvent> seen;
        synchronized (live) {
            seen = List.copyOf(live);
        }
        assertEquals(seen.size(), recorded.size(), "every event was recorded");
        ScopeModel liveModel = new ScopeModel();
        liveModel.apply(seen);
        ScopeModel replayed = new ScopeModel();
        replayed.apply(recorded);
        assertEquals(summary(liveModel), summary(replayed));
        assertEquals(liveModel.acceptedTotal(), replayed.acceptedTotal());
        assertEquals(liveModel.requestsTotal(), replayed.requestsTotal());
        assertEquals(liveModel.datagramsTotal(), replayed.datagramsTotal());
        assertTrue(summary(replayed).values().stream().anyMatch(s -> s.contains("reset")), summary(replayed).toString());
        int stop = 0;
        while (!(recorded.get(stop) instanceof ServerEvent.Closed c && c.reason() == CloseReason.SERVER_STOP)) {
            stop++;
        }
        ScopeModel beforeStop = new ScopeModel();
        beforeStop.apply(recorded.subList(0, stop));
        assertEquals(List.of("HELD", "LIVE_VIEW"), beforeStop.openSockets().stream().map(x -> x.state().name())
                .filter(n -> n.equals("HELD") || n.equals("LIVE_VIEW")).sorted().toList(), "replayed as they were before Stop");
        if (io.socketscope.server.Kernel.available()) {
            ServerEvent.KernelState kept = (ServerEvent.KernelState) seen.stream().filter(e -> e instanceof
                    ServerEvent.KernelState k && k.state() == io.socketscope.server.TcpState.TIME_WAIT).findFirst().orElseThrow();
            assertEquals(List.of(kept.connection().descriptor().label()), beforeStop.ghosts().stream()
                    .filter(g -> g.state() == io.socketscope.server.TcpState.TIME_WAIT)
                    .map(g -> g.connection().descriptor().label()).toList(), "the TIME_WAIT ghost replayed, with its fd");
        }
        assertEquals(2, replayed.log().stream().filter(l -> l.kind() == io.socketscope.model.LogEntry.Kind.LIVE
                || l.kind() == io.socketscope.model.LogEntry.Kind.HELD).count(), "LIVE and HELD lines replayed");
        // The same lines (the recorder's queue and this test's list may interleave two sockets' events apart).
        assertEquals(seen.stream().map(e -> io.socketscope.model.EventLines.entry(e).line()).sorted().toList(),
                recorded.stream().map(e -> io.socketscope.model.EventLines.entry(e).line()).sorted().toList());
    }

    @Test
    void socketsAndLogGoToCsvAndReadBackFieldForField() throws Exception {
        aRecordedSessionReplaysToTheSameModelAsLive();
        ScopeModel model = new ScopeModel();
        model.apply(SessionReader.read(dir.resolve("session.jsonl")).events());
        java.io.StringWriter sockets = new java.io.StringWriter();
        SessionCsv.writeSockets(sockets, model.openSockets(), model.recentlyClosed());
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(sockets.toString())).getRecords();
        List<SocketInfo> all = new ArrayList<>(model.openSockets());
        all.addAll(model.recentlyClosed());
        assertEquals(all.size(), rows.size());
        for (int i = 0; i < all.size(); i++) {
            SocketInfo s = all.get(i);
            org.apache.commons.csv.CSVRecord r = rows.get(i);
            assertEquals(s.connection().client().ip(), r.get("client_ip"));
            assertEquals(Integer.toString(s.connection().client().port()), r.get("client_port"));
            assertEquals(s.connection().descriptor().label(), r.get("descriptor"));
            assertEquals(s.closeReason() == null ? "" : s.closeReason().code(), r.get("close_reason"));
            assertEquals(Long.toString(s.traffic().sent()), r.get("bytes_out"));
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("last_request").equals("GET /socket.json HTTP/1.1")));
        java.io.StringWriter log = new java.io.StringWriter();
        SessionCsv.writeLog(log, model.log());
        List<org.apache.commons.csv.CSVRecord> lines = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(log.toString())).getRecords();
        assertEquals(model.log().size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(model.log().get(i).detail(), lines.get(i).get("detail"), "commas and quotes survive");
        }
        assertTrue(lines.stream().anyMatch(r -> r.get("detail").contains("/a,%22b%22?q=1,2")), log.toString());
    }

    /** Every socket the model knows (open and recently closed) in words: client, descriptor, state, reason, bytes. */
    private static Map<String, String> summary(ScopeModel model) {
        Map<String, String> out = new TreeMap<>();
        List<SocketInfo> all = new ArrayList<>(model.openSockets());
        all.addAll(model.recentlyClosed());
        for (SocketInfo s : all) {
            out.put(s.protocol() + " " + s.connection().client() + " " + s.id(), s.connection().descriptor().label() + " "
                    + s.state() + " " + (s.closeReason() == null ? "open" : s.closeReason().code()) + " "
                    + s.requests() + " requests " + s.traffic());
        }
        return out;
    }

    private void waitFor(Predicate<ServerEvent> what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (live) {
            while (live.stream().noneMatch(what)) {
                long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no such event in " + live);
                }
                live.wait(left);
            }
        }
    }
}
