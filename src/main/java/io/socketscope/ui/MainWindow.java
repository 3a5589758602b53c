package io.socketscope.ui;

import io.socketscope.server.ServerConfig;
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
        MainViewModel viewModel = new MainViewModel(config);
        MainView view = new MainView(viewModel);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainView.fxml"));
        loader.setController(view);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load MainView.fxml", e);
        }
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("main-view.css").toExternalForm());
        stage.setTitle("SocketScope: one port, many sockets");
        stage.setScene(scene);
        stage.setOnHidden(e -> viewModel.shutdown());
        stage.show();
        return new MainWindow(viewModel, view);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    SocketDetails details() {
        return view.details();
    }

    public GraphView graph() {
        return view.graph();
    }
}
