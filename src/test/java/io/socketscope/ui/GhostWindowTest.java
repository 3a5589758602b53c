package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.Kernel;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.Ss;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window shows what the kernel keeps: a socket's kernel state in the Sockets table, and the faint ghost of a
 * connection the server closed first, with the kernel's time left, both checked against ss.
 */
@ExtendWith(ApplicationExtension.class)
class GhostWindowTest {

    private MainWindow window;
    private final List<Socket> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    @Test
    void aServerClosedConnectionStaysAsAGhostWithTheKernelsTimeAndTheToggleHidesIt(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Kernel.available() && Ss.available(), "Linux /proc and ss");
        int port = FxTesting.startOnAnyPort(robot, window);
        Socket stays = Clients.connectFrom("127.0.6.1", port);
        Socket closed = Clients.connectFrom("127.0.6.2", port);
        clients.add(stays);
        waitUntil("both accepted", () -> onFx(() -> window.viewModel().model().openCount()) == 2);
        int closedFd = Kernel.tcpDescriptor(port, "127.0.6.2", closed.getLocalPort());

        // The open socket's kernel state, as ss has it, in the Sockets table.
        TableView<?> table = onFx(() -> window.showSocketsTable(true));
        @SuppressWarnings("unchecked")
        TableColumn<Object, ?> kernelColumn = (TableColumn<Object, ?>) onFx(() -> table.getColumns().stream()
                .filter(c -> "Kernel state".equals(c.getText())).findFirst().orElseThrow());
        assertTrue(Ss.rows("established", "sport", port).stream().anyMatch(r -> r.peerPort() == stays.getLocalPort()));
        waitUntil("ESTABLISHED in the Kernel state column", () -> onFx(() -> table.getItems().stream()
                .map(row -> String.valueOf(kernelColumn.getCellObservableValue(row).getValue()))
                .filter("ESTABLISHED"::equals).count()) == 2);

        // The socket's details say the kernel's word, as its tooltip does.
        long staysId = onFx(() -> window.viewModel().model().openSockets().stream()
                .filter(i -> i.connection().client().port() == stays.getLocalPort()).findFirst().orElseThrow().id());
        onFx(() -> {
            window.viewModel().select(staysId);
            return null;
        });
        waitUntil("the details say ESTABLISHED", () -> onFx(() -> window.details().value("kernel"))
                .equals("ESTABLISHED: the connection is up: both sides can send"));
        assertTrue(onFx(() -> window.viewModel().summaryOf(staysId)).endsWith("kernel: ESTABLISHED"));

        // The server closes first (Connection: close, the client reads to the end and closes).
        Clients.send(closed, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        closed.getInputStream().readAllBytes();
        closed.close();
        waitUntil("the ghost on the graph", () -> onFx(() -> window.graph().ghosts().texts()).stream()
                .anyMatch(t -> t.startsWith("127.0.6.2: TIME_WAIT ")));
        String text = onFx(() -> window.graph().ghosts().texts()).stream().filter(t -> t.startsWith("127.0.6.2: "))
                .findFirst().orElseThrow();
        List<Ss.Row> ss = Ss.rows("time-wait", "sport", port);
        assertEquals(1, ss.size(), ss.toString());
        assertEquals(closed.getLocalPort(), ss.get(0).peerPort());
        Matcher m = Pattern.compile("127\\.0\\.6\\.2: TIME_WAIT (\\d+) s").matcher(text);
        assertTrue(m.matches(), text);
        long shown = Long.parseLong(m.group(1)) * 1000;
        assertTrue(Math.abs(shown - ss.get(0).timerMillis()) <= 2500, "shown " + text + ", ss " + ss.get(0));
        String spoken = onFx(() -> robot.lookup(".ghost-edge").queryLabeled().getAccessibleText());
        assertTrue(spoken.contains("fd " + closedFd + " closed; the kernel keeps this connection's 4-tuple"), spoken);
        assertTrue(onFx(() -> window.graph().hostText("127.0.6.2")).startsWith("127.0.6.2"),
                "its host stays while the kernel keeps its connection");

        // The log says it in the words.
        @SuppressWarnings("unchecked")
        TableView<io.socketscope.model.LogEntry> log = robot.lookup("#logTable").queryAs(TableView.class);
        waitUntil("a TIMEWAIT line", () -> onFx(() -> log.getItems().stream().anyMatch(l -> l.line().contains(
                "TIMEWAIT 127.0.6.2:" + closed.getLocalPort() + " -> 127.0.0.1:" + port + " (fd " + closedFd
                        + " closed) kept by the kernel"))));

        // One toggle hides every ghost, and the host that has nothing else.
        onFx(() -> {
            ((javafx.scene.control.ToggleButton) robot.lookup("#ghostToggle").query()).setSelected(false);
            return null;
        });
        waitUntil("no ghost drawn", () -> onFx(() -> window.graph().ghosts().texts()).isEmpty()
                && robot.lookup("#host-127-0-6-2").tryQuery().map(n -> n.getParent() == null).orElse(true));
        assertEquals(1, onFx(() -> window.graph().ghosts().total()), "hidden, still known");
        onFx(() -> {
            ((javafx.scene.control.ToggleButton) robot.lookup("#ghostToggle").query()).setSelected(true);
            return null;
        });
        waitUntil("drawn again", () -> onFx(() -> window.graph().ghosts().texts()).size() == 1);
    }

    @Test
    void thirtyPhonesKeepTheirMarksWhenTheirTimeWaitsHaveNoRoom(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Kernel.available() && Ss.available(), "Linux /proc and ss");
        int port = ClassroomTest.startAndConnect(robot, window, clients, ClassroomTest.HOSTS);
        for (int h = 0; h < ClassroomTest.HOSTS; h++) {
            try (Socket closed = Clients.connectFrom("127.0.1." + (h + 2), port)) {
                Clients.send(closed, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                closed.getInputStream().readAllBytes(); // the server closes first
            }
        }
        waitUntil("30 ghosts, one a phone", () -> onFx(() -> window.graph().ghosts().total()) == ClassroomTest.HOSTS);
        assertEquals(ClassroomTest.HOSTS, Ss.rows("time-wait", "sport", port).size(), "ss agrees");
        waitUntil("the caption counts them", () -> onFx(() -> ((javafx.scene.control.Label) window.graph()
                .lookup(".graph-caption")).getText()).contains("30 more in TIME_WAIT"));
        assertEquals(io.socketscope.layout.Detail.MARKS, onFx(() -> window.graph().currentLayout().detail()),
                "every socket keeps its own mark");
        assertEquals(ClassroomTest.HOSTS * ClassroomTest.PER_HOST, onFx(() -> window.graph().openSocketLabels()).size());
        assertTrue(onFx(() -> window.graph().ghosts().texts()).isEmpty(), "no room for the ghosts: not drawn");
    }
}
