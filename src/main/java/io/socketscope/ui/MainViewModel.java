package io.socketscope.ui;

import io.socketscope.app.ConsoleLog;
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
import io.socketscope.server.SocketServer;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's logic: validates the port, starts and stops the server, folds its event batches into the
 * model, and exposes what the window shows as properties. Lives on the FX thread.
 */
public final class MainViewModel {

    /** How many log rows the table keeps (the model's counters stay exact regardless). */
    static final int TABLE_ROWS = 2000;

    private final StringProperty portText = new SimpleStringProperty(this, "portText", "8080");
    private final ObjectProperty<BindMode> bind = new SimpleObjectProperty<>(this, "bind", BindMode.ALL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyStringWrapper portNote = new ReadOnlyStringWrapper(this, "portNote", "");
    private final ObservableList<LogEntry> logRows = FXCollections.observableArrayList();

    private final ScopeModel model = new ScopeModel();
    private final EventPump pump = new EventPump(this::applyBatch);
    private final ServerListener console = new ConsoleLog();
    private final ServerConfig template;
    private Consumer<ScopeModel.Change> graphUpdater = change -> { };
    private SocketServer server;

    public MainViewModel(ServerConfig template) {
        this.template = template;
        portText.set(Integer.toString(template.port()));
        bind.set(template.bind());
        status.set(model.statusLine());
        portText.addListener((obs, old, now) -> portNote.set(noteFor(now)));
        portNote.set(noteFor(portText.get()));
        pump.start();
    }

    /** Where each applied batch's changes go to be drawn. */
    void setGraphUpdater(Consumer<ScopeModel.Change> updater) {
        this.graphUpdater = updater;
    }

    /** Validates the typed port and starts listening; returns false (with a message shown) if it cannot. */
    public boolean start() {
        if (server != null && server.isRunning()) {
            return true;
        }
        PortInput.Result port = PortInput.parse(portText.get());
        if (!port.ok()) {
            showError(port.error());
            return false;
        }
        ServerConfig config = new ServerConfig(port.port(), bind.get(), template.idleTimeout(), template.bannerDelay());
        try {
            server = SocketServer.start(config, ServerListener.all(pump, console), DescriptorLookup.forThisSystem());
        } catch (BindFailure e) {
            reportProblem(e.getMessage());
            return false;
        }
        running.set(true);
        String note = port.port() == 0 ? "The operating system picked port " + server.port() + ". " : "";
        showInfo(note + howToConnect(bind.get(), server.port()));
        return true;
    }

    /** Closes the listening socket and every accepted socket. */
    public void stop() {
        if (server != null) {
            server.stop();
        }
        running.set(false);
        pump.drain();
    }

    /** Stops everything; called when the window closes. */
    public void shutdown() {
        stop();
        pump.stop();
    }

    private void applyBatch(List<ServerEvent> batch) {
        publish(model.apply(batch));
    }

    private void publish(ScopeModel.Change change) {
        if (change.isEmpty()) {
            return;
        }
        for (LogEntry entry : change.logged()) {
            logRows.add(0, entry);
        }
        if (logRows.size() > TABLE_ROWS) {
            logRows.remove(TABLE_ROWS, logRows.size());
        }
        status.set(model.statusLine());
        graphUpdater.accept(change);
    }

    /** Shows a problem in the window and keeps it in the event log. */
    public void reportProblem(String text) {
        showError(text);
        publish(model.noteProblem(text));
    }

    private void showError(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    private void showInfo(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    /** Where a browser or nc should connect, in words. */
    static String howToConnect(BindMode mode, int port) {
        if (mode == BindMode.LOCAL) {
            return "Open http://127.0.0.1:" + port + "/ in a browser on this computer, or run: nc 127.0.0.1 " + port
                    + ". Phones cannot connect: choose \"all interfaces\" for that.";
        }
        List<LocalAddresses.Reachable> reachable = LocalAddresses.find();
        if (reachable.isEmpty()) {
            return "Open http://127.0.0.1:" + port + "/ here. No network interface is up, so phones cannot connect yet.";
        }
        LocalAddresses.Reachable best = reachable.get(0);
        return "Phones and laptops on the same Wi-Fi: open " + best.url(port) + " (" + best.interfaceName()
                + "). On this computer: http://127.0.0.1:" + port + "/ or nc 127.0.0.1 " + port;
    }

    private static String noteFor(String text) {
        PortInput.Result r = PortInput.parse(text);
        return r.ok() ? PortInput.note(r.port()) : "";
    }

    /** The descriptors of the listening sockets, e.g. {@code fd 41} or {@code fd 41, fd 42}. */
    String listeningDescriptors() {
        return model.listening().stream().map(s -> s.descriptor().label()).collect(Collectors.joining(", "));
    }

    public ScopeModel model() {
        return model;
    }

    /** The bound port while running, else -1. */
    public int boundPort() {
        return server != null && server.isRunning() ? server.port() : -1;
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
        return logRows;
    }
}
