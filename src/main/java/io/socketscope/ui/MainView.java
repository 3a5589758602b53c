package io.socketscope.ui;

import io.socketscope.ui.graph.GraphView;
import io.socketscope.ui.graph.ZoomBar;
import io.socketscope.ui.learn.LearnView;
import io.socketscope.ui.machine.MachineTab;
import io.socketscope.ui.session.SessionMenu;
import io.socketscope.ui.sockets.SocketDetails;
import io.socketscope.ui.sockets.SocketsTable;
import io.socketscope.ui.sockets.SocketsTableModel;
import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.model.LogEntry;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.BindMode;
import io.socketscope.server.PortInput;
import io.socketscope.server.Protocol;
import java.util.Map;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/** Thin controller for {@code MainView.fxml}: binds the window chrome to the {@link MainViewModel}. */
public final class MainView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final MainViewModel viewModel;

    private final GraphView graph = new GraphView();
    private final SocketsTableModel socketsModel = new SocketsTableModel(System::nanoTime);
    private final SocketsTable socketsTable = new SocketsTable(socketsModel);
    private long agedAt;
    private SocketDetails details;
    private boolean countsStale;
    private long sweptAt;

    @FXML private ComboBox<Protocol> protocolChoice;
    @FXML private MenuButton wellKnownButton;
    @FXML private HBox portsBar;
    @FXML private HBox toolbar;
    @FXML private javafx.scene.control.ScrollPane portsScroll;
    @FXML private TabPane sideTabs;
    @FXML private TabPane lowerTabs;
    @FXML private Tab socketsTab;
    /** The lower tab shown before {@link #showSocketsTab} showed the Sockets table. */
    private Tab beforeSockets;
    @FXML private StackPane socketsHolder;
    @FXML private javafx.scene.control.SplitPane centerSplit;
    @FXML private javafx.scene.control.ToggleButton logToggle;
    @FXML private javafx.scene.control.ToggleButton panelToggle;
    @FXML private javafx.scene.control.ToggleButton ghostToggle;
    @FXML private javafx.scene.control.ToggleButton presentToggle;
    private PresenterMode presenter;
    private ConnectPanel connectPanel;
    private MachineTab machine;
    private PortChips chips;
    private SessionMenu session;
    private HelpMenu help;
    private LearnView learn;
    private final javafx.scene.control.Tab learnTab = new javafx.scene.control.Tab("Learn");
    @FXML private Tab socketTab;
    @FXML private StackPane detailsHolder;
    @FXML private Tab closedTab;
    @FXML private TableView<SocketInfo> closedTable;
    @FXML private TableColumn<SocketInfo, String> closedAtColumn;
    @FXML private TableColumn<SocketInfo, String> closedProtocolColumn;
    @FXML private TableColumn<SocketInfo, String> closedClientColumn;
    @FXML private TableColumn<SocketInfo, String> closedSocketColumn;
    @FXML private TableColumn<SocketInfo, String> closedAgeColumn;
    @FXML private TableColumn<SocketInfo, String> closedTrafficColumn;
    @FXML private TableColumn<SocketInfo, String> closedRequestsColumn;
    @FXML private TableColumn<SocketInfo, String> closedHowColumn;
    @FXML private TextField portField;
    @FXML private ComboBox<BindMode> bindChoice;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label portNote;
    @FXML private StackPane graphHolder;
    @FXML private StackPane connectHolder;
    @FXML private TableView<LogEntry> logTable;
    @FXML private TextField logFilter;
    @FXML private Label logCount;
    @FXML private TableColumn<LogEntry, String> timeColumn;
    @FXML private TableColumn<LogEntry, String> kindColumn;
    @FXML private TableColumn<LogEntry, String> clientColumn;
    @FXML private TableColumn<LogEntry, String> descriptorColumn;
    @FXML private TableColumn<LogEntry, String> detailColumn;
    @FXML private Label messageLabel;
    @FXML private Label statusLabel;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        portField.textProperty().bindBidirectional(viewModel.form().portTextProperty());
        bindChoice.getItems().setAll(BindMode.values());
        bindChoice.valueProperty().bindBidirectional(viewModel.form().bindProperty());
        protocolChoice.getItems().setAll(Protocol.values());
        protocolChoice.valueProperty().bindBidirectional(viewModel.form().protocolProperty());
        stopButton.disableProperty().bind(viewModel.runningProperty().not());
        fillWellKnown();
        chips = new PortChips(viewModel, portsBar);
        portNote.textProperty().bind(viewModel.form().portNoteProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, was, isError) ->
                messageLabel.pseudoClassStateChanged(ERROR, isError));
        portField.setOnAction(e -> start());

        ZoomBar zoomBar = new ZoomBar(graph.zoom());
        graphHolder.getChildren().addAll(graph, zoomBar);
        Runnable layOut = this::layOutNow;
        graph.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(layOut);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(layOut);
            }
        });
        StackPane.setAlignment(zoomBar, javafx.geometry.Pos.BOTTOM_RIGHT);
        StackPane.setMargin(zoomBar, new javafx.geometry.Insets(4));
        viewModel.setGraphUpdater(this::draw);
        viewModel.setOnTick(() -> {
            refreshCounts(false);
            socketsModel.tick();
            presenter.update(viewModel.model().openCount(), phoneUrl());
            long now = System.nanoTime();
            if (socketsTab.isSelected() && now - agedAt >= 1_000_000_000L) {
                agedAt = now;
                socketsTable.refreshAges();
            }
            if (learnTab.isSelected()) {
                learn.tick();
            }
            graph.refreshTexts(true);
            long t = System.nanoTime();
            if (t - sweptAt >= 250_000_000L) {
                sweptAt = t;
                graph.sweep();
            }
        });
        viewModel.setHostNameListener((ip, name) -> {
            graph.hostNamed(ip, name);
            socketsModel.hostNamed(ip, name);
        });
        graph.setOnSocketClicked(this::showSocket);
        // A click opens the host in the graph (its sockets with full labels); the Sockets tab then lists its
        // sockets, one click away. A second click closes it, and the table shows every socket again.
        graph.setOnHostClicked(ip -> socketsTable.filterHost(ip.equals(graph.openedHost()) ? ip : ""));
        socketsHolder.getChildren().add(socketsTable);
        socketsTab.selectedProperty().addListener((obs, was, isShown) -> socketsTable.setShown(isShown));
        socketsTable.setOnSelect(this::showSocket);
        learn = new LearnView(viewModel);
        learnTab.setId("learnTab");
        learnTab.setContent(learn);
        sideTabs.getTabs().add(learnTab);
        session = new SessionMenu(viewModel, graph);
        javafx.scene.layout.HBox bar = (javafx.scene.layout.HBox) presentToggle.getParent();
        bar.getChildren().add(bar.getChildren().indexOf(presentToggle), session.button());
        help = new HelpMenu(this::phoneUrl);
        bar.getChildren().add(help.button());
        machine = new MachineTab(lowerTabs, viewModel::model, group -> {
            socketsTable.filterHost(group.replace(" ", " :")); // "TCP 8080" -> "TCP :8080": that port's sockets
            lowerTabs.getSelectionModel().select(socketsTab);
        });
        ((javafx.scene.layout.VBox) messageLabel.getParent()).getChildren()
                .add(1, machine.holderLink(viewModel.heldPortProperty()));
        ControlWords.keep(toolbar, portNote);
        ControlWords.scrollSideways(portsScroll);
        ControlWords.keep(bar, null);
        ViewToggles.bind(logToggle, centerSplit, lowerTabs);
        ViewToggles.bind(panelToggle, (javafx.scene.layout.BorderPane) sideTabs.getParent(), sideTabs);
        ViewToggles.bindGhosts(ghostToggle, graph.ghosts()::setShown);
        presenter = new PresenterMode(presentToggle, graph, logToggle, panelToggle);
        graphHolder.getChildren().add(presenter.invitation());
        graph.setSummaries(viewModel::summaryOf);
        connectPanel = new ConnectPanel(viewModel);
        connectHolder.getChildren().add(connectPanel);
        details = new SocketDetails(viewModel);
        detailsHolder.getChildren().add(details);
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            graph.select(now == null ? -1 : now.id());
            if (now != null) {
                socketsTable.select(now.id());
            }
        });

        EventLogTable.wire(logTable, logFilter, logCount, viewModel.logRows(), this::showSocket, timeColumn, kindColumn,
                clientColumn, descriptorColumn, detailColumn);
        ClosedTable.wire(closedTab, closedTable, viewModel.recentlyClosed(), this::showSocket, closedAtColumn,
                closedProtocolColumn, closedClientColumn, closedSocketColumn, closedAgeColumn, closedTrafficColumn,
                closedRequestsColumn, closedHowColumn);
    }

    /** Shows one socket's details in the side panel. */
    private void showSocket(long socketId) {
        viewModel.select(socketId);
        sideTabs.getSelectionModel().select(socketTab);
    }

    /** Offers the well-known ports of both protocols, each with its service and whether it is privileged. */
    private void fillWellKnown() {
        MenuItem pick = new MenuItem("0  let the operating system pick a free port");
        pick.setOnAction(e -> viewModel.form().portTextProperty().set("0"));
        wellKnownButton.getItems().add(pick);
        for (Protocol protocol : Protocol.values()) {
            wellKnownButton.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            for (Map.Entry<Integer, String> known : PortInput.wellKnown(protocol).entrySet()) {
                int port = known.getKey();
                MenuItem item = new MenuItem(protocol + " " + port + "  " + known.getValue()
                        + (port < PortInput.FIRST_UNPRIVILEGED ? "  (privileged: below 1024, needs root)" : ""));
                item.setId("well-known-" + protocol.option() + "-" + port);
                item.setOnAction(e -> {
                    viewModel.form().protocolProperty().set(protocol);
                    viewModel.form().portTextProperty().set(Integer.toString(port));
                });
                wellKnownButton.getItems().add(item);
            }
        }
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    /** The address phones should open: the one the QR code shows, else this computer's own. */
    private String phoneUrl() {
        if (!viewModel.runningProperty().get()) {
            return null;
        }
        String chosen = connectPanel.chosenUrl();
        return chosen != null ? chosen : "http://127.0.0.1:" + viewModel.boundPortProperty().get() + "/";
    }

    /** Turns presenter mode on or off (the toolbar toggle, or {@code --present}). */
    void present(boolean on) {
        presentToggle.setSelected(on);
    }

    /** Shows the Sockets table (true) or the tab that was shown before it (false). */
    void showSocketsTab(boolean show) {
        if (show) {
            beforeSockets = lowerTabs.getSelectionModel().getSelectedItem();
            lowerTabs.getSelectionModel().select(socketsTab);
        } else if (lowerTabs.getSelectionModel().getSelectedItem() == socketsTab) {
            boolean remembered = beforeSockets != null && beforeSockets != socketsTab;
            lowerTabs.getSelectionModel().select(remembered ? beforeSockets : lowerTabs.getTabs().get(0));
        }
    }

    PortChips chips() {
        return chips;
    }

    LearnView learn() {
        return learn;
    }

    /** Opens the side panel on the Learn tab. */
    void showLearn() {
        sideTabs.getSelectionModel().select(learnTab);
    }

    HelpMenu help() {
        return help;
    }

    SessionMenu session() {
        return session;
    }

    MachineTab machine() {
        return machine;
    }

    SocketsTable socketsTable() {
        return socketsTable;
    }

    GraphView graph() {
        return graph;
    }

    private void draw(ScopeModel.Change change) {
        socketsModel.apply(change);
        // A socket that opened and closed within this one batch is in the log and the counters, but is not
        // drawn: under a storm of short connections the scene would only build edges to tear them down.
        java.util.Set<Long> closedNow = new java.util.HashSet<>();
        for (SocketInfo closed : change.closed()) {
            closedNow.add(closed.id());
        }
        java.util.Set<Long> skipped = new java.util.HashSet<>();
        for (SocketInfo opened : change.opened()) {
            if (closedNow.contains(opened.id())) {
                skipped.add(opened.id());
                graph.socketCameAndWent(opened);
            } else {
                graph.socketOpened(opened);
            }
        }
        for (SocketInfo updated : change.updated()) {
            graph.socketUpdated(updated);
        }
        for (SocketInfo closed : change.closed()) {
            if (!skipped.contains(closed.id())) {
                graph.socketClosed(closed);
            }
        }
        // Appeared, then gone: a connection the kernel kept and dropped within one batch ends gone.
        for (io.socketscope.model.Ghost ghost : change.ghosted()) {
            graph.ghosts().appeared(ghost);
        }
        for (io.socketscope.model.Ghost ghost : change.unghosted()) {
            graph.ghosts().gone(ghost);
        }
        if (change.phaseChanged()) {
            refreshCounts(true);
        } else if (!change.opened().isEmpty() || !change.closed().isEmpty()) {
            countsStale = true; // written at the next tick, with the other counts
        }
    }

    /** Port nodes and chips show counts: rewritten at the view-model's tick (ten times a second), or now. */
    private void refreshCounts(boolean now) {
        if (!now && !countsStale) {
            return;
        }
        countsStale = false;
        graph.showPorts(viewModel.model().ports());
        chips.update();
    }

    /**
     * Every pulse, after its events and animations and before its CSS pass (a pre-layout pulse listener):
     * lays out the graph and the shown table (the log, or whichever lower tab is open), which the scene
     * would otherwise lay out after its CSS pass. Both restyle nodes as they lay out: the graph puts new
     * edges and hosts in the scene and marks them new or compact, a table that took rows restyles its cells
     * (row parity, the ACCEPT/CLOSE colours). After the CSS pass that styling is left over: JavaFX then
     * marks the window's root for the next pulse, which copies it to the renderer with no region changed,
     * and a repaint with no region changed repaints the whole window (~15 ms of software rendering here,
     * after every log refresh and every new edge: 35-45 % of the pulses while clients come and go). Nothing
     * to lay out costs nothing.
     */
    private void layOutNow() {
        graph.settle();
        lowerTabs.layout();
    }

    SocketDetails details() {
        return details;
    }
}
