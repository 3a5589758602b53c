package io.socketscope.app;

import io.socketscope.ui.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: opens the main window with the options {@link Main} parsed, writes every event
 * to the console as the headless mode does, and closes every socket when it ends.
 */
public final class SocketScopeApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SocketScopeApp.class);
    /** The command line as {@link Main} parsed it, so that it is parsed once. */
    private static volatile Options parsed;

    private final ConsoleLog console = ConsoleLog.toLogger();
    private MainWindow window;

    /** Opens the window with these options; returns when it has closed. */
    static void launch(Options options, String[] args) {
        parsed = options;
        Application.launch(SocketScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Options options = parsed;
        String problem = null;
        if (options == null) {
            // Launched by JavaFX directly, not through Main: parse here.
            try {
                options = Options.parse(getParameters().getRaw());
            } catch (Options.OptionsException e) {
                options = Options.defaults();
                problem = e.getMessage();
                LOG.warn("ignoring the command line: {}", problem);
            }
        }
        if (Boolean.getBoolean("socketscope.reportStartup")) {
            // For the benchmark: one line when the window is on screen, measured from the JVM's start.
            stage.setOnShown(e -> System.out.println("socketscope: window shown "
                    + (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
                    + " ms after the JVM started"));
        }
        if (problem == null && options.playback().replay() != null) {
            openReplay(stage, options.playback());
            return;
        }
        window = MainWindow.show(stage, options.serverConfig(), console);
        stage.setTitle("SocketScope " + Version.current() + ": one port, many sockets");
        if (!options.listens().isEmpty()) {
            window.viewModel().form().protocolProperty().set(options.listens().get(0).protocol());
            window.viewModel().form().portTextProperty().set(Integer.toString(options.listens().get(0).port()));
        }
        window.setAppVersion(Version.current());
        if (options.playback().record() != null) {
            window.record(java.nio.file.Path.of(options.playback().record()), Version.current());
        }
        if (options.present()) {
            window.present(true);
        }
        if (options.learn()) {
            window.showLearn();
        }
        if (problem != null) {
            window.viewModel().reportProblem(problem);
        } else if (options.start()) {
            window.viewModel().startAll(options.listens());
        }
    }

    /** Reads the session off the FX thread, then opens the window on it (or says why it cannot). */
    private void openReplay(Stage stage, Options.Playback playback) {
        java.nio.file.Path file = java.nio.file.Path.of(playback.replay());
        Thread reader = new Thread(() -> {
            try {
                io.socketscope.session.Session session = io.socketscope.session.SessionReader.read(file);
                Platform.runLater(() -> window = MainWindow.replay(stage, session,
                        String.valueOf(file.getFileName()), playback.speed(), 0));
            } catch (io.socketscope.session.SessionException e) {
                Platform.runLater(() -> {
                    window = MainWindow.show(stage, parsed == null ? Options.defaults().serverConfig()
                            : parsed.serverConfig(), console);
                    window.viewModel().reportProblem("Cannot replay " + e.getMessage());
                });
            }
        }, "socketscope-replay-read");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.viewModel().shutdown();
        }
        // The console writes what is queued and ends; the FX thread does not wait for it.
        console.finish();
        Platform.exit();
    }
}
