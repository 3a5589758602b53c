package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.ServerConfig;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a pulse leaves for the next one. JavaFX repaints only the regions of the nodes that changed, but it
 * repaints the whole window when a pulse has something to copy to the renderer and no region changed (in
 * software rendering ~15 ms for this window). That happens in the pulse after one that leaves the window's
 * CSS dirty: at its end JavaFX marks the root for the next pulse, which then has the root to copy and
 * nothing to draw. Nodes restyled while the scene is laid out (a table's cells taking new rows, an edge
 * or a label entering the graph) leave it dirty.
 *
 * <p>A socket's edge is also drawn whole in the pulse it enters: its label has its skin at the end of
 * that pulse's layout (an unstyled label has none, and draws nothing).
 *
 * <p>Whether CSS was left dirty is read where JavaFX keeps it (the root's dirty bits, a private field of
 * {@link Node}), at the start of each pulse, before anything of that pulse has run.
 */
@ExtendWith(ApplicationExtension.class)
class RepaintTest {

    private MainWindow window;
    private final List<Socket> clients = new ArrayList<>();
    /** Written and read on the FX thread only. */
    private boolean counting;
    private int pulses;
    private int leftDirty;
    private int refreshes;
    private int unstyledEdges;

    @Start
    void start(Stage stage) {
        // Started before the window's own timers, so it runs first in every pulse.
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (counting) {
                    pulses++;
                    leftDirty += cssLeftDirty(window.graph().getScene().getRoot()) ? 1 : 0;
                }
            }
        }.start();
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(60)));
        // At the end of each pulse's layout: every socket's label in the scene has its skin (else it draws nothing).
        stage.getScene().addPostLayoutPulseListener(() -> {
            if (counting) {
                for (Node n : window.graph().lookupAll(".socket-edge")) {
                    unstyledEdges += n instanceof javafx.scene.control.Label l && l.getSkin() == null ? 1 : 0;
                }
            }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, clients);
    }

    @ParameterizedTest(name = "lower tab {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void noPulseLeavesTheWindowsCssForTheNextWhileClientsComeAndGo(int tab, FxRobot robot) throws Exception {
        int port = FxTesting.startOnAnyPort(robot, window);
        TabPane tabs = onFx(() -> (TabPane) window.graph().getScene().lookup("#lowerTabs"));
        onFx(() -> {
            tabs.getSelectionModel().select(tab);
            window.viewModel().logRows().addListener((ListChangeListener<Object>) c -> refreshes++);
            return null;
        });
        String shown = onFx(() -> tabs.getSelectionModel().getSelectedItem().getText());
        // The first client names its host ("this computer", handed over between pulses): not counted.
        clients.add(connect("127.0.0.2", port));
        waitUntil("the first socket drawn", () -> onFx(() -> window.graph().openSocketLabels()).size() == 1);
        Thread.sleep(300);
        onFx(() -> counting = true);
        // Clients come and go from two addresses, one at a time, as in a lesson: each refresh brings new rows,
        // each new socket a new edge and label, each closed one a closing edge and a recently closed row.
        for (int i = 1; i <= 24; i++) {
            clients.add(connect("127.0.0." + (2 + i % 2), port));
            Thread.sleep(60);
            clients.get(i - 1).close();
        }
        waitUntil("25 sockets accepted and 24 closed", () -> onFx(() -> window.viewModel().model().acceptedTotal() == 25
                && window.viewModel().model().openCount() == 1));
        Thread.sleep(500);
        int seen = onFx(() -> pulses);
        int dirty = onFx(() -> leftDirty);
        int rowRefreshes = onFx(() -> refreshes);
        assertTrue(seen >= 60 && rowRefreshes >= 10, seen + " pulses, " + rowRefreshes + " log refreshes");
        assertEquals(0, (int) onFx(() -> unstyledEdges), "socket labels drawn in a pulse before they had their style");
        assertEquals(0, dirty, "pulses that began with the window's CSS left dirty by the pulse before (each a"
                + " repaint of the whole window), of " + seen + ", with the " + shown + " tab shown");
    }

    private static Socket connect(String from, int port) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
        return s;
    }

    /** Whether the root carries CSS work into this pulse (JavaFX's own dirty bit for it). */
    private static boolean cssLeftDirty(Node root) {
        try {
            Field bits = Node.class.getDeclaredField("dirtyBits");
            bits.setAccessible(true);
            Set<?> set = (Set<?>) bits.get(root);
            return set != null && set.stream().anyMatch(b -> b.toString().equals("NODE_CSS"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX no longer keeps a node's dirty bits where this test reads them", e);
        }
    }
}
