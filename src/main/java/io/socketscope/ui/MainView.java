package io.socketscope.ui;

import io.socketscope.model.LogEntry;
import io.socketscope.model.LogFilter;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.BindMode;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/** Thin controller for {@code MainView.fxml}: binds the window chrome to the {@link MainViewModel}. */
public final class MainView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final MainViewModel viewModel;
    private final GraphView graph = new GraphView();

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
        portField.textProperty().bindBidirectional(viewModel.portTextProperty());
        bindChoice.getItems().setAll(BindMode.values());
        bindChoice.valueProperty().bindBidirectional(viewModel.bindProperty());
        portField.disableProperty().bind(viewModel.runningProperty());
        bindChoice.disableProperty().bind(viewModel.runningProperty());
        startButton.disableProperty().bind(viewModel.runningProperty());
        stopButton.disableProperty().bind(viewModel.runningProperty().not());
        portNote.textProperty().bind(viewModel.portNoteProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, was, isError) ->
                messageLabel.pseudoClassStateChanged(ERROR, isError));
        portField.setOnAction(e -> start());

        graphHolder.getChildren().add(graph);
        viewModel.setGraphUpdater(this::draw);
        viewModel.setHostNameListener(graph::hostNamed);
        connectHolder.getChildren().add(new ConnectPanel(viewModel));

        FilteredList<LogEntry> shown = new FilteredList<>(viewModel.logRows());
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> LogFilter.matching(logFilter.getText()), logFilter.textProperty()));
        logTable.setItems(shown);
        logCount.textProperty().bind(Bindings.createStringBinding(() -> logFilter.getText().isBlank()
                ? "" : shown.size() + " of " + viewModel.logRows().size(), logFilter.textProperty(), shown,
                viewModel.logRows()));
        logTable.setPlaceholder(new Label("Events appear here: LISTEN, ACCEPT, REQUEST, CLOSE, ERROR."));
        timeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().clock()));
        kindColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().kind().name()));
        clientColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().client()));
        descriptorColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().descriptor()));
        detailColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().detail()));
        kindColumn.setCellFactory(column -> new KindCell());
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    GraphView graph() {
        return graph;
    }

    private void draw(ScopeModel.Change change) {
        if (change.phaseChanged()) {
            if (viewModel.model().phase() == ScopeModel.Phase.LISTENING) {
                graph.showListening(viewModel.model().port(), viewModel.model().listeningDescriptors());
            } else {
                graph.showStopped();
            }
        }
        for (SocketInfo opened : change.opened()) {
            graph.socketOpened(opened);
        }
        for (SocketInfo updated : change.updated()) {
            graph.socketUpdated(updated);
        }
        for (SocketInfo closed : change.closed()) {
            graph.socketClosed(closed);
        }
    }

    /** The event-kind cell, styled by kind ({@code .log-kind-accept}, ...). */
    private static final class KindCell extends TableCell<LogEntry, String> {
        @Override
        protected void updateItem(String kind, boolean empty) {
            super.updateItem(kind, empty);
            getStyleClass().removeIf(c -> c.startsWith("log-kind-"));
            if (empty || kind == null) {
                setText(null);
            } else {
                setText(kind);
                getStyleClass().add("log-kind-" + kind.toLowerCase(Locale.ROOT));
            }
        }
    }
}
