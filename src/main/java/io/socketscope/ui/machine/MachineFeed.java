package io.socketscope.ui.machine;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.HostSockets;
import io.socketscope.machine.SocketChanges;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads this machine's sockets about once a second on its own thread while the This machine view is shown,
 * and hands what changed to the FX thread. The FX thread never waits for the operating system.
 */
final class MachineFeed {

    /** How long a new or gone row keeps its colour (TCPView's "a moment"). */
    static final long MARK_NANOS = 1_500_000_000L;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(io.socketscope.server.Background.daemon("socketscope-machine"));
    private final Executor fx;
    private final Consumer<SocketChanges.Changes> onChanges;
    /** Touched on the feed's thread only. */
    private HostSockets reader;
    private final SocketChanges changes = new SocketChanges(MARK_NANOS);
    private ScheduledFuture<?> running;

    MachineFeed(Executor fx, Consumer<SocketChanges.Changes> onChanges) {
        this.fx = fx;
        this.onChanges = onChanges;
    }

    /** Starts or stops the once-a-second refresh (FX thread). */
    void setShown(boolean shown) {
        if (shown && running == null && !thread.isShutdown()) {
            running = thread.scheduleWithFixedDelay(this::refresh, 0, 1, TimeUnit.SECONDS);
        } else if (!shown && running != null) {
            running.cancel(false);
            running = null;
        }
    }

    /** Reads once more as soon as the feed's thread is free. */
    void refreshSoon() {
        if (!thread.isShutdown()) {
            thread.execute(this::refresh);
        }
    }

    void close() {
        thread.shutdownNow();
    }

    private void refresh() {
        if (reader == null) {
            reader = new HostSockets();
        }
        List<HostSocket> now = reader.read();
        SocketChanges.Changes changed = changes.update(now, System.nanoTime());
        fx.execute(() -> onChanges.accept(changed));
    }
}
