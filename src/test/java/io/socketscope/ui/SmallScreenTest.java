package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.ServerConfig;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A small laptop or a projector at 1024 × 640: the window fits, and so do its controls and every host. */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {

    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1024, 640);

    private MainWindow window;
    private Stage stage;
    private final List<Socket> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(60)),
                List.of(SCREEN));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    @Test
    void theWindowFitsTheScreenWithStartAndEveryPhoneOnIt(FxRobot robot) throws Exception {
        assertTrue(onFx(() -> stage.getWidth()) <= SCREEN.getWidth(), "width " + stage.getWidth());
        assertTrue(onFx(() -> stage.getHeight()) <= SCREEN.getHeight(), "height " + stage.getHeight());
        Bounds window = new BoundingBox(0, 0, onFx(() -> stage.getScene().getWidth()), onFx(() -> stage.getScene().getHeight()));
        Node start = robot.lookup("#startButton").query();
        assertTrue(window.contains(onFx(() -> ClassroomTest.scene(start))), "Start is on screen");
        assertTrue(window.contains(onFx(() -> ClassroomTest.scene(robot.lookup("#stopButton").query()))), "Stop all too");

        ClassroomTest.startAndConnect(robot, this.window, clients, ClassroomTest.HOSTS);
        Bounds graph = onFx(() -> ClassroomTest.scene(this.window.graph()));
        assertTrue(window.contains(graph), "the graph " + graph + " is inside the window " + window);
        List<Label> hosts = onFx(() -> ClassroomTest.hostAddresses(this.window));
        int grouped = onFx(() -> this.window.graph().currentLayout().group() == null ? 0
                : this.window.graph().currentLayout().group().keys().size());
        assertEquals(ClassroomTest.HOSTS, hosts.size() + grouped, "every phone is drawn, or counted in the group");
        for (Label host : hosts) {
            assertTrue(graph.contains(onFx(() -> ClassroomTest.scene(host))), host.getText() + " is inside the graph");
        }
    }

    @Test
    void theWindowOpensWhereItWasLastClosedIfThatIsOnAScreen() throws Exception {
        Preferences prefs = Preferences.userRoot().node("socketscope-test-" + ProcessHandle.current().pid());
        try {
            WindowPlacement placement = new WindowPlacement(prefs);
            assertEquals(SCREEN, placement.initial(List.of(SCREEN)), "first start: the whole small screen");
            Rectangle2D big = new Rectangle2D(0, 0, 1920, 1080);
            assertEquals(new Rectangle2D(320, 140, 1280, 800), placement.initial(List.of(big)),
                    "first start on a large screen: 1280 x 800, centred");
            prefs.putDouble("window.x", 100);
            prefs.putDouble("window.y", 50);
            prefs.putDouble("window.width", 1000);
            prefs.putDouble("window.height", 700);
            assertEquals(new Rectangle2D(100, 50, 1000, 700), placement.initial(List.of(big)), "where it was left");
            assertEquals(SCREEN, placement.initial(List.of(SCREEN)), "not if that is off the screen it opens on now");
        } finally {
            prefs.removeNode();
        }
    }
}
