package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The read timeouts a connection's input asks its socket for: none when bytes already wait (a read with a
 * timeout costs the socket a switch to non-blocking mode and back), the wait for a request or the idle
 * timeout otherwise, and the request head's deadline always, bytes waiting or not.
 */
class TimedInputTest {

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL)
            .withIdleTimeout(Duration.ofSeconds(60)).withHeaderDeadline(Duration.ofSeconds(10));

    @Test
    void aReadWithBytesWaitingAsksForNoTimeoutAndOneWithoutWaitsAsConfigured() throws Exception {
        List<Integer> timeouts = new ArrayList<>();
        AtomicBoolean waiting = new AtomicBoolean(true);
        TimedInput in = new TimedInput(new ByteArrayInputStream("GET / HTTP/1.1\r\n\r\nnext".getBytes(StandardCharsets.US_ASCII)),
                timeouts::add, waiting::get, CONFIG);
        in.expectRequest(1500);
        byte[] buf = new byte[4];
        assertEquals(4, in.read(buf, 0, 4));
        assertEquals(List.of(0), timeouts, "bytes were there: a plain read, no timeout");

        // The head has started: its deadline bounds every read until it is done, bytes waiting or not.
        in.read(buf, 0, 4);
        assertEquals(2, timeouts.size(), "one more timeout set: " + timeouts);
        int deadline = timeouts.get(1);
        assertTrue(deadline > 9_000 && deadline <= 10_000, "the head's deadline, about 10 s: " + deadline);

        in.headDone();
        waiting.set(false);
        in.read(buf, 0, 4);
        assertEquals(60_000, timeouts.get(timeouts.size() - 1), "nothing waits: the idle timeout");

        in.expectRequest(1500);
        in.read(buf, 0, 4);
        assertEquals(1500, timeouts.get(timeouts.size() - 1), "waiting for a request: its own wait");
    }
}
