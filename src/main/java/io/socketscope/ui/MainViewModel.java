package io.socketscope.ui;

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
import io.socketscope.server.HostNames;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's logic: validates the port, starts and stops listeners (several ports, TCP and UDP), folds
 * their event batches into the model, keeps the selected socket and the recently closed list, and exposes
 * what the window shows as properties. Lives on the FX thread.
 */
public final class MainViewModel {

    /** How many log rows the table keeps (the model's counters stay exact regardless). */
    static final int TABLE_ROWS = LogRows.KEPT;
    /** How often the list of reachable addresses is read again (Wi-Fi reconnects, cables). */
    static final javafx.util.Duration ADDRESS_REFRESH = javafx.util.Duration.seconds(5);
    /** How long after Start, with nothing connected, the troubleshooting hints appear. */
    static final javafx.util.Duration DEFAULT_HINT_DELAY = javafx.util.Duration.seconds(20);

    private final StringProperty portText = new SimpleStringProperty(this, "portText", "8080");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.TCP);
    private final ObservableList<PortListener> listeners = FXCollections.observableArrayList();
    private final ObservableList<SocketInfo> recentlyClosed = FXCollections.observableArrayList();
    private final ObjectProperty<SocketInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<Long, ListenSpec> asked = new LinkedHashMap<>();
    private final ObjectProperty<BindMode> bind = new SimpleObjectProperty<>(this, "bind", BindMode.ALL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<ListenSpec> held = new ReadOnlyObjectWrapper<>(this, "heldPort");
    private final ReadOnlyStringWrapper portNote = new ReadOnlyStringWrapper(this, "portNote", "");
    private final LogRows log = new LogRows();
    private final ReadOnlyIntegerWrapper boundPort = new ReadOnlyIntegerWrapper(this, "boundPort", -1);
    private final ReadOnlyBooleanWrapper hintsVisible = new ReadOnlyBooleanWrapper(this, "hintsVisible", false);
    /** Where this computer can be reached; its changes refresh the how-to-connect line. */
    private final Reachability addresses = new Reachability(this::addressesChanged);
    private final ObservableList<LocalAddresses.Reachable> reachable = addresses.list();
    private final PauseTransition hintTimer = new PauseTransition(DEFAULT_HINT_DELAY);
    private final HostNames hostNames = new HostNames();
    /** Opens and closes ports off the FX thread, in order. */
    private final PortRunner ports = new PortRunner(Platform::runLater);
    private BiConsumer<String, String> hostNamed = (ip, name) -> { };

    private final ScopeModel model = new ScopeModel();
    private Runnable onTick = () -> { };
    private final EventPump pump = new EventPump(this::applyBatch, this::tick);
    /** Counts, captions, the log table and the status line refresh ten times a second... */
    private static final long TICK_NANOS = 100_000_000L;
    /**
     * ...and four times a second during a storm (more than {@value #STORM_EVENTS} events since the last
     * refresh): each refresh repaints the graph and the table, which in software rendering costs as much
     * CPU as accepting a thousand connections; numbers changing 40,000 times a second are not read anyway.
     */
    private static final long STORM_TICK_NANOS = 250_000_000L;
    private static final int STORM_EVENTS = 2_000;
    private long eventsSinceTick;
    private long lastTick;
    private boolean statusDirty;
    /**
     * One lookup for every port the window opens: where surrogate ids stand in for descriptors, they are
     * then unique across ports and protocols (each port used to count from id 1).
     */
    private final DescriptorLookup descriptors = DescriptorLookup.forThisSystem();
    /** Told every event too (the app's console: it only enqueues, and writes on a thread of its own). */
    private final ServerListener console;
    private final List<ServerListener> taps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ServerConfig template;
    private Consumer<ScopeModel.Change> graphUpdater = change -> { };
    private String pickedNote = "";

    public MainViewModel(ServerConfig template) {
        this(template, event -> { });
    }

    /** @param console told every event of every port too, on the server's threads: it must only enqueue */
    public MainViewModel(ServerConfig template, ServerListener console) {
        this.template = template;
        this.console = console;
        portText.set(Integer.toString(template.port()));
        bind.set(template.bind());
        status.set(model.statusLine());
        portText.addListener((obs, old, now) -> portNote.set(noteFor(now, protocol.get())));
        protocol.addListener((obs, old, now) -> portNote.set(noteFor(portText.get(), now)));
        portNote.set(noteFor(portText.get(), protocol.get()));
        pump.start();
        hintTimer.setOnFinished(e -> hintsVisible.set(running.get() && model.acceptedTotal() == 0
                && runningBind() == BindMode.ALL));
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

    /** Hands a recorded event to the window as if a server had sent it (a replay; nothing listens). */
    public void replay(io.socketscope.server.ServerEvent event) {
        pump.onEvent(event);
    }

    /** Where reverse-DNS names of client hosts go, on the FX thread. */
    void setHostNameListener(BiConsumer<String, String> listener) {
        this.hostNamed = listener;
    }

    /** Shortens the wait before hints appear (tests). */
    void setHintDelay(javafx.util.Duration delay) {
        hintTimer.setDuration(delay);
    }

    /** Reads the interface table again (off the FX thread). */
    void refreshAddresses() {
        addresses.refresh();
    }

    private void addressesChanged() {
        if (runningBind() == BindMode.ALL && !messageIsError.get()) {
            showInfo(pickedNote + Reachability.howToConnect(BindMode.ALL, boundPort.get(), reachable));
        }
    }

    /**
     * Restarts the server on all interfaces, so that phones can connect, with the port the person asked
     * for (a port the OS picked, for "0", is picked anew: it may be taken on another interface).
     */
    public void switchToAllInterfaces() {
        List<ListenSpec> again = new ArrayList<>(asked.values());
        stop();
        bind.set(BindMode.ALL);
        startAll(again.isEmpty() ? null : again);
    }

    /** Shows a plain message (not an error). */
    public void say(String text) {
        showInfo(text);
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

    /** Runs on every pulse after the batch: for views that refresh by time rather than by event. */
    void setOnTick(Runnable tick) {
        this.onTick = tick;
    }

    /** Where each applied batch's changes go to be drawn. */
    void setGraphUpdater(Consumer<ScopeModel.Change> updater) {
        this.graphUpdater = updater;
    }

    /**
     * Validates the typed port and opens it with the chosen protocol, next to any ports already open;
     * returns false (with a message shown) if it cannot.
     */
    public boolean start() {
        PortInput.Result port = PortInput.parse(portText.get());
        if (!port.ok()) {
            showError(port.error());
            return false;
        }
        return open(new ListenSpec(protocol.get(), port.port()));
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
            showError(spec.protocol() + " port " + spec.port() + " is already open here: every client of it"
                    + " shares that one port. Pick another number to open a second port.");
            return false;
        }
        ServerConfig config = template.withPort(spec.port(), bind.get());
        ServerListener all = ServerListener.all(pump, console);
        // Taps added later (a recording started while the port is open) get its events too.
        ServerListener listener = event -> {
            all.onEvent(event);
            for (ServerListener t : taps) {
                t.onEvent(event);
            }
        };
        showInfo(ports.busyProperty().get().isEmpty() ? "Opening " + spec.protocol() + " port " + spec.port() + "…"
                : message.get());
        ports.open(spec, config, listener, descriptors, (started, failure) -> opened(spec, started, failure));
        return true;
    }

    private void opened(ListenSpec spec, PortListener started, BindFailure failure) {
        if (failure != null) {
            reportProblem(failure.getMessage());
            held.set(failure.kind() == BindFailure.Kind.IN_USE ? new ListenSpec(failure.protocol(), failure.port()) : null);
            return;
        }
        listeners.add(started);
        asked.put(started.runId(), spec);
        updateRunning();
        hintsVisible.set(false);
        hintTimer.playFromStart();
        pickedNote = spec.port() == 0 ? "The operating system picked " + spec.protocol() + " port " + started.port()
                + ". " : "";
        if (spec.protocol() == Protocol.UDP) {
            showInfo(pickedNote + "UDP port " + started.port() + " is open: try nc -u 127.0.0.1 " + started.port()
                    + " and type a line; each line is one datagram, answered by the port's one socket.");
        } else {
            showInfo(pickedNote + Reachability.howToConnect(bind.get(), started.port(), reachable));
        }
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
        List<PortListener> all = List.copyOf(listeners);
        listeners.clear();
        asked.clear();
        updateRunning();
        closePorts(all);
    }

    private void closePorts(List<PortListener> closing) {
        if (closing.isEmpty()) {
            return;
        }
        // The closes reach the window through the pump, a budget a pulse: not all at once when Stop is done.
        ports.close(closing, () -> {
            flushLog();
            if (ports.busyProperty().get().isEmpty() && listeners.isEmpty() && !messageIsError.get()) {
                showInfo("");
            }
        });
        showInfo(ports.busyProperty().get());
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
            hintTimer.stop();
            hintsVisible.set(false);
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
        SocketInfo info = model.find(socketId);
        if (info == null || !info.isOpen()) {
            showError("That socket is already closed.");
            return false;
        }
        if (info.protocol() == Protocol.UDP) {
            showError("UDP has no connection to close: the port's one socket keeps receiving from every peer.");
            return false;
        }
        for (PortListener l : listeners) {
            if (l.runId() == info.runId() && l.closeSocket(socketId)) {
                showInfo("Closed " + info.label() + " from the server side.");
                pump.drain();
                return true;
            }
        }
        showError("That socket is already closed.");
        return false;
    }

    /** Shows this socket's details (open or recently closed). */
    public void select(long socketId) {
        selected.set(model.find(socketId));
    }

    /** The socket whose details are shown, kept current as events arrive; null for none. */
    public ObjectProperty<SocketInfo> selectedProperty() {
        return selected;
    }

    /** A socket's short description for a tooltip, or null if it is gone. */
    public String summaryOf(long socketId) {
        SocketInfo info = model.find(socketId);
        return info == null ? null : info.summary(java.time.Instant.now());
    }

    /** Stops everything; called when the window closes. Waits (up to 5 s) until the ports are free. */
    public void shutdown() {
        List<PortListener> all = List.copyOf(listeners);
        listeners.clear();
        asked.clear();
        updateRunning();
        ports.closeAndWait(all);
        pump.drain();
        flushLog();
        pump.stop();
        addresses.stop();
        hostNames.close();
    }

    private void applyBatch(List<ServerEvent> batch) {
        eventsSinceTick += batch.size();
        ScopeModel.Change change = model.apply(batch);
        if (!change.closed().isEmpty()) {
            // The model keeps the list; the table shows a copy of it, taken here.
            recentlyClosed.setAll(model.recentlyClosed());
        }
        SocketInfo shown = selected.get();
        if (shown != null) {
            SocketInfo now = model.find(shown.id());
            if (now != null && !now.equals(shown)) {
                selected.set(now);
            }
        }
        if (change.phaseChanged()) {
            // A port may have stopped by itself (or been stopped elsewhere): keep the list true.
            listeners.removeIf(l -> !l.isRunning());
            updateRunning();
        }
        publish(change);
    }

    private void publish(ScopeModel.Change change) {
        if (change.isEmpty()) {
            return;
        }
        for (String problem : change.listenerProblems()) {
            // A problem of the listener itself (not of one client): say it where people look.
            showError(problem);
        }
        // The table and status line take new rows at most ten times a second (four in a storm).
        log.offer(change.logged());
        statusDirty = true;
        if (!change.opened().isEmpty()) {
            hintsVisible.set(false);
            for (SocketInfo opened : change.opened()) {
                // HostNames asks once per address; a repeat costs it one map lookup.
                hostNames.lookUp(opened.connection().client().address(),
                        (ip, name) -> Platform.runLater(() -> hostNamed.accept(ip, name)));
            }
        }
        graphUpdater.accept(change);
    }

    /** Puts pending log rows into the table and refreshes the status line (on the tick, or at once). */
    void flushLog() {
        log.flush();
        if (statusDirty) {
            statusDirty = false;
            status.set(model.statusLine());
        }
    }

    /** Shows a problem in the window and keeps it in the event log. */
    public void reportProblem(String text) {
        showError(text);
        publish(model.noteProblem(text));
        flushLog();
    }

    private void showError(String text) {
        message.set(text);
        messageIsError.set(true);
        held.set(null);
    }

    private void showInfo(String text) {
        message.set(text);
        messageIsError.set(false);
        held.set(null);
    }

    /** The port the last Start found in use by another program (the message names it), or null. */
    public ReadOnlyObjectProperty<ListenSpec> heldPortProperty() {
        return held.getReadOnlyProperty();
    }

    private static String noteFor(String text, Protocol protocol) {
        PortInput.Result r = PortInput.parse(text);
        return r.ok() ? PortInput.note(r.port(), protocol) : "";
    }

    public ScopeModel model() {
        return model;
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
        return recentlyClosed;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public ReadOnlyBooleanProperty hintsVisibleProperty() {
        return hintsVisible.getReadOnlyProperty();
    }

    /** The URLs at which this computer can be reached, likeliest first; refreshed in the background. */
    public ObservableList<LocalAddresses.Reachable> reachable() {
        return reachable;
    }

    public StringProperty portTextProperty() {
        return portText;
    }

    public ObjectProperty<BindMode> bindProperty() {
        return bind;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portNoteProperty() {
        return portNote.getReadOnlyProperty();
    }

    public ObservableList<LogEntry> logRows() {
        return log.rows();
    }
}
