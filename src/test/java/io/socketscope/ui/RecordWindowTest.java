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
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        onFx(() -> {
            window.session().stopRecording();
            return null;
        });
        waitUntil("the file is closed", () -> onFx(() -> window.viewModel().messageProperty().get()).startsWith("Recorded"));
        Session session = SessionReader.read(file);
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
}
