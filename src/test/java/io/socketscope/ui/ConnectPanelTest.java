package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.LocalAddresses;
import io.socketscope.server.ServerConfig;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Connect a phone" panel in the real window; clients connect over loopback only. */
@ExtendWith(ApplicationExtension.class)
class ConnectPanelTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.ALL).withBannerDelay(Duration.ofSeconds(30)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, List.of());
    }



    private int startOn(FxRobot robot, BindMode mode) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.viewModel().form().bindProperty().set(mode)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#startButton");
        waitUntil("the server listens", () -> onFx(() -> window.viewModel().boundPort()) > 0);
        return onFx(() -> window.viewModel().boundPort());
    }

    @Test
    void afterStartTheUrlsAndAScannableQrCodeAreShown(FxRobot robot) throws Exception {
        int port = startOn(robot, BindMode.ALL);
        List<LocalAddresses.Reachable> expected = LocalAddresses.find();
        waitUntil("the address list is read", () -> onFx(() -> List.copyOf(window.viewModel().reachable())).equals(expected));
        WaitForAsyncUtils.waitForFxEvents();
        ImageView qr = robot.lookup("#qrCode").queryAs(ImageView.class);
        if (expected.isEmpty()) {
            assertFalse(qr.isVisible());
            assertTrue(robot.lookup(".connect-panel .label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().startsWith("No network interface is up")));
            return;
        }
        String url = expected.get(0).url(port);
        assertTrue(qr.isVisible());
        assertEquals(url, robot.lookup("#chosenUrl").queryAs(Label.class).getText());
        // Read on the FX thread, which draws it, and waited for: the panel may still be redrawing it.
        waitUntil("a phone camera reads the URL from the QR code", () -> url.equals(onFx(() -> readable(qr))));
        assertEquals(expected.size(), robot.lookup(".url-row").queryAll().size());
        assertFalse(url.contains("127.0.0.1") || url.contains("[::1]"), "loopback is never offered to phones");
    }

    @Test
    void thisComputerOnlySaysPhonesCannotConnectAndOffersToSwitch(FxRobot robot) throws Exception {
        startOn(robot, BindMode.LOCAL);
        WaitForAsyncUtils.waitForFxEvents();
        Node switchButton = robot.lookup("#switchToAll").query();
        assertTrue(switchButton.isVisible());
        assertFalse(robot.lookup("#qrCode").query().isVisible());
        assertTrue(robot.lookup(".connect-panel .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("phones and other computers cannot connect")));
        waitUntil("the button is laid out", () -> onFx(() -> switchButton.getLayoutBounds().getWidth() > 0
                && switchButton.getScene() != null));
        Node root = onFx(() -> window.graph().getScene().getRoot());
        Node button = robot.from(root).lookup("#switchToAll").query();
        robot.clickOn(button, javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            waitUntil("listening on all interfaces", () -> onFx(() -> window.viewModel().runningBind()) == BindMode.ALL);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; message: " + onFx(() -> window.viewModel().messageProperty().get())
                    + "; running: " + onFx(() -> window.viewModel().runningBind()) + "; button at "
                    + onFx(() -> switchButton.localToScreen(switchButton.getBoundsInLocal())) + " visible "
                    + onFx(switchButton::isVisible), e);
        }
        int portNow = onFx(() -> window.viewModel().boundPort());
        assertTrue(portNow > 0, "listening again, now on every interface");
        try (Socket s = Clients.connect(portNow)) {
            waitUntil("the socket shows", () -> onFx(() -> window.graph().openSocketLabels()).size() == 1);
        }
    }

    @Test
    void hintsAppearWhenNothingConnectsAndGoWhenSomethingDoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.viewModel().setHintDelay(javafx.util.Duration.millis(300)))
                .get(5, TimeUnit.SECONDS);
        int port = startOn(robot, BindMode.ALL);
        waitUntil("hints show", () -> onFx(() -> robot.lookup("#hints").query().isVisible()));
        String hints = robot.lookup("#hints").queryAs(Label.class).getText();
        assertTrue(hints.contains("same Wi-Fi"), hints);
        assertTrue(hints.contains("Guest networks"), hints);
        assertTrue(hints.contains(":" + port), hints);
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String firewall = os.contains("win") ? "netsh advfirewall firewall add rule name=SocketScope dir=in action=allow"
                + " protocol=TCP localport=" + port
                : os.contains("mac") ? "System Settings → Network → Firewall" : "sudo ufw allow " + port + "/tcp";
        assertTrue(hints.contains(firewall), "this OS's firewall step, " + firewall + ", in: " + hints);
        try (Socket s = Clients.connect(port)) {
            waitUntil("hints go", () -> !onFx(() -> robot.lookup("#hints").query().isVisible()));
        }
    }

    @Test
    void hostNodeShowsTheGuessedDeviceAndName(FxRobot robot) throws Exception {
        int port = startOn(robot, BindMode.ALL);
        try (Socket s = Clients.connect(port)) {
            assertEquals(200, Clients.get(s, "/", "User-Agent: curl/8.5.0").status());
            waitUntil("the guess shows", () -> {
                String text = onFx(() -> window.graph().hostText("127.0.0.1"));
                return text != null && text.contains("command-line tool?") && text.contains("this computer");
            });
            assertEquals("127.0.0.1 this computer · 1 socket · command-line tool?",
                    onFx(() -> window.graph().hostText("127.0.0.1")));
        }
    }

    /** What a reader gets from the QR code shown now, or null when it finds none. */
    private static String readable(ImageView qr) {
        try {
            return qr.getImage() == null ? null : QrCodesTest.decode(qr.getImage());
        } catch (Exception notFound) {
            return null;
        }
    }
}
