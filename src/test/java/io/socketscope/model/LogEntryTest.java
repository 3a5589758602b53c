package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The console line: a stamp per second (formatted once, correct across seconds and threads) and a padded kind. */
class LogEntryTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    @Test
    void everyKindIsPaddedToSevenAndTheStampIsThatSecond() {
        Instant t = Instant.parse("2026-11-25T17:55:58.900Z");
        for (LogEntry.Kind kind : LogEntry.Kind.values()) {
            String line = new LogEntry(t, kind, "127.0.0.1:5", "fd 9", "x").line();
            String expected = "[" + REFERENCE.format(t) + "] " + String.format(Locale.ROOT, "%-7s", kind.name())
                    + " 127.0.0.1:5 fd 9 x";
            assertEquals(expected, line);
        }
    }

    @Test
    void theStampFollowsTimeBackAndForthAcrossSecondsAndThreads() throws Exception {
        Instant base = Instant.parse("2026-12-31T23:59:58.000Z");
        long[] offsets = {0, 999, 1000, 1999, 2000, 0, 86_400_000L, 1, -1};
        for (long ms : offsets) {
            Instant t = base.plusMillis(ms);
            assertEquals(REFERENCE.format(t), LogEntry.stamp(t), "at " + t);
        }
        Thread[] threads = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int k = 0; k < threads.length; k++) {
            int seed = k;
            threads[k] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    Instant t = base.plusSeconds((i * 7L + seed) % 5);
                    String got = LogEntry.stamp(t);
                    if (!got.equals(REFERENCE.format(t))) {
                        failure[0] = new AssertionError(t + " stamped " + got);
                        return;
                    }
                }
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure[0]);
    }
}
