package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.model.ScopeModel;
import io.socketscope.server.BindMode;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerConfig;
import io.socketscope.session.Session;
import io.socketscope.session.SessionReader;
import io.socketscope.session.SessionRecorder;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A session recorded from a real loopback server, replayed in the window: marked as a replay with nothing
 * listening, it ends in the state the recorded events fold to; the timeline goes forward and back; the
 * sockets export as CSV and the graph saves as a PNG of its size on screen.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {

    @TempDir
    static Path dir;
    private static Session session;

    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void record() throws Exception {
        Path file = dir.resolve("lesson.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file, "test", "os");
        PortListener tcp = PortListener.start(Protocol.TCP, ServerConfig.of(0, BindMode.LOCAL)
                .withBannerDelay(Duration.ofMillis(50)), recorder, DescriptorLookup.forThisSystem());
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        Socket kept = new Socket(lo, tcp.port());
        kept.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        kept.getInputStream().read(new byte[64]);
        for (int i = 0; i < 5; i++) {
            Thread.sleep(60);
            try (Socket s = new Socket(lo, tcp.port())) {
                s.getOutputStream().write("GET /socket.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes();
            }
        }
        Thread.sleep(300);
        recorder.close(); // the kept socket is still open when the recording ends
        tcp.stop();
        kept.close();
        session = SessionReader.read(file);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.replay(stage, session, "lesson.jsonl", 0, 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, java.util.List.of());
    }

    @Test
    void theReplayEndsInTheRecordedStateWithNothingListening(FxRobot robot) throws Exception {
        int total = session.events().size();
        waitUntil("every event replayed", () -> onFx(() -> window.replayBar().played()) == total);
        ScopeModel expected = new ScopeModel();
        expected.apply(session.events());
        waitUntil("the window's model caught up", () -> onFx(() -> window.viewModel().model().acceptedTotal())
                == expected.acceptedTotal());
        assertEquals(expected.openCount(), onFx(() -> window.viewModel().model().openCount()));
        assertEquals(1, expected.openCount(), "the kept socket was open when the recording ended");
        assertEquals(expected.requestsTotal(), onFx(() -> window.viewModel().model().requestsTotal()));
        assertEquals(6, expected.acceptedTotal());
        assertTrue(onFx(() -> stage.getTitle()).contains("replay of lesson.jsonl"));
        assertTrue(onFx(() -> robot.lookup("#replayBar .replay-label").queryAs(Label.class).getText())
                .startsWith("REPLAY of lesson.jsonl"));
        assertTrue(onFx(() -> robot.lookup("#startButton").query().isDisabled()), "nothing can listen in a replay");
        assertFalse(onFx(() -> window.viewModel().runningProperty().get()));

        // Exports: the sockets as CSV (one row per socket the model knows), the graph as a PNG of its size.
        Path csv = dir.resolve("sockets.csv");
        onFx(() -> {
            window.session().exportSockets(csv);
            return null;
        });
        waitUntil("the CSV is written", () -> onFx(() -> window.viewModel().messageProperty().get()).startsWith("Exported"));
        try (Reader in = Files.newBufferedReader(csv)) {
            int rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords().size();
            assertEquals(expected.openCount() + expected.recentlyClosed().size(), rows);
        }
        Path png = dir.resolve("graph.png");
        int[] size = onFx(() -> {
            window.session().saveGraph(png);
            return new int[] {(int) Math.ceil(window.graph().getLayoutBounds().getWidth()),
                (int) Math.ceil(window.graph().getLayoutBounds().getHeight())};
        });
        waitUntil("the PNG is written", () -> onFx(() -> window.viewModel().messageProperty().get()).startsWith("Saved"));
        BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(size[0], image.getWidth());
        assertEquals(size[1], image.getHeight());
    }

    @Test
    void theTimelineGoesBackToAnEarlierPoint(FxRobot robot) throws Exception {
        int total = session.events().size();
        waitUntil("every event replayed", () -> onFx(() -> window.replayBar().played()) == total);
        javafx.scene.Parent before = onFx(() -> stage.getScene().getRoot());
        onFx(() -> {
            robot.lookup("#replayTimeline").queryAs(Slider.class).setValue(0);
            return null;
        });
        // Rebuilt at the start, paused there by nothing: at "max" it plays to the end again.
        waitUntil("a new replay at the start", () -> onFx(() -> stage.getScene().getRoot() != before
                && stage.getScene().lookup("#replayPosition") != null
                && ((Label) stage.getScene().lookup("#replayPosition")).getText().endsWith(total + " of " + total + " events")));
        assertTrue(onFx(() -> stage.getScene().lookup("#replayBar") != null));

        // At 1×, paused, a scrub forward hands over exactly the events up to that point.
        MainWindow slow = onFx(() -> {
            window.viewModel().shutdown();
            MainWindow w = MainWindow.replay(stage, session, "lesson.jsonl", 1, 0);
            w.replayBar().pause(); // before its first frame
            window = w;
            return w;
        });
        assertEquals("Play", onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#replayPlay")).getText()));
        long half = java.time.Duration.between(session.started(),
                session.events().get(session.events().size() / 2).time()).toMillis();
        long due = session.events().stream()
                .filter(e -> java.time.Duration.between(session.started(), e.time()).toMillis() <= half).count();
        onFx(() -> {
            ((Slider) stage.getScene().lookup("#replayTimeline")).setValue(half);
            return null;
        });
        assertEquals(due, (long) onFx(() -> slow.replayBar().played()), "the events up to the scrubbed point");
        assertTrue(due < total);
    }
}
