package io.socketscope.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects server events from the server's threads and lets a test wait for the ones it expects. */
public final class EventRecorder implements ServerListener {

    private final List<ServerEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ServerEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<ServerEvent> all() {
        return List.copyOf(events);
    }

    public synchronized <T extends ServerEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits until at least {@code count} events of {@code type} arrived; fails the test on timeout. */
    public <T extends ServerEvent> List<T> await(Class<T> type, int count) throws InterruptedException {
        return await(type, count, Duration.ofSeconds(10));
    }

    public synchronized <T extends ServerEvent> List<T> await(Class<T> type, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (of(type).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " " + type.getSimpleName() + " events within "
                        + timeout + ", got " + of(type).size() + ": " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return of(type);
    }

    /** Waits for the first event matching {@code test}. */
    public synchronized ServerEvent awaitMatch(Predicate<ServerEvent> test) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (ServerEvent e : events) {
                if (test.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within 10 s: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The ACCEPT events, in order. */
    public List<ConnectionRef> accepted() {
        return of(ServerEvent.Accepted.class).stream().map(ServerEvent.Accepted::connection).toList();
    }

    public static List<ServerEvent> copy(List<ServerEvent> events) {
        return new ArrayList<>(events);
    }
}
