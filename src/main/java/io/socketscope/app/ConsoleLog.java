package io.socketscope.app;

import io.socketscope.model.EventLines;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every server event to the console as the same line the window's log shows, off the server's
 * threads: they only put the event on a bounded queue and go on; one thread of its own
 * ({@code socketscope-console}) formats and writes. When the console cannot keep up (a storm, a terminal
 * paused with Ctrl+S), events past the queue are counted, not waited for, and a line says how many.
 */
public final class ConsoleLog implements ServerListener, AutoCloseable {

    static final int CAPACITY = 16_384;
    private static final Logger EVENTS = LoggerFactory.getLogger("socketscope.events");

    private final BlockingQueue<ServerEvent> queue;
    private final Consumer<String> sink;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    /** Gets each event after its line is written, in the console's order (a recording of what was printed). */
    private volatile ServerListener forward = event -> { };

    /** To SLF4J's {@code socketscope.events} logger at info, as the window's console output. */
    public static ConsoleLog toLogger() {
        return new ConsoleLog(EVENTS.isInfoEnabled() ? EVENTS::info : null, CAPACITY);
    }

    /**
     * @param sink     where each line goes (null: nowhere, and nothing is queued)
     * @param capacity events waiting at most
     */
    public ConsoleLog(Consumer<String> sink, int capacity) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeLoop, "socketscope-console");
        writer.setDaemon(true);
        if (sink != null) {
            writer.start();
        }
    }

    /** Called on server threads: never formats, writes or waits. */
    @Override
    public void onEvent(ServerEvent event) {
        if (sink != null && !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Hands every event, once its line is written, to {@code next} on the console's thread: a recording then
     * holds the events in the order the console printed them (a replay prints the same lines in that order).
     */
    public void forwardTo(ServerListener next) {
        this.forward = next;
    }

    /** Events the console could not keep up with, so far. */
    public long dropped() {
        return dropped.get();
    }

    private void writeLoop() {
        List<ServerEvent> batch = new ArrayList<>(256);
        while (!closing || !queue.isEmpty()) {
            try {
                ServerEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 255);
                ServerListener then = forward;
                for (ServerEvent event : batch) {
                    sink.accept(EventLines.entry(event).line());
                    then.onEvent(event);
                }
                batch.clear();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    sink.accept(String.format("… %,d log %s dropped: the console could not keep up (the window's"
                            + " log and counts have every event)", lost, lost == 1 ? "line" : "lines"));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A line that cannot be written is lost; the console goes on.
                batch.clear();
            }
        }
    }

    /** Tells the writer to stop once the queue is empty, without waiting for it (for the FX thread). */
    public void finish() {
        closing = true;
    }

    /** Writes what is queued (waiting up to a second), then stops the writer. */
    @Override
    public void close() {
        finish();
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
