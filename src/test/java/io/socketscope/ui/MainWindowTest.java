package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.ServerConfig;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window under Monocle, driven like a person would, with real sockets on loopback. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Pattern LABEL = Pattern.compile("127\\.0\\.0\\.1:(\\d+) · fd (\\d+)");

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



    /** Types port 0 (the OS picks), clicks Start, and returns the port the server got. */
    private int typePortZeroAndStart(FxRobot robot) throws Exception {
        return FxTesting.startOnAnyPort(robot, window);
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void connectingSocketsDrawsOneEdgeEachAndStopClearsThem(FxRobot robot) throws Exception {
        int port = typePortZeroAndStart(robot);

        Set<Integer> clientPorts = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            Socket s = Clients.connect(port);
            clients.add(s);
            clientPorts.add(s.getLocalPort());
        }
        waitUntil("three edges", () -> onFx(() -> window.graph().openSocketLabels()).size() == 3);

        List<String> labels = onFx(() -> window.graph().openSocketLabels());
        Set<Integer> labeledPorts = new TreeSet<>();
        for (String label : labels) {
            Matcher m = LABEL.matcher(label);
            assertTrue(m.matches(), label);
            labeledPorts.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(clientPorts, labeledPorts, "each edge is labeled with its own client's ip:port");
        // Each edge's descriptor is the one the kernel holds for that connection (read from /proc alone).
        org.junit.jupiter.api.Assumptions.assumeTrue(io.socketscope.server.Kernel.available(), "Linux /proc");
        Set<String> kernelLabels = new TreeSet<>();
        for (Socket s : clients) {
            kernelLabels.add("127.0.0.1:" + s.getLocalPort() + " · fd "
                    + io.socketscope.server.Kernel.tcpDescriptor(port, s.getLocalPort()));
        }
        assertEquals(kernelLabels, new TreeSet<>(labels), "edges carry the server's real descriptors");
        assertEquals(3, robot.lookup(".socket-edge").queryAll().size());
        // The status line and the log follow within 100 ms (they are refreshed at most ten times a second).
        waitUntil("the status counts them", () -> onFx(() -> text(robot, "#statusLabel")).contains("3 open sockets · 3 accepted"));
        assertTrue(text(robot, "#statusLabel").contains("TCP port " + port), text(robot, "#statusLabel"));

        robot.clickOn("#logFilter").write("127.0.0.1:" + clients.get(1).getLocalPort());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> log = robot.lookup("#logTable").queryAs(javafx.scene.control.TableView.class);
        waitUntil("the filtered log", () -> onFx(() -> log.getItems().size()) == 1);
        assertEquals(1, log.getItems().size(), "the filter keeps only that client's ACCEPT");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#logFilter").queryAs(javafx.scene.control.TextField.class).clear())
                .get(5, TimeUnit.SECONDS);

        Socket first = clients.remove(0);
        first.close();
        waitUntil("two open edges", () -> onFx(() -> window.graph().openSocketLabels()).size() == 2);
        assertFalse(onFx(() -> window.graph().openSocketLabels()).stream()
                .anyMatch(l -> l.startsWith("127.0.0.1:" + first.getLocalPort() + " ")));
        waitUntil("the closed edge fades out", () -> onFx(() -> window.graph().drawnEdges()) == 2);

        robot.clickOn("#stopButton");
        waitUntil("no edges", () -> onFx(() -> window.graph().drawnEdges()) == 0);
        waitUntil("the status says Stopped", () -> text(robot, "#statusLabel").startsWith("Stopped."));
        waitUntil("nothing is under way", () -> onFx(() -> window.viewModel().busyProperty().get()).isEmpty());
        for (Socket s : clients) {
            assertEquals(-1, s.getInputStream().read(), "Stop closed the client's socket");
        }
    }

    @Test
    void invalidPortShowsItsMessageAndStartsNothing(FxRobot robot) throws Exception {
        robot.clickOn("#portField").eraseText(8).write("65536");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ports are 16-bit unsigned: 0–65535, so 65536 does not fit.", text(robot, "#messageLabel"));
        assertEquals(-1, (int) onFx(() -> window.viewModel().boundPort()));
        assertFalse(onFx(() -> window.viewModel().runningProperty().get()));
        assertEquals("Not listening. Choose a port and press Start.", text(robot, "#statusLabel"));

        robot.clickOn("#portField").eraseText(8).write("abc");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\"abc\" is not a port number. A port is a whole number from 0 to 65535.",
                text(robot, "#messageLabel"));
    }

    @Test
    void tenHostsAndTwentySocketsFromOneHostAreDrawnWithoutOverlapTheTwentyAsOneBundle(FxRobot robot) throws Exception {
        int port = typePortZeroAndStart(robot);
        for (int host = 0; host < 10; host++) {
            for (int k = 0; k < (host == 0 ? 20 : 1); k++) {
                Socket s = new Socket();
                // Each "host" is its own loopback source address: 127.0.0.2 ... 127.0.0.11.
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0." + (host + 2)), 0));
                s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), port), 5000);
                clients.add(s);
            }
        }
        waitUntil("9 edges and a bundle of 20", () -> onFx(() -> window.graph().openSocketLabels()).size() == 9
                && onFx(() -> window.graph().bundleTexts()).equals(List.of("127.0.0.2: 20")));
        // Nodes enter the scene when the graph is laid out, at the next pulse.
        waitUntil("the graph laid out with every host, and still", () -> onFx(() -> window.graph().settled(10)));
        List<javafx.geometry.Bounds> boxes = onFx(() -> {
            List<javafx.geometry.Bounds> b = new ArrayList<>();
            robot.lookup(".socket-edge").queryAll().stream().filter(javafx.scene.Node::isVisible)
                    .forEach(n -> b.add(n.localToScene(n.getBoundsInLocal())));
            robot.lookup(".host-node").queryAll().stream().filter(javafx.scene.Node::isVisible)
                    .forEach(n -> b.add(n.localToScene(n.getBoundsInLocal())));
            return b;
        });
        io.socketscope.layout.Detail detail = onFx(() -> window.graph().currentLayout().detail());
        assertEquals(detail == io.socketscope.layout.Detail.FULL ? 20 : 10, boxes.size(),
                "10 host nodes, and in full detail 9 socket labels and 1 bundle (" + detail + ")");
        javafx.geometry.Bounds graphBounds = onFx(() -> window.graph().localToScene(window.graph().getBoundsInLocal()));
        for (int i = 0; i < boxes.size(); i++) {
            javafx.geometry.Bounds a = boxes.get(i);
            assertTrue(graphBounds.contains(a), a + " is inside the graph " + graphBounds);
            for (int j = i + 1; j < boxes.size(); j++) {
                javafx.geometry.Bounds b = boxes.get(j);
                boolean overlap = a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() < a.getMaxX() - 0.5
                        && a.getMinY() < b.getMaxY() - 0.5 && b.getMinY() < a.getMaxY() - 0.5;
                assertFalse(overlap, a + " overlaps " + b);
            }
        }
    }

    @Test
    void theWindowKeepsDrawingWhileHundredsOfClientsTrickleHeaders(FxRobot robot) throws Exception {
        int port = typePortZeroAndStart(robot);
        for (int i = 0; i < 300; i++) {
            Socket s = Clients.connect(port);
            clients.add(s);
            Clients.send(s, "GET / HTTP/1.1\r\nX-Slow: ");
        }
        waitUntil("300 sockets in one bundle", () -> onFx(() -> window.graph().bundleTexts())
                .equals(List.of("127.0.0.1: 300")));
        java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
        javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        WaitForAsyncUtils.asyncFx(counter::start).get(5, TimeUnit.SECONDS);
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (Socket s : clients) {
                Clients.send(s, "z");
            }
            Thread.sleep(100);
        }
        WaitForAsyncUtils.asyncFx(counter::stop).get(5, TimeUnit.SECONDS);
        assertTrue(frames.get() >= 20, "the scene kept pulsing: " + frames.get() + " frames in 1 s");
        try (Socket fresh = Clients.connect(port)) {
            waitUntil("a new client still appears", () -> onFx(() -> window.graph().bundleTexts())
                    .equals(List.of("127.0.0.1: 301")));
        }
    }

    @Test
    void privilegedPortNoteAppearsWhileTyping(FxRobot robot) {
        robot.clickOn("#portField").eraseText(8).write("80");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#portNote").contains("privileged"), text(robot, "#portNote"));
    }
}
