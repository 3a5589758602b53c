package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP as real clients speak it: pipelined requests each answered in order with nothing lost, request framing
 * that cannot be read without guessing answered 400, and a TLS handshake recognised and closed at once.
 * The framing cases run through the handler with the bytes split at every boundary (a stream that hands them
 * over in two reads); pipelining and TLS also over real loopback sockets.
 */
class HttpFramingTest {

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL)
            .withBannerDelay(Duration.ofSeconds(5)).withFinLinger(Duration.ZERO);
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) [^\r\n]*\r\n");

    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    /** Hands over {@code first} bytes in one read, then the rest in another, then the end. */
    private static final class TwoReads extends InputStream {
        private final byte[] bytes;
        private final int split;
        private int next;

        TwoReads(byte[] bytes, int split) {
            this.bytes = bytes;
            this.split = split;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (next >= bytes.length) {
                return -1;
            }
            int stop = next < split ? split : bytes.length;
            int n = Math.min(len, stop - next);
            System.arraycopy(bytes, next, b, off, n);
            next += n;
            return n;
        }
    }

    /** The status codes the handler answered, in order, for the request bytes split at {@code split}. */
    private static List<Integer> statuses(String request, int split) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConnectionRef ref = new ConnectionRef(1, new Endpoint(InetAddress.getLoopbackAddress(), 40000),
                new Endpoint(InetAddress.getLoopbackAddress(), 8080), Descriptor.os(7));
        ConnectionHandler handler = new ConnectionHandler(new TwoReads(bytes, split), out, ms -> { }, ref, CONFIG,
                () -> 1, (line, status, agent) -> { });
        handler.serve();
        List<Integer> statuses = new ArrayList<>();
        Matcher m = STATUS.matcher(out.toString(StandardCharsets.ISO_8859_1));
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }

    private static void atEverySplit(String request, List<Integer> expected) throws IOException {
        for (int split = 1; split < request.length(); split++) {
            assertEquals(expected, statuses(request, split), "split after byte " + split + " of:\n" + request);
        }
    }

    private static String get(String path, String... headers) {
        StringBuilder r = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: a\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        return r.append("\r\n").toString();
    }

    @Test
    void pipelinedRequestsAreEachAnsweredInOrderWhereverTheBytesSplit() throws IOException {
        atEverySplit(get("/socket.json") + get("/") + get("/nope") + get("/", "Connection: close"),
                List.of(200, 200, 404, 200));
    }

    @Test
    void framingThatNeedsAGuessIsAnswered400AndClosed() throws IOException {
        // Each is followed by a second request that must not be answered: the connection closes after the 400.
        String next = get("/");
        atEverySplit(get("/", "Content-Length: 5", "Content-Length: 6") + next, List.of(400));
        atEverySplit(get("/", "Content-Length: 0", "Content-Length: 0") + next, List.of(400));
        atEverySplit(get("/", "Content-Length: -1") + next, List.of(400));
        atEverySplit(get("/", "Content-Length: 1e3") + next, List.of(400));
        atEverySplit(get("/", "Transfer-Encoding: chunked", "Content-Length: 5") + next, List.of(400));
        atEverySplit(get("/", "Transfer-Encoding: gzip") + next, List.of(400));
        atEverySplit(get("/", "Transfer-Encoding: chunked", "Transfer-Encoding: chunked") + next, List.of(400));
    }

    @Test
    void wellFramedRequestsStillPass() throws IOException {
        atEverySplit(get("/", "Content-Length: 0") + get("/socket.json"), List.of(200, 200));
        // A body SocketScope does not read: answered, then closed, so the body is never taken for a request.
        atEverySplit(get("/", "Content-Length: 3") + "abc" + get("/"), List.of(200));
    }

    @Test
    void pipelinedRequestsOverARealSocketComeBackWholeAndInOrder() throws Exception {
        SocketServer server = fixture.start(CONFIG);
        Socket c = fixture.client(server.port());
        Clients.send(c, get("/socket.json") + get("/") + get("/nope") + get("/socket.json", "Connection: close"));
        List<Clients.Response> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(Clients.readResponse(c));
        }
        assertEquals(List.of(200, 200, 404, 200), answers.stream().map(Clients.Response::status).toList());
        assertTrue(answers.get(0).body().contains("\"port\":" + c.getLocalPort()), answers.get(0).body());
        assertTrue(answers.get(1).body().contains("<html"), "the page, whole");
        assertEquals(-1, c.getInputStream().read(), "closed after the last, as it asked");
        List<ServerEvent.Request> requests = fixture.events.await(ServerEvent.Request.class, 4);
        assertEquals(List.of("GET /socket.json HTTP/1.1", "GET / HTTP/1.1", "GET /nope HTTP/1.1",
                "GET /socket.json HTTP/1.1"), requests.stream().map(ServerEvent.Request::line).toList());
    }

    @Test
    void aTlsHandshakeIsRecognisedReportedAndClosedAtOnce() throws Exception {
        SocketServer server = fixture.start(CONFIG.withBannerDelay(Duration.ofSeconds(60)));
        Socket c = fixture.client(server.port());
        // The start of a ClientHello: a handshake record (0x16), TLS 1.0 record version, length, type 1.
        byte[] hello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 'r', 'a', 'n', 'd'};
        long sent = System.nanoTime();
        c.getOutputStream().write(hello);
        c.getOutputStream().flush();
        assertEquals(-1, c.getInputStream().read(), "closed, with nothing sent back");
        long waitedMs = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(waitedMs < 30_000, "closed at once, not after the 60 s banner delay: " + waitedMs + " ms");
        ServerEvent.Closed closed = fixture.events.await(ServerEvent.Closed.class, 1).get(0);
        assertEquals(CloseReason.TLS_CLIENT, closed.reason());
        ServerEvent.Failed said = fixture.events.await(ServerEvent.Failed.class, 1).get(0);
        assertTrue(said.message().startsWith("a TLS (https://) client: SocketScope speaks plain http, open http://"
                + "127.0.0.1:" + server.port() + "/"), said.message());
        assertEquals(0, fixture.events.of(ServerEvent.Request.class).size(), "no banner, no echo");
    }
}
