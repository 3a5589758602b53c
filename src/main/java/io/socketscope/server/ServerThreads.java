package io.socketscope.server;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a server's socket threads to end after their sockets were closed. A JDK channel closed while
 * another thread is blocked in its {@code accept()} or {@code receive()} is only marked closed: the
 * descriptor, and so the port, is released when that thread leaves the call. A stop that waits here
 * leaves the port free to bind again the moment it returns.
 */
final class ServerThreads {

    private static final Logger LOG = LoggerFactory.getLogger(ServerThreads.class);
    static final long JOIN_MILLIS = 2000;

    private ServerThreads() {
    }

    /** Joins each thread (except the caller), all within {@link #JOIN_MILLIS} in total. */
    static void joinAll(List<Thread> threads) {
        long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000L;
        for (Thread thread : threads) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warn("{} had not ended {} ms after its socket was closed", thread.getName(), JOIN_MILLIS);
            }
        }
    }
}
