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
    void requestsOnOneKeptAliveSocketNeverWaitForTheDelayedAckTimer() throws Exception {
        SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL));
        Socket s = fixture.client(server.port());
        // The client as browsers and curl are: Nagle on, delayed ACKs from its kernel.
        assertEquals(false, s.getOption(StandardSocketOptions.TCP_NODELAY));
        Clients.get(s, "/"); // warm up the server's code on the first request
        long[] each = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            Clients.Response r = Clients.get(s, i % 2 == 0 ? "/" : "/socket.json");
            assertEquals(200, r.status());
            each[i] = System.nanoTime() - t0;
        }
        // An answer that waits for an ACK waits for every request (40-44 ms each); a busy machine slows a few.
        long median = median(each);
        assertTrue(median < 20_000_000L, "the median request took " + median / 1e6
                + " ms (44 ms when every answer waits for an ACK)");
    }

    @Test
    void aTextClientGetsEachEchoedLineWithoutWaiting() throws Exception {
        SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ZERO));
        Socket s = fixture.client(server.port());
        Clients.readLine(s); // the banner
        long[] each = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            Clients.send(s, "line " + i + "\n");
            assertEquals("line " + i, Clients.readLine(s));
            each[i] = System.nanoTime() - t0;
        }
        long median = median(each);
        assertTrue(median < 20_000_000L, "the median echo took " + median / 1e6 + " ms (a held line waits 40 ms or more)");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
