package io.socketscope.ui.session;

import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.model.LogEntry;
import io.socketscope.model.SocketInfo;
import io.socketscope.model.Snapshot;
import io.socketscope.server.Platform;
import io.socketscope.session.SessionCsv;
import io.socketscope.session.SessionRecorder;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

/**
 * The Session menu: record every event to a file (and stop), export the sockets and the log as CSV, and
 * save the graph as a PNG at its current zoom. Files are written on a thread of their own; the FX thread
 * only takes the snapshot of what is shown.
 */
public final class SessionMenu {

    private final MainViewModel viewModel;
    private final Node graph;
    private final MenuButton button = new MenuButton("Session");
    private final MenuItem record = new MenuItem("Record…");
    private final ExecutorService files = Executors.newSingleThreadExecutor(io.socketscope.server.Background.daemon("socketscope-files"));
    private SessionRecorder recorder;
    private String appVersion = "unknown";

    public SessionMenu(MainViewModel viewModel, Node graph) {
        this.viewModel = viewModel;
        this.graph = graph;
        button.setId("sessionMenu");
        record.setId("recordItem");
        record.setOnAction(e -> {
            if (recorder == null) {
                File f = chooser("Record the session to", "socketscope-session.jsonl", "JSON Lines", "*.jsonl")
                        .showSaveDialog(button.getScene().getWindow());
                if (f != null) {
                    startRecording(f.toPath());
                }
            } else {
                stopRecording();
            }
        });
        MenuItem sockets = new MenuItem("Export sockets as CSV…");
        sockets.setOnAction(e -> choose("sockets.csv", "CSV", "*.csv", this::exportSockets));
        MenuItem log = new MenuItem("Export the log as CSV…");
        log.setOnAction(e -> choose("log.csv", "CSV", "*.csv", this::exportLog));
        MenuItem png = new MenuItem("Save the graph as PNG…");
        png.setOnAction(e -> choose("graph.png", "PNG image", "*.png", this::saveGraph));
        button.getItems().addAll(record, sockets, log, png);
    }

    public MenuButton button() {
        return button;
    }

    public void setAppVersion(String version) {
        this.appVersion = version;
    }

    /** Starts recording to {@code file} (created off the FX thread); the window says where, or why not. */
    public void startRecording(Path file) {
        files.execute(() -> {
            try {
                SessionRecorder started = SessionRecorder.start(file, appVersion,
                        Platform.ofThisSystem().kind().jsonName());
                javafx.application.Platform.runLater(() -> record(started));
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> viewModel.reportProblem(e.getMessage()));
            }
        });
    }

    /**
     * Records into {@code started} from now on (FX thread): first the picture the window holds, then every
     * event as the window applies it. Both come from the model, so an event the servers sent just before
     * (still on its way to the window) is in the one or the other, never in neither nor before its port.
     */
    public void record(SessionRecorder started) {
        stopRecording(); // one recording at a time
        recorder = started;
        Snapshot.events(viewModel.model(), java.time.Instant.now()).forEach(started::onEvent);
        viewModel.addModelListener(started);
        record.setText("Stop recording");
        button.setText("● Recording");
        viewModel.say("Recording every event to " + started.file() + ".");
    }

    /** Stops recording; the file is closed off the FX thread. */
    public void stopRecording() {
        SessionRecorder done = recorder;
        if (done == null) {
            return;
        }
        recorder = null;
        viewModel.removeModelListener(done);
        record.setText("Record…");
        button.setText("Session");
        files.execute(() -> {
            done.close();
            String words = done.problem().isEmpty() ? String.format("Recorded %,d events to %s.", done.written(),
                    done.file()) + (done.dropped() == 0 ? "" : String.format(" %,d more came faster than the file"
                    + " could take them and were left out.", done.dropped())) : done.problem();
            javafx.application.Platform.runLater(() -> viewModel.say(words));
        });
    }

    public boolean isRecording() {
        return recorder != null;
    }

    /** Writes the sockets (open, then recently closed) as CSV; the rows are taken now, on the FX thread. */
    public void exportSockets(Path file) {
        List<SocketInfo> open = new ArrayList<>(viewModel.model().openSockets());
        List<SocketInfo> closed = new ArrayList<>(viewModel.model().recentlyClosed());
        write(file, out -> SessionCsv.writeSockets(out, open, closed),
                String.format("%,d sockets", open.size() + closed.size()));
    }

    void exportLog(Path file) {
        List<LogEntry> log = new ArrayList<>(viewModel.model().log());
        write(file, out -> SessionCsv.writeLog(out, log), String.format("%,d log lines", log.size()));
    }

    /** Saves the graph as shown (its zoom, its size on screen) as a PNG. */
    public void saveGraph(Path file) {
        WritableImage shot = graph.snapshot(new SnapshotParameters(), null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] pixels = new int[w * h];
        PixelReader reader = shot.getPixelReader();
        reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
        files.execute(() -> {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, w, h, pixels, 0, w);
            try {
                if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) {
                    throw new IOException("no PNG writer");
                }
                javafx.application.Platform.runLater(() -> viewModel.say("Saved the graph (" + w + "×" + h
                        + " px) to " + file + "."));
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> viewModel.reportProblem("Could not save the graph to "
                        + file + ": " + e.getMessage()));
            }
        });
    }

    public void close() {
        stopRecording();
        files.shutdown();
    }

    private interface CsvBody {
        void write(Writer out) throws IOException;
    }

    private void write(Path file, CsvBody body, String what) {
        files.execute(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(out);
                javafx.application.Platform.runLater(() -> viewModel.say("Exported " + what + " to " + file + "."));
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> viewModel.reportProblem("Could not export to " + file
                        + ": " + e.getMessage()));
            }
        });
    }

    private void choose(String name, String kind, String pattern, java.util.function.Consumer<Path> then) {
        File f = chooser("Save as", name, kind, pattern).showSaveDialog(button.getScene().getWindow());
        if (f != null) {
            then.accept(f.toPath());
        }
    }

    private static FileChooser chooser(String title, String name, String kind, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(name);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return c;
    }
}
