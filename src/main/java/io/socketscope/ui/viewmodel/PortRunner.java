package io.socketscope.ui.viewmodel;

import io.socketscope.machine.HostSockets;
import io.socketscope.machine.PortHolders;
import io.socketscope.server.BindFailure;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.PortListener;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Opens and closes ports off the FX thread: a bind (and, when a port is taken, the search for a free one),
 * or a Stop that closes a thousand sockets and waits for the server's threads, can take longer than a
 * frame. One thread does them one at a time, in the order asked, so that "stop, then start on all
 * interfaces" happens in that order; each outcome comes back on the FX thread. Meanwhile {@link #busy}
 * says what is under way ("Stopping port 8080…"), and is empty when nothing is.
 */
final class PortRunner {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(io.socketscope.server.Background.daemon("socketscope-ports"));
    private final Executor fx;
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy", "");
    /** Ports asked for and not yet open or failed (FX thread only). */
    private final List<ListenSpec> opening = new ArrayList<>();
    private int underWay;

    /** Asks the OS who holds a port that is in use; made on the port thread at the first such failure. */
    private HostSockets machine;

    private HostSockets machine() {
        if (machine == null) {
            machine = new HostSockets();
        }
        return machine;
    }

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}) */
    PortRunner(Executor fx) {
        this.fx = fx;
    }

    /** What is under way, in words; empty when nothing is. */
    ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether {@code spec} was asked for and is not open yet. */
    boolean isOpening(ListenSpec spec) {
        return spec.port() != 0 && opening.contains(spec);
    }

    /** Binds {@code spec} on the port thread; {@code done} gets the listener, or the failure, on the FX thread. */
    void open(ListenSpec spec, ServerConfig config, ServerListener listener, DescriptorLookup descriptors,
              BiConsumer<PortListener, BindFailure> done) {
        if (isClosed()) {
            return; // the window is closing
        }
        opening.add(spec);
        begin("Opening " + spec.protocol() + " port " + (spec.port() == 0 ? "(any free one)" : spec.port()) + "…");
        worker.execute(() -> {
            PortListener started = null;
            BindFailure failure = null;
            try {
                started = PortListener.start(spec.protocol(), config, listener, descriptors);
            } catch (BindFailure e) {
                failure = e.kind() == BindFailure.Kind.IN_USE ? PortHolders.naming(e, machine()) : e;
            }
            if (started != null && worker.isShutdown()) {
                started.stop(); // the window closed meanwhile: it must not leave a port open
                return;
            }
            PortListener s = started;
            BindFailure f = failure;
            fx.execute(() -> {
                opening.remove(spec);
                end();
                done.accept(s, f);
            });
        });
    }

    /** Stops {@code ports} on the port thread (each closes its sockets); {@code done} runs on the FX thread. */
    void close(List<PortListener> ports, Runnable done) {
        if (ports.isEmpty() || isClosed()) {
            done.run();
            return;
        }
        int sockets = ports.stream().mapToInt(PortListener::openSockets).sum();
        begin("Stopping " + (ports.size() == 1 ? "port " + ports.get(0).port() : ports.size() + " ports")
                + (sockets > 0 ? " and closing " + String.format("%,d", sockets) + (sockets == 1 ? " socket" : " sockets")
                : "") + "…");
        worker.execute(() -> {
            for (PortListener p : ports) {
                p.stop();
            }
            fx.execute(() -> {
                end();
                done.run();
            });
        });
    }

    /**
     * For a closing window: stops {@code ports} and waits (up to 5 s) until everything asked before is done,
     * so that the ports are free when the window has gone. Ports still opening are closed as they open.
     */
    void closeAndWait(List<PortListener> ports) {
        if (isClosed()) {
            ports.forEach(PortListener::stop);
            return;
        }
        worker.execute(() -> ports.forEach(PortListener::stop));
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #closeAndWait} was called: a port that opens now must be closed at once. */
    boolean isClosed() {
        return worker.isShutdown();
    }

    private void begin(String what) {
        underWay++;
        busy.set(what);
    }

    private void end() {
        if (--underWay == 0) {
            busy.set("");
        }
    }
}
