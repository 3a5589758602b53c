package io.socketscope.ui;

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
        placement.apply(stage, screens);
        stage.setOnHidden(e -> {
            view.machine().close();
            viewModel.shutdown();
        });
        stage.show();
        return new MainWindow(viewModel, view);
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

    /** Shows the Sockets table, or (false) the tab shown before it; returns the table (for the benchmark). */
    public javafx.scene.control.TableView<?> showSocketsTable(boolean show) {
        view.showSocketsTab(show);
        return view.socketsTable().table();
    }

    public GraphView graph() {
        return view.graph();
    }
}
