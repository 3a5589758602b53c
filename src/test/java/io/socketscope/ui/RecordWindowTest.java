package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.Kernel;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerEvent;
import io.socketscope.session.Session;
import io.socketscope.session.SessionReader;
import io.socketscope.session.SessionRecorder;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Recording from the window while a port is already open: the file holds the socket with the kernel's fd. */
@ExtendWith(ApplicationExtension.class)
class RecordWindowTest {

    @TempDir
    Path dir;
    private MainWindow window;
    private final List<Socket> held = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, held);
    }

    /** Stops the recording and reads its file once the window says it is closed. */
    private Session stopAndRead(Path file) throws Exception {
        onFx(() -> {
            window.session().stopRecording();
            return null;
        });
        waitUntil("the file is closed", () -> onFx(() -> window.viewModel().messageProperty().get()).startsWith("Recorded"));
        return SessionReader.read(file);
    }

    @Test
    void aRecordingStartedOnAnOpenPortHoldsItsSocketsWithTheKernelsDescriptors(FxRobot robot) throws Exception {
        assumeTrue(Kernel.available(), "descriptors are checked against /proc");
        int port = FxTesting.startOnAnyPort(robot, window);
        Path file = dir.resolve("rec.jsonl");
        onFx(() -> {
            window.session().startRecording(file);
            return null;
        });
        waitUntil("recording", () -> onFx(() -> window.session().isRecording()));
        Socket client = Clients.connect(port);
        held.add(client);
        waitUntil("accepted", () -> onFx(() -> window.viewModel().model().openCount()) == 1);
        int fd = Kernel.tcpDescriptor(port, client.getLocalPort());
        Session session = stopAndRead(file);
        assertTrue(session.events().get(0) instanceof ServerEvent.Listening l && l.port() == port,
                "the port that was open when recording began comes first");
        ServerEvent.Accepted accepted = session.events().stream().filter(e -> e instanceof ServerEvent.Accepted)
                .map(e -> (ServerEvent.Accepted) e).findFirst().orElseThrow();
        assertEquals(client.getLocalPort(), accepted.connection().client().port());
        assertEquals("fd " + fd, accepted.connection().descriptor().label(), "the kernel's descriptor");

        // A folder that does not exist: said in words, the window goes on.
        onFx(() -> {
            window.session().startRecording(dir.resolve("no/such/folder/x.jsonl"));
            return null;
        });
        waitUntil("the problem is said", () -> onFx(() -> window.viewModel().messageProperty().get())
                .startsWith("Cannot record to"));
        assertTrue(onFx(() -> window.viewModel().messageProperty().get()).endsWith(": no such folder"));
        assertTrue(onFx(() -> window.viewModel().runningProperty().get()), "still listening");
    }
    /**
     * The window applies server events a pulse after they are sent. A socket accepted just before recording
     * starts, its ACCEPT still on its way to the window, is recorded all the same, after its port: the FX thread
     * is held here from before the connect until recording has started, so the ACCEPT is surely on its way.
     */
    @Test
    void aSocketAcceptedJustBeforeRecordingStartsIsInTheRecording(FxRobot robot) throws Exception {
        assumeTrue(Kernel.available(), "descriptors are checked against /proc");
        int port = FxTesting.startOnAnyPort(robot, window);
        waitUntil("the port is in the picture", () -> onFx(() -> window.viewModel().model().ports().size()) == 1);
        CountDownLatch sent = new CountDownLatch(1);
        window.viewModel().addServerListener(e -> {
            if (e instanceof ServerEvent.Accepted) {
                sent.countDown();
            }
        });
        Path file = dir.resolve("race.jsonl");
        SessionRecorder recorder = SessionRecorder.start(file, "test", "fd");
        CountDownLatch fxHeld = new CountDownLatch(1);
        CompletableFuture<Integer> seenBefore = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            fxHeld.countDown();
            try {
                assertTrue(sent.await(20, TimeUnit.SECONDS), "the server accepted");
                seenBefore.complete(window.viewModel().model().openCount());
                window.session().record(recorder);
            } catch (Throwable t) {
                seenBefore.completeExceptionally(t);
            }
        });
        assertTrue(fxHeld.await(10, TimeUnit.SECONDS));
        Socket client = Clients.connect(port);
        held.add(client);
        assertEquals(0, seenBefore.get(30, TimeUnit.SECONDS), "the window had not applied the ACCEPT yet");
        waitUntil("accepted", () -> onFx(() -> window.viewModel().model().openCount()) == 1);
        int fd = Kernel.tcpDescriptor(port, client.getLocalPort());
        List<ServerEvent> events = stopAndRead(file).events();
        assertTrue(events.get(0) instanceof ServerEvent.Listening l && l.port() == port, "the port first: " + events);
        List<ServerEvent.Accepted> accepted = events.stream().filter(e -> e instanceof ServerEvent.Accepted)
                .map(e -> (ServerEvent.Accepted) e).toList();
        assertEquals(1, accepted.size(), "recorded once: " + events);
        assertEquals(client.getLocalPort(), accepted.get(0).connection().client().port());
        assertEquals("fd " + fd, accepted.get(0).connection().descriptor().label(), "the kernel's descriptor");
    }
}
