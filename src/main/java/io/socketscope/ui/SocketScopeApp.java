package io.socketscope.ui;

import io.socketscope.app.Options;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: opens the main window and closes every socket when it ends. */
public final class SocketScopeApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SocketScopeApp.class);
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Options options;
        String problem = null;
        try {
            options = Options.parse(getParameters().getRaw());
        } catch (Options.OptionsException e) {
            options = Options.defaults();
            problem = e.getMessage();
            LOG.warn("ignoring the command line: {}", problem);
        }
        if (Boolean.getBoolean("socketscope.reportStartup")) {
            // For the benchmark: one line when the window is on screen, measured from the JVM's start.
            stage.setOnShown(e -> System.out.println("socketscope: window shown "
                    + (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
                    + " ms after the JVM started"));
        }
        window = MainWindow.show(stage, options.serverConfig());
        if (!options.listens().isEmpty()) {
            window.viewModel().protocolProperty().set(options.listens().get(0).protocol());
            window.viewModel().portTextProperty().set(Integer.toString(options.listens().get(0).port()));
        }
        if (options.present()) {
            window.present(true);
        }
        if (problem != null) {
            window.viewModel().reportProblem(problem);
        } else if (options.start()) {
            window.viewModel().startAll(options.listens());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.viewModel().shutdown();
        }
        Platform.exit();
    }
}
