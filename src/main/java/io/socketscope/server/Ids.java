package io.socketscope.server;

import java.util.concurrent.atomic.AtomicLong;

/** Process-wide counters for run ids and socket ids: never reused, unlike descriptors. */
final class Ids {

    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong SOCKETS = new AtomicLong();

    private Ids() {
    }

    static long nextRun() {
        return RUNS.incrementAndGet();
    }

    static long nextSocket() {
        return SOCKETS.incrementAndGet();
    }
}
