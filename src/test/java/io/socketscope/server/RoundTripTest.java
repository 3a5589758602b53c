package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One client's request and answer on a kept-alive socket take far less than the 40 ms delayed-ACK timer:
 * a behaviour check (each answer leaves in one write, at once), not a benchmark.
 */
class RoundTripTest {

    private static final int REQUESTS = 200;
    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void twoHundredRequestsOnOneKeptAliveSocketTakeWellUnderTwoSeconds() throws Exception {
        SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL));
        Socket s = fixture.client(server.port());
        // The client as browsers and curl are: Nagle on, delayed ACKs from its kernel.
        assertEquals(false, s.getOption(StandardSocketOptions.TCP_NODELAY));
        Clients.get(s, "/"); // warm up the server's code on the first request
        long t0 = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Clients.Response r = Clients.get(s, i % 2 == 0 ? "/" : "/socket.json");
            assertEquals(200, r.status());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0,
                REQUESTS + " requests took " + took.toMillis() + " ms (44 ms each when an answer waits for an ACK)");
    }

    @Test
    void aTextClientGetsEachEchoedLineWithoutWaiting() throws Exception {
        SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ZERO));
        Socket s = fixture.client(server.port());
        Clients.readLine(s); // the banner
        long t0 = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Clients.send(s, "line " + i + "\n");
            assertEquals("line " + i, Clients.readLine(s));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, REQUESTS + " echoes took " + took.toMillis() + " ms");
    }
}
