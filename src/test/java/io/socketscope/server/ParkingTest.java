package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Open sockets with nothing to do hold no thread: a quiet keep-alive connection or text client is parked
 * on the idle room's selector, and everything that can happen to it there (its next request or line, its
 * FIN, its full close, its reset, its idle timeout) is served as it was on a thread, with exact counts.
 * Real loopback clients; "holds a thread" is read from the JVM's own thread stacks.
 */
class ParkingTest {

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL)
            .withBannerDelay(Duration.ofMillis(100)).withFinLinger(Duration.ofMillis(200));

    private final ServerFixture fixture = new ServerFixture();
    private final EventRecorder events = fixture.events;

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    /** Threads of this JVM that are inside a connection handler right now: serving, or waiting to read. */
    private static int servingThreads() {
        int serving = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().equals(ConnectionHandler.class.getName()))) {
                serving++;
            }
        }
        return serving;
    }

    private static void awaitNoServingThread() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (servingThreads() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(servingThreads() + " threads still serve quiet sockets");
            }
            Thread.sleep(20);
        }
    }

    private ServerEvent.Closed closeOf(Socket c) throws InterruptedException {
        return (ServerEvent.Closed) events.awaitMatch(e -> e instanceof ServerEvent.Closed x
                && x.connection().client().port() == c.getLocalPort());
    }

    /** A line as the client received it, with its CR LF, so that its bytes can be counted. */
    private static String readRawLine(Socket s) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String readToEnd(Socket c) throws IOException {
        return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The app's serving threads alive now (busy or idle in their pool). */
    private static java.util.Set<Thread> poolThreads() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("socketscope-conn-") && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void stopLeavesIdleServingThreadsAsleepAndTheNextRunIsServedByThem() throws Exception {
        SocketServer first = fixture.start(CONFIG);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Socket c = fixture.client(first.port());
            clients.add(c);
            Clients.send(c, "hello " + i + "\n");
        }
        for (Socket c : clients) {
            assertTrue(readRawLine(c).startsWith("SocketScope: You are socket"), "each client was greeted");
            assertTrue(readRawLine(c).startsWith("hello "), "and its line echoed, on a serving thread");
        }
        awaitNoServingThread(); // every socket parked: its thread went back to the pool, idle
        java.util.Set<Thread> idle = poolThreads();
        assertTrue(first.servingTurns() >= 40, "each client was served on a thread: " + first.servingTurns());
        assertTrue(!idle.isEmpty(), "idle serving threads wait in the pool");

        first.stop();
        // Before, Stop shut a pool of the run's own down and woke every idle thread at once to end: a few
        // hundred thread exits at the moment the window draws a thousand closes. An interrupted idle thread
        // ends within microseconds; these are given a quarter of a second and must still be there.
        Thread.sleep(250);
        idle.forEach(t -> assertTrue(t.isAlive(), t.getName() + " was not woken to end by Stop"));

        SocketServer second = fixture.start(CONFIG);
        try (Socket c = fixture.client(second.port())) {
            Clients.send(c, "again\n");
            assertTrue(readRawLine(c).startsWith("SocketScope: You are socket"));
            assertEquals("again\r\n", readRawLine(c), "the next run's socket is served");
        }
        assertEquals(1, second.servingTurns(), "one turn on a thread for the one client that spoke");
        assertTrue(idle.containsAll(poolThreads()), "served by a thread the first run left idle, no new one: "
                + poolThreads().size() + " threads, " + idle.size() + " before");
    }

    @Test
    void manyGreetedTextClientsHoldNoThreadAndAreStillEchoedAndSaidGoodbyeTo() throws Exception {
        SocketServer server = fixture.start(CONFIG);
        int count = 300;
        List<Socket> clients = new ArrayList<>();
        long[] received = new long[count];
        for (int i = 0; i < count; i++) {
            clients.add(fixture.client(server.port()));
        }
        for (int i = 0; i < count; i++) {
            String banner = readRawLine(clients.get(i));
            assertTrue(banner.startsWith("SocketScope: You are socket"), banner);
            received[i] += banner.getBytes(StandardCharsets.UTF_8).length;
        }
        awaitNoServingThread();
        assertEquals(count, server.openSockets(), "every socket is still open while none has a thread");

        for (int i = 0; i < count; i++) {
            Clients.send(clients.get(i), "line " + i + "\n");
        }
        for (int i = 0; i < count; i++) {
            String echo = readRawLine(clients.get(i));
            assertEquals("line " + i + "\r\n", echo, "a parked socket's next line is echoed");
            received[i] += echo.length();
        }
        awaitNoServingThread();

        for (Socket c : clients) {
            c.shutdownOutput();
        }
        for (int i = 0; i < count; i++) {
            Socket c = clients.get(i);
            String rest = readToEnd(c);
            assertEquals(ConnectionHandler.goodbyeFirst(1) + ConnectionHandler.GOODBYE_SECOND, rest);
            received[i] += rest.getBytes(StandardCharsets.UTF_8).length;
            ServerEvent.Closed closed = closeOf(c);
            assertEquals(CloseReason.PEER_HALF_CLOSED, closed.reason());
            assertEquals(received[i], closed.traffic().sent(), "the server counted every byte this client read");
            assertEquals(("line " + i + "\n").length(), closed.traffic().received());
        }
        assertEquals(count, events.of(ServerEvent.HalfClosed.class).size(), "each FIN reported once");
        assertEquals(count, events.of(ServerEvent.Request.class).size(), "each line reported once");
    }

    @Test
    void aKeepAliveConnectionParkedBetweenRequestsIsServedAgainOnTheSameSocket() throws Exception {
        SocketServer server = fixture.start(CONFIG);
        Socket c = fixture.client(server.port());
        Clients.Response first = Clients.get(c, "/socket.json");
        assertEquals(200, first.status());
        awaitNoServingThread();
        Clients.Response second = Clients.get(c, "/socket.json");
        assertEquals(200, second.status());
        assertEquals(socketOf(first), socketOf(second), "the same socket answered");
        assertTrue(second.body().contains("\"port\": " + c.getLocalPort()) || second.body().contains("\"port\":" + c.getLocalPort()),
                second.body());
        // A REQUEST goes out after its answer is written: wait for it, the client may read first.
        assertEquals(2, events.await(ServerEvent.Request.class, 2).size());
        assertEquals(1, events.of(ServerEvent.Accepted.class).size());
        c.close();
        assertEquals(CloseReason.PEER_CLOSED, closeOf(c).reason());
    }

    private static String socketOf(Clients.Response r) {
        return r.headers().lines().filter(l -> l.startsWith("X-Socket:")).findFirst().orElseThrow();
    }

    @Test
    void aParkedTextClientThatClosesEntirelyFailsTheSecondHalf() throws Exception {
        SocketServer server = fixture.start(CONFIG);
        Socket c = fixture.client(server.port());
        readRawLine(c);
        awaitNoServingThread();
        c.close();
        assertEquals(CloseReason.PEER_CLOSED, closeOf(c).reason());
    }

    @Test
    void aParkedSocketThatResetsIsReportedAsReset() throws Exception {
        SocketServer server = fixture.start(CONFIG);
        Socket c = fixture.client(server.port());
        assertEquals(200, Clients.get(c, "/").status());
        awaitNoServingThread();
        c.setSoLinger(true, 0);
        c.close();
        assertEquals(CloseReason.RESET, closeOf(c).reason());
    }

    @Test
    void aParkedSocketStillMeetsItsIdleTimeout() throws Exception {
        SocketServer server = fixture.start(CONFIG.withIdleTimeout(Duration.ofMillis(500)));
        Socket c = fixture.client(server.port());
        assertEquals(200, Clients.get(c, "/").status());
        long answered = System.nanoTime();
        awaitNoServingThread();
        assertEquals(CloseReason.IDLE_TIMEOUT, closeOf(c).reason());
        assertTrue(System.nanoTime() - answered >= 450_000_000L, "not before its idle timeout");
        assertEquals(-1, c.getInputStream().read());
    }

    @Test
    void closeSocketAndStopReachParkedSockets() throws Exception {
        SocketServer server = fixture.start(CONFIG);
        Socket a = fixture.client(server.port());
        Socket b = fixture.client(server.port());
        assertEquals(200, Clients.get(a, "/").status());
        assertEquals(200, Clients.get(b, "/").status());
        awaitNoServingThread();
        long idA = events.accepted().stream().filter(r -> r.client().port() == a.getLocalPort())
                .findFirst().orElseThrow().id();
        assertTrue(server.closeSocket(idA));
        assertEquals(CloseReason.USER_CLOSE, closeOf(a).reason());
        assertEquals(-1, a.getInputStream().read(), "the client sees the server's close");
        server.stop();
        assertEquals(CloseReason.SERVER_STOP, closeOf(b).reason());
        assertEquals(-1, b.getInputStream().read());
    }
}
