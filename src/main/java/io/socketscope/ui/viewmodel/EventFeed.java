package io.socketscope.ui.viewmodel;

import io.socketscope.model.LogEntry;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.HostNames;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Folds the servers' events into the model on the FX thread, a pulse at a time (through the
 * {@link EventPump}), and hands on what changed: the graph at once; the log table, the recently closed list
 * and the status line ten times a second (four in a storm); the selected socket, kept current; a
 * reverse-DNS lookup for each new client address. What concerns the ports themselves (a port that stopped
 * by itself, a listener's own problem, the first socket) goes back to {@link MainViewModel} through
 * {@link Owner}.
 */
final class EventFeed {

    /** What the feed tells the view model, on the FX thread. */
    interface Owner {
        /** A port started or stopped (by itself too): the list of open ports may need to follow. */
        void portsChanged();

        /** A problem of a listener itself (not of one client), to be shown where people look. */
        void listenerProblem(String text);

        /** Sockets opened in this batch. */
        void socketsOpened();
    }

    /** Counts, captions, the log table and the status line refresh ten times a second... */
    private static final long TICK_NANOS = 100_000_000L;
    /**
     * ...and four times a second during a storm (more than {@value #STORM_EVENTS} events since the last
     * refresh): each refresh repaints the graph and the table, which in software rendering costs as much
     * CPU as accepting a thousand connections; numbers changing 40,000 times a second are not read anyway.
     */
    private static final long STORM_TICK_NANOS = 250_000_000L;
    private static final int STORM_EVENTS = 2_000;

    private final Owner owner;
    private final ScopeModel model = new ScopeModel();
    private final EventPump pump = new EventPump(this::applyBatch, this::tick);
    private final LogRows log = new LogRows();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ObservableList<SocketInfo> recentlyClosed = FXCollections.observableArrayList();
    private final ObjectProperty<SocketInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final HostNames hostNames = new HostNames();
    private BiConsumer<String, String> hostNamed = (ip, name) -> { };
    private Consumer<ScopeModel.Change> graphUpdater = change -> { };
    private Runnable onTick = () -> { };
    /** Told each event as it is applied (a recording), on the FX thread. */
    private final List<ServerListener> applied = new java.util.ArrayList<>();
    private long eventsSinceTick;
    private long lastTick;
    private boolean statusDirty;
    private boolean closedDirty;

    /** Starts applying events at every pulse; make it on the FX thread. */
    EventFeed(Owner owner) {
        this.owner = owner;
        status.set(model.statusLine());
        pump.start();
    }

    /** Where the servers hand their events: it only enqueues. */
    ServerListener listener() {
        return pump;
    }

    ScopeModel model() {
        return model;
    }

    /** Applies every event queued now (a socket closed from the window shows closed at once). */
    void drainNow() {
        pump.drain();
    }

    /** Applies what is left, then stops: the window is closing. */
    void close() {
        pump.drain();
        flushLog();
        pump.stop();
        hostNames.close();
    }

    /** Where reverse-DNS names of client hosts go, on the FX thread. */
    void setHostNameListener(BiConsumer<String, String> listener) {
        this.hostNamed = listener;
    }

    /**
     * Hands {@code tap} every event from now on as it is applied, in the model's order, on the FX thread: the
     * model as it is when the tap is added, plus what the tap hears, is the whole story. It must only enqueue.
     */
    void addAppliedListener(ServerListener tap) {
        applied.add(tap);
    }

    void removeAppliedListener(ServerListener tap) {
        applied.remove(tap);
    }

    /** Where each applied batch's changes go to be drawn. */
    void setGraphUpdater(Consumer<ScopeModel.Change> updater) {
        this.graphUpdater = updater;
    }

    /** Runs on every refresh (ten times a second at most): for views that refresh by time rather than by event. */
    void setOnTick(Runnable tick) {
        this.onTick = tick;
    }

    /** Keeps a problem in the event log (shown at once). */
    void noteProblem(String text) {
        publish(model.noteProblem(text));
        flushLog();
    }

    /**
     * Every pulse; ten times a second it refreshes everything that shows counts (log table, status line,
     * and the view's counts) together, so that a storm dirties the window ten times a second at most,
     * in one frame each time, rather than in several frames of its own.
     */
    private void tick() {
        long now = System.nanoTime();
        if (now - lastTick < (eventsSinceTick > STORM_EVENTS ? STORM_TICK_NANOS : TICK_NANOS)) {
            return;
        }
        lastTick = now;
        eventsSinceTick = 0;
        flushLog();
        onTick.run();
    }

    private void applyBatch(List<ServerEvent> batch) {
        eventsSinceTick += batch.size();
        for (ServerListener tap : applied) {
            batch.forEach(tap::onEvent);
        }
        ScopeModel.Change change = model.apply(batch);
        closedDirty |= !change.closed().isEmpty();
        SocketInfo shown = selected.get();
        if (shown != null) {
            SocketInfo now = model.find(shown.id());
            if (now != null && !now.equals(shown)) {
                selected.set(now);
            }
        }
        if (change.phaseChanged()) {
            owner.portsChanged();
        }
        publish(change);
    }

    private void publish(ScopeModel.Change change) {
        if (change.isEmpty()) {
            return;
        }
        for (String problem : change.listenerProblems()) {
            owner.listenerProblem(problem);
        }
        // The table and status line take new rows at most ten times a second (four in a storm).
        log.offer(change.logged());
        statusDirty = true;
        if (!change.opened().isEmpty()) {
            owner.socketsOpened();
            for (SocketInfo opened : change.opened()) {
                // HostNames asks once per address; a repeat costs it one map lookup.
                hostNames.lookUp(opened.connection().client().address(),
                        (ip, name) -> Platform.runLater(() -> hostNamed.accept(ip, name)));
            }
        }
        graphUpdater.accept(change);
    }

    /**
     * Puts pending log rows into the table and refreshes the recently closed list and the status line (on
     * the tick, or at once).
     */
    void flushLog() {
        log.flush();
        if (closedDirty) {
            closedDirty = false;
            // The model keeps the list; the table shows a copy of it, taken here.
            recentlyClosed.setAll(model.recentlyClosed());
        }
        if (statusDirty) {
            statusDirty = false;
            status.set(model.statusLine());
        }
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Closed sockets with their final figures, newest first (bounded). */
    ObservableList<SocketInfo> recentlyClosed() {
        return recentlyClosed;
    }

    /** The socket whose details are shown, kept current as events arrive; null for none. */
    ObjectProperty<SocketInfo> selectedProperty() {
        return selected;
    }

    ObservableList<LogEntry> logRows() {
        return log.rows();
    }
}
