package io.socketscope.ui;

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
 * thread drains everything queued once per pulse and hands it over as one list.
 */
final class EventPump implements ServerListener {

    private final Queue<ServerEvent> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<ServerEvent>> onBatch;
    private final Runnable afterPulse;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
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

    /** Applies whatever is queued now as one batch; call on the FX thread. */
    void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<ServerEvent> batch = new ArrayList<>();
        for (ServerEvent e = queue.poll(); e != null; e = queue.poll()) {
            batch.add(e);
        }
        onBatch.accept(batch);
    }
}
