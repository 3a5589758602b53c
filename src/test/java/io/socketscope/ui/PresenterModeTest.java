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
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presenter mode: the address big until the first phone, the graph larger with the log put away, and back. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {

    private MainWindow window;
    private final List<Socket> clients = new ArrayList<>();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(60)));
    }

    /** On a 1280 x 720 projector, twelve phones of two sockets each: every socket's descriptor readable. */
    @Test
    void onAProjectorTwelvePhonesOfTwoShowEverySocketsDescriptor(FxRobot robot) throws Exception {
        onFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            return null;
        });
        int port = FxTesting.startOnAnyPort(robot, window);
        robot.clickOn("#presentToggle");
        for (int h = 0; h < 12; h++) {
            for (int k = 0; k < 2; k++) {
                Socket s = new Socket();
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.1." + (h + 2)), 0));
                s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), port), 5000);
                clients.add(s);
            }
        }
        waitUntil("24 sockets drawn, laid out and still", () -> onFx(() -> window.graph().openSocketLabels().size() == 24
                && window.graph().settled(12)));
        waitUntil("24 labels on screen", () -> onFx(() -> ClassroomTest.socketLabels(window).stream()
                .filter(l -> l.getSkin() != null).count()) == 24);
        ClassroomTest.assertReadableAndTrue(window, onFx(() -> ClassroomTest.socketLabels(window)), port);
        robot.clickOn("#presentToggle");
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    @Test
    void theAddressShowsBigUntilThePhonesComeAndOneClickBringsTheWindowBack(FxRobot robot) throws Exception {
        int port = FxTesting.startOnAnyPort(robot, window);
        Node side = robot.lookup("#sideTabs").query();
        Node log = robot.lookup("#logTable").query();
        robot.clickOn("#presentToggle");
        Node invitation = robot.lookup("#invitation").query();
        waitUntil("the invitation shows", () -> onFx(invitation::isVisible));
        assertEquals("http://127.0.0.1:" + port + "/", onFx(() -> ((Label) robot.lookup("#invitationUrl").query()).getText()),
                "listening on this computer only, the address is this computer's");
        assertTrue(onFx(() -> log.getScene() == null), "the log is put away");
        assertTrue(onFx(() -> side.getScene() == null), "so is the side panel");

        Socket phone = Clients.connect(port);
        clients.add(phone);
        waitUntil("the invitation goes when a phone connects", () -> !onFx(invitation::isVisible));
        waitUntil("its socket is drawn", () -> onFx(() -> window.graph().openSocketLabels()).size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Node host = robot.lookup(".host-ip").query();
        // Styled (and so sized) at the pulse after it entered the scene.
        waitUntil("the host's address is drawn", () -> onFx(() -> host.getBoundsInLocal().getHeight()) > 0);
        double presented = onFx(() -> host.localToScene(host.getBoundsInLocal()).getHeight());

        robot.clickOn("#presentToggle");
        WaitForAsyncUtils.waitForFxEvents();
        double normal = onFx(() -> host.localToScene(host.getBoundsInLocal()).getHeight());
        assertEquals(PresenterMode.MAGNIFICATION, presented / normal, 0.01, "text was drawn 1.6 times larger");
        assertFalse(onFx(invitation::isVisible));
        assertTrue(onFx(() -> log.getScene() != null), "the log is back");
        assertTrue(onFx(() -> side.getScene() != null), "and the side panel");
    }
}
