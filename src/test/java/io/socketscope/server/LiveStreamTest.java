package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live page's stream and held connections at the socket level: Server-Sent Events framing, a whole
 * state on every (re)connect, a phone that never reads, the limits and their 429, a held connection's end,
 * and Stop with 500 streams. Descriptors are checked against the kernel.
 */
class LiveStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStreamIsServerSentEventsWithTheWholeStateAtEveryConnect() throws Exception {
        assumeTrue(Kernel.available());
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.start(ServerConfig.of(0, BindMode.LOCAL)).port();
            Socket stream = fixture.client(port);
            Clients.Response head = openStream(stream);
            int fd = Kernel.tcpDescriptor(port, "127.0.0.1", stream.getLocalPort());
            assertTrue(head.headers().contains("Content-Type: text/event-stream; charset=utf-8\r\n"), head.headers());
            assertTrue(head.headers().contains("X-Socket: fd " + fd + "\r\n"), head.headers());
            assertFalse(head.headers().toLowerCase().contains("content-length"), "a stream has no length");
            assertEquals(Map.of("retry", "3000"), event(stream), "the browser's reconnect delay first");

            Map<String, String> first = event(stream);
            assertEquals("state", first.get("event"));
            JsonNode state = JSON.readTree(first.get("data"));
            assertEquals("fd " + fd, state.path("self").path("fd").asText());
            assertEquals(stream.getLocalPort(), state.path("self").path("port").asInt());
            assertEquals(1, state.path("open").asInt());

            // Another device joins: the next update says so, with its fd as the kernel has it.
            Socket other = from(fixture, "127.0.2.1", port);
            // Until the app accepts it the kernel lists the connection with no socket of the app's (inode 0).
            fixture.events.awaitMatch(e -> e instanceof ServerEvent.Accepted a
                    && a.connection().client().port() == other.getLocalPort());
            int otherFd = Kernel.tcpDescriptor(port, "127.0.2.1", other.getLocalPort());
            JsonNode next = untilState(stream, s -> s.path("open").asInt() == 2);
            assertEquals(2, next.path("devices").asInt());
            assertTrue(next.path("recent").toString().contains("127.0.2.1 opened fd " + otherFd), next.toString());
            long lastId = Long.parseLong(lastEvent.get("id"));

            // The browser reconnects with Last-Event-ID: it gets the whole state at once, newer than what it had.
            stream.close();
            Socket again = fixture.client(port);
            openStream(again, "Last-Event-ID: " + lastId);
            assertEquals("3000", event(again).get("retry"));
            Map<String, String> fresh = event(again);
            assertTrue(Long.parseLong(fresh.get("id")) > lastId, fresh.toString());
            JsonNode whole = JSON.readTree(fresh.get("data"));
            assertEquals("fd " + Kernel.tcpDescriptor(port, "127.0.0.1", again.getLocalPort()),
                    whole.path("self").path("fd").asText());
            assertTrue(whole.path("mine").toString().contains("\"role\":\"live view\""), whole.toString());
        }
    }

    @Test
    void aPhoneThatNeverReadsLosesUpdatesWithoutHoldingAnyoneUpAndGoesAtTheIdleTimeout() throws Exception {
        assumeTrue(Kernel.available());
        try (ServerFixture fixture = new ServerFixture()) {
            // Idle after 2 s: a stream that takes nothing for that long goes; one that reads stays. The other
            // clients are silent and wait for a banner they never get in this test.
            SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL).withIdleTimeout(Duration.ofSeconds(2))
                    .withBannerDelay(Duration.ofSeconds(60)));
            int port = server.port();
            Socket stalled = new Socket();
            stalled.setReceiveBufferSize(2048);
            stalled.bind(new InetSocketAddress("127.0.3.1", 0));
            stalled.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            Clients.send(stalled, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            Socket reader = fixture.client(port);
            openStream(reader);
            event(reader);
            // The stalled phone's updates are large: forty sockets of its own address are listed in each.
            for (int i = 0; i < 40; i++) {
                from(fixture, "127.0.3.1", port);
            }
            LiveHub hub = server.liveHub();
            int devices = untilState(reader, st -> st.path("open").asInt() == 42).path("devices").asInt();
            long queueAtMost = 0;
            int round = 0;
            int whileFull = 0;
            while (hub.dropped() < 2 || whileFull < 5) {
                whileFull += hub.dropped() > 0 ? 1 : 0;
                assertTrue(round < 500, "the stalled phone's socket never filled");
                // One more device, then the reading phone's update that counts it: the pace is the hub's own.
                round++;
                from(fixture, "127.0." + (6 + round / 250) + "." + (1 + round % 250), port);
                int want = devices + round;
                untilState(reader, st -> st.path("devices").asInt() == want);
                queueAtMost = Math.max(queueAtMost, Kernel.sendQueue(port, stalled.getLocalPort()));
            }
            assertTrue(hub.dropped() >= 2, "updates to the full socket are dropped: " + hub.dropped());
            // No growth: what the kernel holds unsent for it stays within the stream's small send buffer.
            assertTrue(queueAtMost <= 4L * LiveHub.STREAM_SEND_BUFFER, "send queue " + queueAtMost + " B");
            // It took nothing for the idle timeout: the server closed it. The reading phone outlived that time.
            ServerEvent.Closed gone = (ServerEvent.Closed) fixture.events.awaitMatch(e -> e instanceof ServerEvent.Closed c
                    && c.connection().client().port() == stalled.getLocalPort());
            assertEquals(CloseReason.IDLE_TIMEOUT, gone.reason());
            assertTrue(fixture.events.of(ServerEvent.Closed.class).stream()
                    .noneMatch(c -> c.connection().client().port() == reader.getLocalPort()), "the reader is open");
            InputStream in = stalled.getInputStream();
            assertEquals("HTTP/1.1 200 OK", new String(in.readNBytes(15), StandardCharsets.US_ASCII),
                    "what it was sent is still there to read");
        }
    }

    @Test
    void pastItsLimitsAClientGetsA429AndRoomComesBackWhenOneCloses() throws Exception {
        ServerConfig config = ServerConfig.of(0, BindMode.LOCAL).withLive(new LiveLimits(2, 3, Duration.ofSeconds(60)));
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.start(config).port();
            Socket a1 = from(fixture, "127.0.4.1", port);
            assertEquals(200, openStream(a1).status());
            Socket a2 = from(fixture, "127.0.4.1", port);
            Clients.send(a2, "GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, Clients.readHead(a2).status());

            Socket a3 = from(fixture, "127.0.4.1", port);
            Clients.Response refused = Clients.get(a3, "/events");
            assertEquals(429, refused.status());
            assertTrue(refused.body().contains("127.0.4.1, already has 2 live views and held connections"),
                    refused.body());
            assertTrue(refused.headers().contains("Connection: close"), refused.headers());
            assertEquals(-1, a3.getInputStream().read(), "closed after the 429");

            Socket b1 = from(fixture, "127.0.4.2", port);
            assertEquals(200, openStream(b1).status());
            Socket c1 = from(fixture, "127.0.4.3", port);
            Clients.Response full = Clients.get(c1, "/hold");
            assertEquals(429, full.status());
            assertTrue(full.body().contains("already has 3 live views and held connections open"), full.body());

            // One of 127.0.4.1's closes: once the server has seen it, the address has room again.
            long a1Id = idOf(fixture, a1);
            a1.close();
            fixture.events.awaitMatch(e -> e instanceof ServerEvent.Closed c && c.connection().id() == a1Id);
            Socket a4 = from(fixture, "127.0.4.1", port);
            assertEquals(200, openStream(a4).status());
            // Six answers in all (each event goes out just after its answer): three live views, a hold, two 429s.
            assertEquals(3, fixture.events.await(ServerEvent.Request.class, 6).stream()
                    .filter(r -> r.role() == SocketRole.LIVE_VIEW).count());
        }
    }

    @Test
    void aHeldConnectionSaysWhichSocketItIsAndEndsByItselfAfterItsTime() throws Exception {
        assumeTrue(Kernel.available());
        ServerConfig config = ServerConfig.of(0, BindMode.LOCAL).withLive(new LiveLimits(6, 100, Duration.ofSeconds(1)));
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.start(config).port();
            Socket held = fixture.client(port);
            Clients.send(held, "GET /hold?n=1 HTTP/1.1\r\nHost: x\r\n\r\n");
            Clients.Response head = Clients.readHead(held);
            int fd = Kernel.tcpDescriptor(port, "127.0.0.1", held.getLocalPort());
            assertTrue(head.headers().contains("X-Socket: fd " + fd + "\r\n"), head.headers());
            assertTrue(head.headers().contains("X-Client-Port: " + held.getLocalPort() + "\r\n"), head.headers());
            String body = new String(held.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.startsWith("SocketScope holds this connection open: fd " + fd + ", 127.0.0.1:"
                    + held.getLocalPort()), body);
            assertTrue(body.endsWith("Held for 1 s: the server lets go now.\n"), body);
            ServerEvent.Closed closed = (ServerEvent.Closed) fixture.events.awaitMatch(e -> e instanceof ServerEvent.Closed);
            assertEquals(CloseReason.HOLD_ENDED, closed.reason());
        }
    }

    @Test
    void stopEndsFiveHundredStreamsWithAGoodbyeAndNoThreadEach() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL));
            int port = server.port();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Socket> streams = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Socket s = from(fixture, "127.0.5." + (1 + i / 5), port);
                assertEquals(200, openStream(s).status());
                streams.add(s);
            }
            fixture.events.await(ServerEvent.Request.class, 500, Duration.ofSeconds(30));
            for (Socket s : streams) {
                assertEquals("3000", event(s).get("retry"));
                assertEquals("state", event(s).get("event"));
            }
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threads - threadsBefore < 50, "500 live streams cost " + (threads - threadsBefore) + " threads");

            server.stop();
            for (Socket s : streams) {
                Map<String, String> last;
                do {
                    last = event(s);
                } while (last != null && !"bye".equals(last.get("event")));
                assertNotNull(last, "a goodbye before the end");
                assertTrue(last.get("data").contains("stopped listening on port " + port), last.toString());
                assertEquals(-1, s.getInputStream().read(), "then the stream ends");
            }
            assertEquals(500, fixture.events.of(ServerEvent.Closed.class).stream()
                    .filter(c -> c.reason() == CloseReason.SERVER_STOP).count());
        }
    }

    @Test
    void withoutScriptThePageIsCompleteAndItsPolicyAllowsOnlyItsOwnScript() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.start(ServerConfig.of(0, BindMode.LOCAL)).port();
            Socket s = fixture.client(port);
            Clients.Response page = Clients.get(s, "/");
            assertTrue(page.headers().contains("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline';"
                    + " script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'\r\n"), page.headers());
            assertEquals(1, page.body().split("<script", -1).length - 1, "one script element");
            assertTrue(page.body().contains("<script src=\"/live.js\" defer></script>"), "a file, not inline");
            assertTrue(page.body().contains("<section id=\"live\" hidden>"), "the live part waits for the script");
            assertTrue(page.body().contains("<a class=\"button\" href=\"/another\">Open another connection</a>"));
            assertTrue(page.body().contains("<b id=\"count\">1 socket is</b> open on port " + port + " now"));
            Clients.Response script = Clients.get(s, "/live.js");
            assertEquals(200, script.status());
            assertTrue(script.headers().contains("Content-Type: text/javascript; charset=utf-8"), script.headers());
            assertTrue(script.body().contains("new EventSource('/events')"));
        }
    }

    // --- helpers

    private Map<String, String> lastEvent;

    private static Clients.Response openStream(Socket s, String... headers) throws IOException {
        StringBuilder req = new StringBuilder("GET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n");
        for (String h : headers) {
            req.append(h).append("\r\n");
        }
        Clients.send(s, req.append("\r\n").toString());
        return Clients.readHead(s);
    }

    /** The next event's fields (a comment alone is skipped); null at the end of the stream. */
    private static Map<String, String> event(Socket s) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (true) {
            String line = readLine(s);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    return fields;
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
    }

    private JsonNode untilState(Socket s, java.util.function.Predicate<JsonNode> wanted) throws IOException {
        for (int i = 0; i < 200; i++) {
            Map<String, String> e = event(s);
            assertNotNull(e, "the stream ended");
            if ("state".equals(e.get("event"))) {
                lastEvent = e;
                JsonNode state = JSON.readTree(e.get("data"));
                if (wanted.test(state)) {
                    return state;
                }
            }
        }
        throw new AssertionError("no such update in 200");
    }

    private static String readLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        for (; b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static Socket from(ServerFixture fixture, String ip, int port) throws IOException {
        return fixture.adopt(Clients.connectFrom(ip, port));
    }

    private static long idOf(ServerFixture fixture, Socket s) {
        return fixture.events.accepted().stream().filter(c -> c.client().port() == s.getLocalPort()
                && c.client().ip().equals(s.getLocalAddress().getHostAddress())).findFirst().orElseThrow().id();
    }
}
