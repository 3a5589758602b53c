package io.socketscope.ui.viewmodel;

import io.socketscope.model.LogEntry;
import io.socketscope.model.ScopeModel;
import io.socketscope.server.BindFailure;
import io.socketscope.server.BindMode;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.LocalAddresses;
import io.socketscope.server.PortInput;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's logic: validates the port, starts and stops listeners (several ports, TCP and UDP) off the
 * FX thread, says what happened ({@link Notice}), and exposes what the window shows as properties; their
 * events reach the model and the views through the {@link EventFeed}. Lives on the FX thread.
 */
public final class MainViewModel {

    /** How many log rows the table keeps (the model's counters stay exact regardless). */
    public static final int TABLE_ROWS = LogRows.KEPT;

    private final ObservableList<PortListener> listeners = FXCollections.observableArrayList();
    private final Map<Long, ListenSpec> asked = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final Notice notice = new Notice();
    private final ReadOnlyIntegerWrapper boundPort = new ReadOnlyIntegerWrapper(this, "boundPort", -1);
    /** Opens and closes ports off the FX thread, in order. */
    private final PortRunner ports = new PortRunner(Platform::runLater);
    private final EventFeed feed = new EventFeed(new EventFeed.Owner() {
        @Override
        public void portsChanged() {
            // A port may have stopped by itself (or been stopped elsewhere): keep the list true.
            listeners.removeIf(l -> !l.isRunning());
            updateRunning();
        }

        @Override
        public void listenerProblem(String text) {
            notice.error(text);
        }

        @Override
        public void socketsOpened() {
            advice.connected();
        }
    });
    /** How to connect, and the hints when nobody does. */
    private final ConnectAdvice advice = new ConnectAdvice(text -> notice.info(text),
            () -> runningBind() == BindMode.ALL && !notice.isError(), boundPort::get,
            () -> running.get() && feed.model().acceptedTotal() == 0 && runningBind() == BindMode.ALL);
    /**
     * One lookup for every port the window opens: where surrogate ids stand in for descriptors, they are
     * then unique across ports and protocols (each port used to count from id 1).
     */
    private final DescriptorLookup descriptors = DescriptorLookup.forThisSystem();
    /** Told every event too (the app's console: it only enqueues, and writes on a thread of its own). */
    private final ServerListener console;
    private final List<ServerListener> taps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ServerConfig template;
    private final PortForm form;

    public MainViewModel(ServerConfig template) {
        this(template, event -> { });
    }

    /** @param console told every event of every port too, on the server's threads: it must only enqueue */
    public MainViewModel(ServerConfig template, ServerListener console) {
        this.template = template;
        this.console = console;
        this.form = new PortForm(template);
    }

    /** The port about to be opened, as typed in the toolbar. */
    public PortForm form() {
        return form;
    }

    /**
     * Also hands every server event of ports opened from now on to {@code tap}, on the server's threads
     * (the benchmark uses it to time accepts); it must return at once.
     */
    public void addServerListener(ServerListener tap) {
        taps.add(tap);
    }

    /** Stops handing events to {@code tap}. */
    public void removeServerListener(ServerListener tap) {
        taps.remove(tap);
    }

    /**
     * Hands {@code tap} every event from now on as the window applies it, on the FX thread (a recording: what
     * the model holds when it is added, plus what it hears, is the whole story); it must only enqueue.
     */
    public void addModelListener(ServerListener tap) {
        feed.addAppliedListener(tap);
    }

    public void removeModelListener(ServerListener tap) {
        feed.removeAppliedListener(tap);
    }

    /** Hands a recorded event to the window as if a server had sent it (a replay; nothing listens). */
    public void replay(ServerEvent event) {
        feed.listener().onEvent(event);
    }

    /** Where reverse-DNS names of client hosts go, on the FX thread. */
    public void setHostNameListener(BiConsumer<String, String> listener) {
        feed.setHostNameListener(listener);
    }

    /** Shortens the wait before hints appear (tests). */
    public void setHintDelay(javafx.util.Duration delay) {
        advice.setHintDelay(delay);
    }

    /** Reads the interface table again (off the FX thread). */
    void refreshAddresses() {
        advice.refreshAddresses();
    }

    /**
     * Restarts the server on all interfaces, so that phones can connect, with the port the person asked
     * for (a port the OS picked, for "0", is picked anew: it may be taken on another interface).
     */
    public void switchToAllInterfaces() {
        List<ListenSpec> again = new ArrayList<>(asked.values());
        stop();
        form.bindProperty().set(BindMode.ALL);
        startAll(again.isEmpty() ? null : again);
    }

    /** Shows a plain message (not an error). */
    public void say(String text) {
        notice.info(text);
    }

    /** Runs ten times a second at most, with the log's refresh: for views that refresh by time rather than by event. */
    public void setOnTick(Runnable tick) {
        feed.setOnTick(tick);
    }

    /** Where each applied batch's changes go to be drawn. */
    public void setGraphUpdater(Consumer<ScopeModel.Change> updater) {
        feed.setGraphUpdater(updater);
    }

    /**
     * Validates the typed port and opens it with the chosen protocol, next to any ports already open;
     * returns false (with a message shown) if it cannot.
     */
    public boolean start() {
        PortInput.Result port = form.port();
        if (!port.ok()) {
            notice.error(port.error());
            return false;
        }
        return open(new ListenSpec(form.protocolProperty().get(), port.port()));
    }

    /** Opens each port in order (the typed one when {@code specs} is null); false if any could not be. */
    public boolean startAll(List<ListenSpec> specs) {
        if (specs == null) {
            return start();
        }
        boolean all = true;
        for (ListenSpec spec : specs) {
            all &= open(spec);
        }
        return all;
    }

    /**
     * Asks for the port to be opened off the FX thread (see {@link PortRunner}); false (with a message shown)
     * when it is already open or opening here. Whether it could be opened is shown when it is known.
     */
    private boolean open(ListenSpec spec) {
        boolean here = ports.isOpening(spec);
        for (PortListener l : listeners) {
            here |= spec.port() != 0 && l.spec().equals(spec);
        }
        if (here) {
            notice.error(spec.protocol() + " port " + spec.port() + " is already open here: every client of it"
                    + " shares that one port. Pick another number to open a second port.");
            return false;
        }
        ServerConfig config = template.withPort(spec.port(), form.bindProperty().get());
        ServerListener all = ServerListener.all(feed.listener(), console);
        // Taps added later (a recording started while the port is open) get its events too.
        ServerListener listener = event -> {
            all.onEvent(event);
            for (ServerListener t : taps) {
                t.onEvent(event);
            }
        };
        notice.info(ports.busyProperty().get().isEmpty() ? "Opening " + spec.protocol() + " port " + spec.port() + "…"
                : notice.text());
        ports.open(spec, config, listener, descriptors, (started, failure) -> opened(spec, started, failure));
        return true;
    }

    private void opened(ListenSpec spec, PortListener started, BindFailure failure) {
        if (failure != null) {
            reportProblem(failure.getMessage());
            if (failure.kind() == BindFailure.Kind.IN_USE) {
                notice.inUse(failure.getMessage(), new ListenSpec(failure.protocol(), failure.port()));
            }
            return;
        }
        listeners.add(started);
        asked.put(started.runId(), spec);
        updateRunning();
        advice.opened(spec, started.port(), form.bindProperty().get());
    }

    /** Closes one port: its listening socket and every socket accepted on it (off the FX thread). */
    public void stop(PortListener listener) {
        listeners.remove(listener);
        asked.remove(listener.runId());
        updateRunning();
        closePorts(List.of(listener));
    }

    /** Closes every port and every accepted socket (off the FX thread). */
    public void stop() {
        closePorts(forgetAll());
    }

    private List<PortListener> forgetAll() {
        List<PortListener> all = List.copyOf(listeners);
        listeners.clear();
        asked.clear();
        updateRunning();
        return all;
    }

    private void closePorts(List<PortListener> closing) {
        if (closing.isEmpty()) {
            return;
        }
        // The closes reach the window through the pump, a budget a pulse: not all at once when Stop is done.
        ports.close(closing, () -> {
            feed.flushLog();
            if (ports.busyProperty().get().isEmpty() && listeners.isEmpty() && !notice.isError()) {
                notice.info("");
            }
        });
        notice.info(ports.busyProperty().get());
    }

    /** What is being opened or closed right now, in words; empty when nothing is. */
    public ReadOnlyStringProperty busyProperty() {
        return ports.busyProperty();
    }

    private void updateRunning() {
        running.set(!listeners.isEmpty());
        PortListener web = primary();
        boundPort.set(web == null ? -1 : web.port());
        if (listeners.isEmpty()) {
            advice.closed();
        }
    }

    /** The first open TCP port: the one phones are told to open. */
    private PortListener primary() {
        return listeners.stream().filter(l -> l.protocol() == Protocol.TCP && l.isRunning()).findFirst().orElse(null);
    }

    /**
     * Closes one socket from the server side, as TCPView does; its client sees the connection end. Says in
     * words why not when it cannot (already closed, or UDP, which has no connection to close).
     */
    public boolean closeSocket(long socketId) {
        SocketInfo info = feed.model().find(socketId);
        if (info == null || !info.isOpen()) {
            notice.error("That socket is already closed.");
            return false;
        }
        if (info.protocol() == Protocol.UDP) {
            notice.error("UDP has no connection to close: the port's one socket keeps receiving from every peer.");
            return false;
        }
        for (PortListener l : listeners) {
            if (l.runId() == info.runId() && l.closeSocket(socketId)) {
                notice.info("Closed " + info.label() + " from the server side.");
                feed.drainNow();
                return true;
            }
        }
        notice.error("That socket is already closed.");
        return false;
    }

    /** Shows this socket's details (open or recently closed). */
    public void select(long socketId) {
        feed.selectedProperty().set(feed.model().find(socketId));
    }

    /** The socket whose details are shown, kept current as events arrive; null for none. */
    public ObjectProperty<SocketInfo> selectedProperty() {
        return feed.selectedProperty();
    }

    /** A socket's short description for a tooltip, or null if it is gone. */
    public String summaryOf(long socketId) {
        SocketInfo info = feed.model().find(socketId);
        return info == null ? null : info.summary(java.time.Instant.now());
    }

    /** Stops everything; called when the window closes. Waits (up to 5 s) until the ports are free. */
    public void shutdown() {
        ports.closeAndWait(forgetAll());
        feed.close();
        advice.stop();
    }

    /** Shows a problem in the window and keeps it in the event log. */
    public void reportProblem(String text) {
        notice.error(text);
        feed.noteProblem(text);
    }

    /** The port the last Start found in use by another program (the message names it), or null. */
    public ReadOnlyObjectProperty<ListenSpec> heldPortProperty() {
        return notice.heldProperty();
    }

    public ScopeModel model() {
        return feed.model();
    }

    /** The bound port while running, else -1. */
    public int boundPort() {
        return boundPort.get();
    }

    public ReadOnlyIntegerProperty boundPortProperty() {
        return boundPort.getReadOnlyProperty();
    }

    /** The interfaces the first open TCP port is bound to (null when none is open). */
    public BindMode runningBind() {
        PortListener web = primary();
        return web == null ? null : web.config().bind();
    }

    /** The ports open now, in the order they were opened. */
    public ObservableList<PortListener> listeners() {
        return listeners;
    }

    /** Closed sockets with their final figures, newest first (bounded). */
    public ObservableList<SocketInfo> recentlyClosed() {
        return feed.recentlyClosed();
    }

    public ReadOnlyBooleanProperty hintsVisibleProperty() {
        return advice.hintsVisibleProperty();
    }

    /** The URLs at which this computer can be reached, likeliest first; refreshed in the background. */
    public ObservableList<LocalAddresses.Reachable> reachable() {
        return advice.reachable();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return feed.statusProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return notice.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return notice.errorProperty();
    }

    public ObservableList<LogEntry> logRows() {
        return feed.logRows();
    }
}
