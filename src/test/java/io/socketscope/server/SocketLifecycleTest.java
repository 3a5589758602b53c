package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each state of a socket's life produced by a real loopback client: half-close, full close after FIN,
 * reset, server-side close by the user, idle timeout; with exact byte and request counts.
 */
class SocketLifecycleTest {

    private final ServerFixture fixture = new ServerFixture();
    private final EventRecorder events = fixture.events;

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL)
            .withBannerDelay(Duration.ofMillis(150)).withFinLinger(Duration.ofMillis(300));

    private SocketServer start(ServerConfig config) throws BindFailure {
        return fixture.start(config);
    }

    private Socket client(int port) throws IOException {
        return fixture.client(port);
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    private ServerEvent.Closed closeOf(Socket c) throws InterruptedException {
        return (ServerEvent.Closed) events.awaitMatch(e -> e instanceof ServerEvent.Closed x
                && x.connection().client().port() == c.getLocalPort());
    }

    private static byte[] readToEnd(Socket c) throws IOException {
        InputStream in = c.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }

    @Test
    void halfCloseIsReportedAndTheClientStillReadsTheServersGoodbye() throws Exception {
        SocketServer server = start(CONFIG);
        Socket c = client(server.port());
        String banner = Clients.readLine(c);
        assertTrue(banner.startsWith("SocketScope: You are socket"), banner);
        Clients.send(c, "hello\n");
        assertEquals("hello", Clients.readLine(c));
        c.shutdownOutput(); // FIN: this side sends no more, but can still read
        String rest = new String(readToEnd(c), StandardCharsets.UTF_8);
        assertTrue(rest.contains("your end of the stream arrived (FIN) after 1 line."), rest);
        assertTrue(rest.endsWith("Bye.\r\n"), "the second half arrived after the pause: " + rest);

        ServerEvent.Closed closed = closeOf(c);
        assertEquals(CloseReason.PEER_HALF_CLOSED, closed.reason());
        ServerEvent.HalfClosed fin = events.of(ServerEvent.HalfClosed.class).get(0);
        assertEquals(closed.connection(), fin.connection());
        List<ServerEvent> order = events.all().stream()
                .filter(e -> e instanceof ServerEvent.HalfClosed || e instanceof ServerEvent.Closed).toList();
        assertEquals(List.of(fin, closed), order, "FIN first, then the close");
        assertTrue(closed.time().compareTo(fin.time().plusMillis(250)) >= 0, "the socket stayed half-closed for the pause");
        assertEquals(6, closed.traffic().received(), "exactly the bytes the client sent");
    }

    @Test
    void aClientThatClosesEntirelyIsTeldApartFromAHalfClose() throws Exception {
        SocketServer server = start(CONFIG);
        Socket c = client(server.port());
        Clients.readLine(c);
        Clients.send(c, "bye\n");
        assertEquals("bye", Clients.readLine(c));
        c.close();
        ServerEvent.Closed closed = closeOf(c);
        assertEquals(CloseReason.PEER_CLOSED, closed.reason(), "the goodbye's first half was answered with a reset");
    }

    @Test
    void aResetIsReportedAsReset() throws Exception {
        SocketServer server = start(CONFIG);
        Socket c = client(server.port());
        Clients.readLine(c);
        c.setSoLinger(true, 0);
        c.close();
        assertEquals(CloseReason.RESET, closeOf(c).reason());
    }

    @Test
    void closingASocketFromTheServerEndsTheClientsConnection() throws Exception {
        SocketServer server = start(CONFIG);
        Socket c = client(server.port());
        Socket other = client(server.port());
        assertEquals(200, Clients.get(c, "/").status());
        ConnectionRef ref = events.awaitMatch(e -> e instanceof ServerEvent.Request r
                && r.connection().client().port() == c.getLocalPort()) instanceof ServerEvent.Request r
                ? r.connection() : null;
        assertTrue(server.closeSocket(ref.id()));
        assertFalse(server.closeSocket(ref.id()), "a closed socket cannot be closed again");
        int end;
        try {
            end = c.getInputStream().read();
        } catch (SocketException reset) {
            end = -1;
        }
        assertEquals(-1, end, "the client sees its connection end");
        assertEquals(CloseReason.USER_CLOSE, closeOf(c).reason());
        assertEquals(200, Clients.get(other, "/").status(), "the other socket on the port is untouched");
        assertEquals(1, server.openSockets());
    }

    @Test
    void byteAndRequestCountsAreExact() throws Exception {
        SocketServer server = start(CONFIG);
        Socket c = client(server.port());
        String first = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String second = "GET /socket.json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        Clients.send(c, first);
        Clients.Response one = Clients.readResponse(c);
        Clients.send(c, second);
        byte[] rest = readToEnd(c);
        assertEquals(200, one.status());
        long responseBytes = one.headers().getBytes(StandardCharsets.ISO_8859_1).length
                + one.body().getBytes(StandardCharsets.UTF_8).length + rest.length;

        ServerEvent.Closed closed = closeOf(c);
        assertEquals(CloseReason.RESPONSE_DONE, closed.reason());
        assertEquals(first.length() + second.length(), closed.traffic().received());
        assertEquals(responseBytes, closed.traffic().sent());
        List<ServerEvent.Request> requests = events.of(ServerEvent.Request.class);
        assertEquals(2, requests.size());
        assertEquals(first.length(), requests.get(0).traffic().received());
        assertEquals(first.length() + second.length(), requests.get(1).traffic().received());
    }

    @Test
    void anIdleSocketIsClosedByTheServer() throws Exception {
        SocketServer server = start(CONFIG.withIdleTimeout(Duration.ofMillis(400)));
        Socket c = client(server.port());
        assertEquals(200, Clients.get(c, "/").status());
        assertEquals(CloseReason.IDLE_TIMEOUT, closeOf(c).reason());
        assertEquals(-1, c.getInputStream().read());
    }

    @Test
    void twoPortsAtOnceEachWithItsOwnRunSocketsAndStop() throws Exception {
        SocketServer a = start(CONFIG);
        SocketServer b = start(CONFIG);
        assertNotEquals(a.port(), b.port());
        assertNotEquals(a.runId(), b.runId());
        Socket ca = client(a.port());
        Socket cb = client(b.port());
        assertEquals(200, Clients.get(ca, "/").status());
        assertEquals(200, Clients.get(cb, "/").status());
        List<ServerEvent.Accepted> accepted = events.await(ServerEvent.Accepted.class, 2);
        assertEquals(List.of(a.runId(), b.runId()), accepted.stream().map(ServerEvent::runId).sorted().toList());
        for (ServerEvent.Accepted e : accepted) {
            assertEquals(e.runId() == a.runId() ? a.port() : b.port(), e.connection().server().port());
        }
        b.stop();
        assertEquals(CloseReason.SERVER_STOP, closeOf(cb).reason());
        assertTrue(a.isRunning());
        assertEquals(200, Clients.get(ca, "/").status(), "stopping one port leaves the other serving");
    }

    @Test
    void theBannerAndTheFirstHalfOfTheGoodbyeAreCountedWhenTheyAreSentNotAtTheClose() throws Exception {
        SocketServer server = start(CONFIG.withFinLinger(Duration.ofMillis(1500)));
        Socket c = client(server.port());
        java.io.InputStream in = c.getInputStream();
        java.io.ByteArrayOutputStream banner = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            banner.write(b);
            if (b == '\n') {
                break;
            }
        }
        ServerEvent.Greeted greeted = events.await(ServerEvent.Greeted.class, 1).get(0);
        assertTrue(greeted.silent());
        assertEquals(banner.size(), greeted.traffic().sent(), "the banner's bytes, as the client read them");
        assertEquals(0, events.of(ServerEvent.Closed.class).size(), "while the socket is still open");

        Clients.send(c, "hi\n");
        assertEquals("hi", Clients.readLine(c));
        c.shutdownOutput();
        ServerEvent.HalfClosed fin = events.await(ServerEvent.HalfClosed.class, 1).get(0);
        long firstHalf = ConnectionHandler.goodbyeFirst(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertEquals(banner.size() + "hi\r\n".length() + firstHalf, fin.traffic().sent(),
                "the first half of the goodbye counted at the FIN, before the pause");
        assertEquals(0, events.of(ServerEvent.Closed.class).size(), "reported during the pause, not after");
        assertEquals(CloseReason.PEER_HALF_CLOSED, closeOf(c).reason());
    }

    @Test
    void aFirstLineThatIsNotHttpIsGreetedToo() throws Exception {
        SocketServer server = start(CONFIG);
        Socket c = client(server.port());
        Clients.send(c, "hello there\n");
        assertTrue(Clients.readLine(c).startsWith("SocketScope: You are socket"));
        ServerEvent.Greeted greeted = events.await(ServerEvent.Greeted.class, 1).get(0);
        assertFalse(greeted.silent(), "it spoke first");
        assertEquals("hello there", Clients.readLine(c), "then its line is echoed");
    }
}
