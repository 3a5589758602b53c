package io.socketscope.ui.viewmodel;

import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Carries server events to the FX thread in batches: server threads only enqueue (never wait), and the FX
 * thread drains what is queued once per pulse and hands it over in lists of at most {@value #CHUNK}.
 *
 * <p>A pulse spends at most about {@link #BUDGET_NANOS} applying events: what is left waits for the next
 * pulse. A thousand sockets that close at once (Stop, a class leaving) are then drawn over a few frames
 * instead of freezing one for a tenth of a second; a storm's few hundred events a pulse fit in the budget.
 */
final class EventPump implements ServerListener {

    private final Queue<ServerEvent> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<ServerEvent>> onBatch;
    private final Runnable afterPulse;
    /** Events applied at a time: the budget is checked between lists. */
    static final int CHUNK = 50;
    /** How long a pulse may spend applying events before it leaves the rest to the next pulse. */
    static final long BUDGET_NANOS = 8_000_000L;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainFor(BUDGET_NANOS);
            afterPulse.run();
        }
    };

    /** {@code afterPulse} runs on every pulse after the drain, for work that is paced by time, not by events. */
    EventPump(Consumer<List<ServerEvent>> onBatch, Runnable afterPulse) {
        this.onBatch = onBatch;
        this.afterPulse = afterPulse;
    }

    @Override
    public void onEvent(ServerEvent event) {
        queue.add(event);
    }

    /** Starts draining on every pulse; call on the FX thread. */
    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    /** Applies whatever is queued now; call on the FX thread. */
    void drain() {
        drainFor(Long.MAX_VALUE);
    }

    /** Applies queued events, a list at a time, until the queue is empty or {@code budget} has passed. */
    private void drainFor(long budget) {
        long start = System.nanoTime();
        while (!queue.isEmpty()) {
            List<ServerEvent> batch = new ArrayList<>(Math.min(CHUNK, 16));
            for (ServerEvent e = queue.poll(); e != null; e = batch.size() < CHUNK ? queue.poll() : null) {
                batch.add(e);
            }
            onBatch.accept(batch);
            if (System.nanoTime() - start >= budget) {
                return;
            }
        }
    }
}
