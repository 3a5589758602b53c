package io.socketscope.ui;

import io.socketscope.ui.graph.SocketEdge;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.Kernel;
import io.socketscope.server.ServerConfig;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window draws the phone page's live view and held connections as what they are, with the kernel's fds. */
@ExtendWith(ApplicationExtension.class)
class LivePageWindowTest {

    private MainWindow window;
    private final List<Socket> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(8080, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(30)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    @Test
    void aLiveViewAndAHeldConnectionAreLabeledAsSuch(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Kernel.available(), "Linux /proc");
        int port = FxTesting.startOnAnyPort(robot, window);
        Socket page = Clients.connect(port);
        Socket stream = Clients.connect(port);
        Socket held = Clients.connect(port);
        clients.addAll(List.of(page, stream, held));
        Clients.get(page, "/");
        Clients.send(stream, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
        Clients.send(held, "GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, Clients.readHead(stream).status());
        assertEquals(200, Clients.readHead(held).status());

        String pageLabel = "127.0.0.1:" + page.getLocalPort() + " · fd " + Kernel.tcpDescriptor(port, page.getLocalPort());
        String liveLabel = "live view :" + stream.getLocalPort() + " · fd " + Kernel.tcpDescriptor(port, stream.getLocalPort());
        String heldLabel = "held :" + held.getLocalPort() + " · fd " + Kernel.tcpDescriptor(port, held.getLocalPort());
        waitUntil("the three edges as what they are", () -> onFx(() -> window.graph().openSocketLabels())
                .containsAll(List.of(pageLabel, liveLabel, heldLabel)));
        Node live = robot.lookup(".socket-edge").match(n -> liveLabel.equals(((javafx.scene.control.Label) n).getText()))
                .query();
        assertTrue(live.getPseudoClassStates().contains(SocketEdge.LIVE), "drawn in the live view's look");
        assertTrue(onFx(() -> live.getAccessibleText()).contains(", open, the phone page's live view"),
                onFx(() -> live.getAccessibleText()));
        Node heldNode = robot.lookup(".socket-edge").match(n -> heldLabel.equals(((javafx.scene.control.Label) n).getText()))
                .query();
        assertTrue(heldNode.getPseudoClassStates().contains(SocketEdge.HELD), "drawn in the held look");

        // The log names them.
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<io.socketscope.model.LogEntry> log =
                robot.lookup("#logTable").queryAs(javafx.scene.control.TableView.class);
        waitUntil("LIVE and HELD lines in the log", () -> onFx(() -> log.getItems().stream()
                .map(l -> l.kind().name()).toList()).containsAll(List.of("LIVE", "HELD")));
    }
}
