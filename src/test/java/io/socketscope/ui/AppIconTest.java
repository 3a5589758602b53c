package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window and its dialogs wear SocketScope's own icon; Help › About says the version, license and address. */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL));
        window.setAppVersion("9.8.7");
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, new ArrayList<>());
    }

    @Test
    void theWindowHasTheIconAtEveryDesktopSize() throws Exception {
        List<Image> icons = onFx(() -> List.copyOf(stage.getIcons()));
        assertEquals(AppIcon.SIZES.length, icons.size(), "one image per size");
        for (int i = 0; i < icons.size(); i++) {
            Image image = icons.get(i);
            assertTrue(!image.isError(), "icon " + AppIcon.SIZES[i] + " loads");
            assertEquals(AppIcon.SIZES[i], image.getWidth(), 0.01);
            assertEquals(AppIcon.SIZES[i], image.getHeight(), 0.01);
            // Not a blank square: the mark's teal and the port's blue are both in the largest one.
            if (AppIcon.SIZES[i] == 256) {
                int tealish = 0;
                int bluish = 0;
                for (int y = 0; y < 256; y += 4) {
                    for (int x = 0; x < 256; x += 4) {
                        int argb = image.getPixelReader().getArgb(x, y);
                        int r = (argb >> 16) & 0xff;
                        int g = (argb >> 8) & 0xff;
                        int b = argb & 0xff;
                        tealish += g > 180 && b > 150 && r < 120 ? 1 : 0;
                        bluish += b > 200 && r < 200 && g < 220 && g > 150 ? 1 : 0;
                    }
                }
                assertTrue(tealish > 20 && bluish > 20, "teal " + tealish + ", blue " + bluish);
            }
        }
    }

    @Test
    void helpAboutSaysTheVersionTheLicenseAndWhereToConnect(FxRobot robot) throws Exception {
        robot.clickOn("#helpMenu");
        robot.clickOn("About SocketScope");
        waitUntil("the About box shows", () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing() && w.getScene() != null && w.getScene().lookup("#aboutText") != null)));
        Window about = onFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#aboutText") != null).findFirst().orElseThrow());
        String text = onFx(() -> ((TextArea) about.getScene().lookup("#aboutText")).getText());
        assertTrue(text.startsWith("SocketScope 9.8.7"), text);
        assertTrue(text.contains("Apache License 2.0"), text);
        assertEquals(AppIcon.SIZES.length, (int) onFx(() -> ((Stage) about).getIcons().size()), "the dialog wears the icon");
        onFx(() -> {
            ((Stage) about).close();
            return null;
        });
        FxTesting.startOnAnyPort(robot, window);
        Alert again = onFx(() -> window.view().help().about());
        String withPort = onFx(() -> ((TextArea) again.getDialogPane().getContent()).getText());
        assertTrue(withPort.contains("http://127.0.0.1:" + onFx(() -> window.viewModel().boundPort()) + "/"), withPort);
    }
}
