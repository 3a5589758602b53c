package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Controls keep their words: on a 1024 x 640 screen with the default bind and port 8080's hint shown, and with
 * 8 ports open in the 1280 x 800 window, every Labeled in the toolbar and the ports bar draws its whole text
 * (what its skin draws equals its text, no "…"). The one label that may give up room, the port's hint, says
 * its text in a tooltip when it is cut.
 */
@ExtendWith(ApplicationExtension.class)
class ControlWordsTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, new ArrayList<>());
    }

    private void show(Rectangle2D screen, BindMode bind) throws Exception {
        onFx(() -> {
            window = MainWindow.show(stage, ServerConfig.of(0, bind).withBannerDelay(Duration.ofSeconds(60)),
                    List.of(screen));
            return null;
        });
    }

    private void settle() throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every Labeled under the toolbar and the ports bar whose drawn text differs from its text. */
    private List<String> cut() throws Exception {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            Parent root = stage.getScene().getRoot();
            for (String bar : new String[] {".toolbar", ".ports-bar"}) {
                collect(root.lookup(bar), out);
            }
            return out;
        });
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && !l.getStyleClass().contains("port-note") && l.getText() != null
                && !l.getText().isEmpty() && l.isVisible()) {
            Text drawn = (Text) l.lookup(".text");
            String shown = drawn == null ? "" : drawn.getText();
            if (!shown.equals(l.getText())) {
                out.add(l.getClass().getSimpleName() + " '" + l.getText() + "' drawn as '" + shown + "'");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void onASmallScreenWithPort8080sHintEveryControlShowsItsWords() throws Exception {
        show(new Rectangle2D(0, 0, 1024, 640), BindMode.ALL);
        onFx(() -> {
            window.viewModel().form().portTextProperty().set("8080");
            return null;
        });
        waitUntil("the hint for 8080 shows", () -> !onFx(() -> window.viewModel().form().portNoteProperty().get()).isEmpty());
        settle();
        assertEquals(List.of(), cut(), "controls cut to an ellipsis");
        double width = onFx(() -> stage.getScene().getWidth());
        for (String id : new String[] {"#startButton", "#stopButton", "#bindChoice", "#wellKnownButton"}) {
            javafx.geometry.Bounds b = onFx(() -> ClassroomTest.scene(stage.getScene().lookup(id)));
            assertTrue(b.getMaxX() <= width, id + " ends at " + b.getMaxX() + ", inside the " + width + " px window");
        }
        javafx.scene.control.Label note = onFx(() -> (javafx.scene.control.Label) stage.getScene().lookup("#portNote"));
        Text drawn = onFx(() -> (Text) note.lookup(".text"));
        if (!onFx(drawn::getText).equals(onFx(note::getText))) {
            assertEquals(onFx(note::getText), onFx(() -> note.getTooltip().getText()), "a cut hint says itself in its tooltip");
        }
    }

    @Test
    void withEightPortsOpenEveryChipAndButtonShowsItsWords() throws Exception {
        show(new Rectangle2D(0, 0, 1280, 800), BindMode.LOCAL);
        List<ListenSpec> specs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            specs.add(ListenSpec.tcp(0));
        }
        onFx(() -> window.viewModel().startAll(specs));
        waitUntil("8 ports open", () -> onFx(() -> window.viewModel().listeners().size()) == 8);
        settle();
        assertEquals(List.of(), cut(), "controls cut to an ellipsis");
        long chips = onFx(() -> stage.getScene().getRoot().lookupAll(".port-chip").size());
        assertEquals(8, chips);
        assertTrue(onFx(() -> stage.getScene().getRoot().lookupAll(".port-chip").stream()
                .map(n -> ((Labeled) ((Parent) n).getChildrenUnmodifiable().get(0)).getText())
                .allMatch(t -> t.matches("TCP :\\d+ .*"))), "each chip says its protocol and port");
    }
}
