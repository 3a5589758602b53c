package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.ServerConfig;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a screen reader hears for the graph: each socket, host and port in words, with the real descriptor. */
@ExtendWith(ApplicationExtension.class)
class AccessibleTextTest {

    private static final Pattern SPOKEN = Pattern.compile("socket fd (\\d+), 127\\.0\\.0\\.1:(\\d+) to port (\\d+), open"
            + "(, kernel state ESTABLISHED)?"); // the kernel's word, once its table was read

    private MainWindow window;
    private final List<Socket> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(60)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    @Test
    void everySocketHostAndPortIsSaidInWordsWithTheKernelsDescriptor(FxRobot robot) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "the kernel's socket table is readable (Linux)");
        int port = FxTesting.startOnAnyPort(robot, window);
        Socket client = Clients.connect(port);
        clients.add(client);
        waitUntil("its edge is drawn", () -> onFx(() -> window.graph().lookup(".socket-edge")) != null);

        Node edge = onFx(() -> window.graph().lookup(".socket-edge"));
        String said = onFx(edge::getAccessibleText);
        Matcher m = SPOKEN.matcher(said);
        assertTrue(m.matches(), said);
        assertEquals(client.getLocalPort(), Integer.parseInt(m.group(2)));
        assertEquals(port, Integer.parseInt(m.group(3)));
        assertEquals(io.socketscope.server.Kernel.tcpDescriptor(port, client.getLocalPort()), Integer.parseInt(m.group(1)),
                "the descriptor said is the one /proc/self/fd holds for this connection");

        Node host = onFx(() -> window.graph().lookup("#host-127-0-0-1"));
        assertTrue(onFx(host::getAccessibleText).startsWith("client host 127.0.0.1"), onFx(host::getAccessibleText));
        assertTrue(onFx(host::getAccessibleText).contains("1 socket"), onFx(host::getAccessibleText));
        Node portNode = onFx(() -> window.graph().lookup(".port-node"));
        waitUntil("the port counts it", () -> onFx(portNode::getAccessibleText).endsWith("1 open"));
        assertTrue(onFx(portNode::getAccessibleText).startsWith("TCP port " + port + ", listening, socket fd "),
                onFx(portNode::getAccessibleText));

        client.close();
        waitUntil("the closed edge says so", () -> onFx(edge::getAccessibleText).endsWith(", closed"));
    }
}
