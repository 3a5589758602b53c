package io.socketscope.ui;

import io.socketscope.ui.graph.GraphView;
import io.socketscope.ui.learn.LearnView;
import io.socketscope.ui.machine.MachineTab;
import io.socketscope.ui.session.ReplayBar;
import io.socketscope.ui.session.SessionMenu;
import io.socketscope.ui.sockets.SocketDetails;
import io.socketscope.ui.sockets.SocketsTable;
import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Builds the main window on a stage: FXML chrome, code-built graph, stylesheet. Used by the app and tests. */
public final class MainWindow {

    private final MainViewModel viewModel;
    private final MainView view;

    private MainWindow(MainViewModel viewModel, MainView view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    public static MainWindow show(Stage stage, ServerConfig config) {
        return show(stage, config, event -> { });
    }

    /** Shows the window; {@code console} is told every event too (it must only enqueue). */
    public static MainWindow show(Stage stage, ServerConfig config, ServerListener console) {
        return show(stage, config, WindowPlacement.screens(), console);
    }

    static MainWindow show(Stage stage, ServerConfig config, java.util.List<javafx.geometry.Rectangle2D> screens) {
        return show(stage, config, screens, event -> { });
    }

    /**
     * Shows the window on {@code screens} (visible areas, the primary first): sized to fit the first,
     * or where the user last left it.
     */
    static MainWindow show(Stage stage, ServerConfig config, java.util.List<javafx.geometry.Rectangle2D> screens,
                           ServerListener console) {
        MainViewModel viewModel = new MainViewModel(config, console);
        MainView view = new MainView(viewModel);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainView.fxml"));
        loader.setController(view);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load MainView.fxml", e);
        }
        WindowPlacement placement = WindowPlacement.forThisUser();
        javafx.geometry.Rectangle2D at = placement.initial(screens);
        Scene scene = new Scene(root, at.getWidth(), at.getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("main-view.css").toExternalForm());
        stage.setTitle("SocketScope: one port, many sockets");
        stage.setScene(scene);
        AppIcon.dress(stage);
        placement.apply(stage, screens);
        stage.setOnHidden(e -> {
            view.machine().close();
            view.session().close();
            view.learn().close();
            viewModel.shutdown();
        });
        stage.show();
        return new MainWindow(viewModel, view);
    }

    /**
     * Opens the window on a recorded session, clearly marked as a replay, with nothing listening; going back
     * on the timeline opens it again at that point.
     */
    public static MainWindow replay(Stage stage, io.socketscope.session.Session session, String name, int speed,
                                    long atMs) {
        MainWindow window = show(stage, ServerConfig.of(0, io.socketscope.server.BindMode.LOCAL));
        Parent root = stage.getScene().getRoot();
        for (String id : new String[] {"#startButton", "#portField", "#protocolChoice", "#bindChoice",
            "#wellKnownButton"}) {
            javafx.scene.Node n = root.lookup(id);
            if (n != null) {
                n.setDisable(true); // a replay: nothing listens
            }
        }
        ReplayBar[] bar = new ReplayBar[1];
        bar[0] = new ReplayBar(window.viewModel, session, name, speed, atMs, target -> {
            bar[0].stop();
            window.viewModel.shutdown();
            replay(stage, session, name, speed, target);
        });
        ((javafx.scene.layout.VBox) ((javafx.scene.layout.BorderPane) root).getTop()).getChildren().add(0, bar[0]);
        javafx.event.EventHandler<javafx.stage.WindowEvent> hidden = stage.getOnHidden();
        stage.setOnHidden(e -> {
            bar[0].stop(); // the replay's frames end with its window
            hidden.handle(e);
        });
        stage.setTitle("SocketScope: replay of " + name + " (nothing listens)");
        AppIcon.dress(stage);
        window.view.chips().setNoneText("A replay: the recorded ports are drawn below; nothing listens here.");
        window.viewModel.form().portTextProperty().set("");
        window.viewModel.say("Replaying " + name + ": " + session.events().size() + " recorded events.");
        window.replayBar = bar[0];
        return window;
    }

    private ReplayBar replayBar;

    ReplayBar replayBar() {
        return replayBar;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    SocketDetails details() {
        return view.details();
    }

    /** Turns presenter mode on or off. */
    public void present(boolean on) {
        view.present(on);
    }

    SocketsTable socketsTable() {
        return view.socketsTable();
    }

    MachineTab machine() {
        return view.machine();
    }

    SessionMenu session() {
        return view.session();
    }

    LearnView learn() {
        return view.learn();
    }

    /** Opens the side panel on the Learn tab (--learn). */
    public void showLearn() {
        view.showLearn();
    }

    /** Starts recording every event to {@code file} (the file is created off the FX thread). */
    public void record(java.nio.file.Path file, String appVersion) {
        view.session().setAppVersion(appVersion);
        view.session().startRecording(file);
    }

    /** The window's controller, for tests in this package. */
    MainView view() {
        return view;
    }

    /** The version written into recordings made from the Session menu, and said in Help › About. */
    public void setAppVersion(String appVersion) {
        view.session().setAppVersion(appVersion);
        view.help().setAppVersion(appVersion);
    }

    /** Shows the Sockets table, or (false) the tab shown before it; returns the table (for the benchmark). */
    public javafx.scene.control.TableView<?> showSocketsTable(boolean show) {
        view.showSocketsTab(show);
        return view.socketsTable().table();
    }

    public GraphView graph() {
        return view.graph();
    }
}
