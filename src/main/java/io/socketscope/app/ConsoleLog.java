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
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every server event to the console as the same line the window's log shows, off the server's
 * threads: they only put the event on a bounded queue and go on; one thread of its own
 * ({@code socketscope-console}) formats and writes. When the console cannot keep up (a storm, a terminal
 * paused with Ctrl+S), events past the queue are counted, not waited for, and a line says how many.
 *
 * <p>At most {@value #LINES_PER_SECOND} event lines a second are printed: more than anyone can read, and a
 * terminal drawing tens of thousands of lines a second takes a core that the network and the window need.
 * Past that, the events are counted instead of formatted, and one line a second says how many were not
 * printed. Counts, the window's figures and a recording ({@link #forwardTo}) still get every event.
 */
public final class ConsoleLog implements ServerListener, AutoCloseable {

    static final int CAPACITY = 16_384;
    /** Event lines printed a second at most; the rest are counted, and said in one line a second. */
    static final int LINES_PER_SECOND = 1_000;
    private static final long SECOND = 1_000_000_000L;
    /** How long the writer rests when there is nothing to write. */
    private static final long POLL_MILLIS = 5;
    private static final Logger EVENTS = LoggerFactory.getLogger("socketscope.events");

    private final BlockingQueue<ServerEvent> queue;
    private final Consumer<String> sink;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    /** Gets each event after its line is written, in the console's order (a recording of what was printed). */
    private volatile ServerListener forward = event -> { };
    private final int linesPerSecond;
    private final LongSupplier clock;
    /** Writer thread only: when this second of printing began, lines printed in it, events not printed. */
    private long secondStart;
    private int printedThisSecond;
    private long heldBack;
    /** Writer thread only: when the writer last had events to write (set at start: it begins polling). */
    private long lastEvent;

    /** To SLF4J's {@code socketscope.events} logger at info, as the window's console output. */
    public static ConsoleLog toLogger() {
        return new ConsoleLog(EVENTS.isInfoEnabled() ? EVENTS::info : null, CAPACITY);
    }

    /**
     * @param sink     where each line goes (null: nowhere, and nothing is queued)
     * @param capacity events waiting at most
     */
    public ConsoleLog(Consumer<String> sink, int capacity) {
        this(sink, capacity, LINES_PER_SECOND, System::nanoTime);
    }

    /**
     * @param linesPerSecond event lines printed a second at most
     * @param clock          nanoseconds, for the second of printing (a test's own clock)
     */
    ConsoleLog(Consumer<String> sink, int capacity, int linesPerSecond, LongSupplier clock) {
        this.sink = sink;
        this.linesPerSecond = linesPerSecond;
        this.clock = clock;
        this.secondStart = clock.getAsLong();
        this.lastEvent = secondStart;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = io.socketscope.server.Background.thread(this::writeLoop, "socketscope-console");
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
                // While events come, polled rather than waited on: a writer blocked in poll() is woken (a
                // system call, a context switch) by every event a server thread offers, so a storm would cost
                // a wake-up per event; polled, it costs one every few milliseconds, and a line is at most that
                // late. Quiet for a second, it waits again (no wake-ups while nothing happens).
                nextSecond();
                if (queue.drainTo(batch, 256) == 0) {
                    if (clock.getAsLong() - lastEvent < SECOND) {
                        Thread.sleep(POLL_MILLIS);
                        continue;
                    }
                    ServerEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, 255);
                }
                lastEvent = clock.getAsLong();
                ServerListener then = forward;
                for (ServerEvent event : batch) {
                    if (EventLines.quiet(event)) {
                        then.onEvent(event);
                        continue;
                    }
                    if (printedThisSecond < linesPerSecond) {
                        printedThisSecond++;
                        sink.accept(EventLines.entry(event).line());
                    } else {
                        heldBack++;
                    }
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
        sayHeldBack();
    }

    /** Once a second has passed since this second of printing began: says what it held back, starts the next. */
    private void nextSecond() {
        long now = clock.getAsLong();
        if (now - secondStart >= SECOND) {
            sayHeldBack();
            secondStart = now;
            printedThisSecond = 0;
        }
    }

    private void sayHeldBack() {
        if (heldBack > 0) {
            long n = heldBack;
            heldBack = 0;
            sink.accept(String.format("… %,d more %s not printed: the console prints at most %,d a second (the"
                    + " counts and the window have every event; --record keeps them all)", n,
                    n == 1 ? "event" : "events", linesPerSecond));
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
