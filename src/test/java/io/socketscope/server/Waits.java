package io.socketscope.server;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting on a condition the kernel or the server makes true, polled, with a generous deadline. */
public final class Waits {

    private Waits() {
    }

    public static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        waitUntil(what, Duration.ofSeconds(15), condition);
    }

    public static void waitUntil(String what, Duration within, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
