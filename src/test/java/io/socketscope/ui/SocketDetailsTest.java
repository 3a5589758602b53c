package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.model.SocketInfo;
import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Inspecting sockets in the real window: click an edge or a log row, close a socket, several ports, UDP. */
@ExtendWith(ApplicationExtension.class)
class SocketDetailsTest {

    private MainWindow window;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(8080, BindMode.LOCAL).withBannerDelay(Duration.ofMillis(100))
                .withFinLinger(Duration.ofSeconds(3)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    private int open(FxRobot robot, Protocol protocol) throws Exception {
        int before = onFx(() -> window.viewModel().listeners().size());
        WaitForAsyncUtils.asyncFx(() -> window.viewModel().form().protocolProperty().set(protocol)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#portField").eraseText(8).write("0");
        robot.clickOn("#startButton");
        waitUntil("the port opens", () -> onFx(() -> window.viewModel().listeners().size()) == before + 1);
        return onFx(() -> window.viewModel().listeners().get(before).port());
    }

    private Socket client(int port) throws Exception {
        Socket s = Clients.connect(port);
        clients.add(s);
        return s;
    }

    private SocketInfo drawnSocketOf(Socket c) throws Exception {
        waitUntil("the socket is drawn", () -> onFx(() -> window.viewModel().model().openSockets().stream()
                .anyMatch(s -> s.connection().client().port() == c.getLocalPort())));
        SocketInfo info = onFx(() -> window.viewModel().model().openSockets().stream()
                .filter(s -> s.connection().client().port() == c.getLocalPort()).findFirst().orElseThrow());
        waitUntil("its edge is on screen", () -> onFx(() -> !window.graph().lookupAll("#socket-" + info.id()).isEmpty()));
        return info;
    }

    private String detail(String key) throws Exception {
        return onFx(() -> window.details().value(key));
    }

    private boolean socketTabShown(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getText().equals("Socket"));
    }

    @Test
    void clickingAnEdgeShowsItsDetailsAndCloseSocketEndsTheClientsConnection(FxRobot robot) throws Exception {
        int port = open(robot, Protocol.TCP);
        Socket c = client(port);
        String request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
        Clients.send(c, request);
        assertEquals(200, Clients.readResponse(c).status());
        SocketInfo info = drawnSocketOf(c);
        waitUntil("its request is counted", () -> onFx(() -> window.viewModel().model().find(info.id()).requests()) == 1);

        robot.moveTo("#socket-" + info.id());
        waitUntil("the tooltip gives the short form", () -> onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText())
                .anyMatch(t -> t.startsWith("TCP 127.0.0.1:" + c.getLocalPort() + " → 127.0.0.1:" + port + " · fd ")
                        && t.contains("open ") && t.contains("1 request · " + request.length() + " B in"))));
        robot.clickOn("#socket-" + info.id());
        assertTrue(socketTabShown(robot), "the Socket tab comes forward");
        assertEquals("127.0.0.1:" + c.getLocalPort(), detail("client"));
        assertEquals("127.0.0.1:" + port, detail("server"));
        org.junit.jupiter.api.Assumptions.assumeTrue(io.socketscope.server.Kernel.available(), "Linux /proc");
        assertTrue(detail("descriptor").startsWith("fd " + io.socketscope.server.Kernel.tcpDescriptor(port,
                c.getLocalPort()) + " "), detail("descriptor"));
        assertEquals("open", detail("state"));
        assertEquals("1", detail("requests"));
        assertTrue(detail("last").matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), detail("last"));
        assertEquals(request.length() + " bytes", detail("received"));
        assertTrue(onFx(() -> robot.lookup("#detailLines").queryListView().getItems().contains("GET / HTTP/1.1")));
        Node edge = robot.lookup("#socket-" + info.id()).query();
        assertTrue(onFx(() -> edge.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected"))));

        robot.clickOn("#closeSocketButton");
        int end;
        try {
            end = c.getInputStream().read();
        } catch (SocketException reset) {
            end = -1;
        }
        assertEquals(-1, end, "the client's connection ended");
        waitUntil("the details say who closed it", () -> detail("state").startsWith("closed by the server · user-close"));
        robot.clickOn("Recently closed");
        waitUntil("it is in the recently closed list", () -> onFx(() -> robot.lookup("#closedTable")
                .queryAs(TableView.class).getItems().stream().anyMatch(s -> ((SocketInfo) s).id() == info.id())));
        assertTrue(onFx(() -> robot.lookup("#closeSocketButton").query().isDisabled()), "a closed socket cannot be closed");
    }

    @Test
    void aLogRowOpensItsSocketAndAHalfCloseShowsAsSuch(FxRobot robot) throws Exception {
        int port = open(robot, Protocol.TCP);
        Socket c = client(port);
        Clients.readLine(c); // the banner: a text client
        Clients.send(c, "hi\n");
        assertEquals("hi", Clients.readLine(c));
        SocketInfo info = drawnSocketOf(c);
        c.shutdownOutput();
        waitUntil("the FIN reaches the model", () -> onFx(() -> window.viewModel().model().find(info.id()).state()
                == io.socketscope.model.SocketState.HALF_CLOSED));

        robot.clickOn(robot.lookup("#logTable .table-row-cell").nth(0).queryAs(Node.class));
        assertTrue(socketTabShown(robot));
        assertTrue(detail("state").startsWith("half-closed by the peer (FIN received"), detail("state"));
        Node edge = robot.lookup("#socket-" + info.id()).query();
        assertTrue(onFx(() -> edge.getPseudoClassStates().contains(PseudoClass.getPseudoClass("half-closed"))));
        String rest = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rest.endsWith("Bye.\r\n"), rest);
        waitUntil("then closed by the peer", () -> detail("state").startsWith("closed by the peer · peer-half-closed"));
    }

    @Test
    void tcpAndUdpPortsSideBySideEachWithItsOwnStop(FxRobot robot) throws Exception {
        int tcp = open(robot, Protocol.TCP);
        int udp = open(robot, Protocol.UDP);
        Socket c = client(tcp);
        assertEquals(200, Clients.get(c, "/").status());
        DatagramSocket peer = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        clients.add(peer);
        peer.setSoTimeout(5000);
        byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(ping, ping.length, InetAddress.getByName("127.0.0.1"), udp));
        peer.receive(new DatagramPacket(new byte[512], 512));

        waitUntil("the UDP flow is drawn", () -> onFx(() -> window.graph().openSocketLabels().stream()
                .anyMatch(l -> l.startsWith("127.0.0.1:" + peer.getLocalPort() + " · ") && l.endsWith(" ×1"))));
        List<String> ports = onFx(() -> window.graph().portTexts());
        assertEquals(2, ports.size());
        assertTrue(ports.get(0).startsWith("TCP :" + tcp + " listening fd "), ports.toString());
        assertTrue(ports.get(1).startsWith("UDP :" + udp + " receiving fd "), ports.toString());
        java.util.regex.Matcher fd = java.util.regex.Pattern.compile("fd \\d+").matcher(ports.get(1));
        assertTrue(fd.find());
        String udpFd = fd.group();
        assertTrue(onFx(() -> window.graph().openSocketLabels()).contains("127.0.0.1:" + peer.getLocalPort() + " · "
                + udpFd + " ×1"), "the flow's label names the UDP port's one socket");

        robot.clickOn("#stop-udp-" + udp);
        waitUntil("the UDP chip goes", () -> onFx(() -> robot.lookup("#chip-udp-" + udp).tryQuery().isEmpty()));
        assertEquals(1, (int) onFx(() -> window.viewModel().listeners().size()));
        PortListener left = onFx(() -> window.viewModel().listeners().get(0));
        assertTrue(left.isRunning());
        assertEquals(200, Clients.get(c, "/").status(), "the TCP port still serves");
        waitUntil("only the TCP port is drawn", () -> onFx(() -> window.graph().portTexts()).size() == 1);
    }

    @Test
    void theSamePortCannotBeOpenedTwiceAndTheWellKnownMenuFillsThePort(FxRobot robot) throws Exception {
        int tcp = open(robot, Protocol.TCP);
        robot.clickOn("#portField").eraseText(8).write(Integer.toString(tcp));
        robot.clickOn("#startButton");
        assertTrue(robot.lookup("#messageLabel").queryAs(Label.class).getText()
                .startsWith("TCP port " + tcp + " is already open here"));
        assertEquals(1, (int) onFx(() -> window.viewModel().listeners().size()));

        robot.clickOn("#wellKnownButton");
        robot.clickOn("UDP 53  DNS  (privileged: below 1024, needs root)");
        assertEquals("53", onFx(() -> window.viewModel().form().portTextProperty().get()));
        assertEquals(Protocol.UDP, onFx(() -> window.viewModel().form().protocolProperty().get()));
        assertTrue(robot.lookup("#portNote").queryAs(Label.class).getText().startsWith("UDP port 53 is commonly used for DNS."));
        assertTrue(robot.lookup("#portNote").queryAs(Label.class).getText().contains("privileged"));
        assertFalse(robot.lookup("#portNote").queryAs(Label.class).getText().isEmpty());
    }
}
