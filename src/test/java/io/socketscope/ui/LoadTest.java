package io.socketscope.ui;

import io.socketscope.ui.viewmodel.MainViewModel;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Correctness under load through the whole app (server, event pump, model, scene), small enough for every
 * build: nothing lost, nothing leaked. The figures at full scale come from the benchmark in {@code bench/}.
 */
@ExtendWith(ApplicationExtension.class)
class LoadTest {

    private MainWindow window;
    private final List<Socket> held = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(8080, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(30)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, held);
    }

    private int startOnPortZero() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.viewModel().form().portTextProperty().set("0");
            window.viewModel().start();
        }).get(5, TimeUnit.SECONDS);
        FxTesting.waitUntil("the server listens", () -> onFx(() -> window.viewModel().boundPort()) > 0);
        return onFx(() -> window.viewModel().boundPort());
    }

    @Test
    void aConnectAndCloseStormLosesNoEventAndLeavesNothingOpen(FxRobot robot) throws Exception {
        int port = startOnPortZero();
        int threads = 8;
        int each = 250;
        AtomicInteger connected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String source = "127.0.0." + (2 + t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    try (Socket s = new Socket()) {
                        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
                        s.setSoLinger(true, 0); // no TIME_WAIT pile-up
                        connected.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int total = threads * each;
        assertEquals(total, connected.get());
        try {
            waitUntil("every close has arrived", () -> onFx(() -> window.viewModel().model().closedTotal()) == total);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": accepted " + onFx(() -> window.viewModel().model().acceptedTotal())
                    + ", closed " + onFx(() -> window.viewModel().model().closedTotal()) + ", open "
                    + onFx(() -> window.viewModel().model().openCount()) + ", log " + onFx(() -> window.viewModel().logRows().subList(0, 5)), e);
        }
        assertEquals(total, (long) onFx(() -> window.viewModel().model().acceptedTotal()), "every ACCEPT counted once");
        assertEquals(0, (int) onFx(() -> window.viewModel().model().openCount()));
        assertEquals(0, (long) onFx(() -> window.viewModel().model().droppedEvents()));
        waitUntil("the graph empties", () -> onFx(() -> window.graph().drawnEdges()) == 0
                && onFx(() -> window.graph().bundleTexts()).isEmpty());
        assertTrue(onFx(() -> window.viewModel().logRows().size()) <= MainViewModel.TABLE_ROWS);
    }

    @Test
    void manySocketsFromOneHostAreBundledAndExpandOnClick(FxRobot robot) throws Exception {
        int port = startOnPortZero();
        int n = 40;
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.9"), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            held.add(s);
        }
        held.add(Clients.connect(port));
        waitUntil("all are open", () -> onFx(() -> window.viewModel().model().openCount()) == n + 1);
        waitUntil("one bundle for the busy host", () -> onFx(() -> window.graph().bundleTexts())
                .equals(List.of("127.0.0.9: " + n)));
        assertEquals(1, (int) onFx(() -> window.graph().openSocketLabels().size()), "the quiet host keeps its own edge");
        assertTrue(onFx(() -> window.graph().hostText("127.0.0.9")).contains("40 sockets"));
        // Counts are written by the tick, not by each socket: the caption still says them, whole (not cut).
        waitUntil("the caption counts every socket", () -> onFx(() -> robot.lookup(".graph-caption")
                .queryAs(javafx.scene.control.Label.class).getText()).startsWith("1 port, 41 sockets from 2 hosts."));
        assertTrue(onFx(() -> {
            javafx.scene.control.Label caption = robot.lookup(".graph-caption").queryAs(javafx.scene.control.Label.class);
            return caption.getWidth() >= caption.prefWidth(-1) - 0.5;
        }), "the caption is as wide as its text");

        String bundleLabel = String.format("%,d sockets · expand", n);
        waitUntil("the bundle says so", () -> onFx(() -> !robot.lookup(bundleLabel).queryAll().isEmpty()));
        robot.clickOn(bundleLabel);
        assertEquals(n + 1, (int) onFx(() -> window.graph().openSocketLabels().size()), "expanded: every socket its edge");

        for (int i = 0; i < n - 3; i++) {
            held.get(i).setSoLinger(true, 0);
            held.get(i).close();
        }
        waitUntil("three left", () -> onFx(() -> window.viewModel().model().openCount()) == 4);
        waitUntil("few enough to draw one by one", () -> onFx(() -> window.graph().bundleTexts()).isEmpty()
                && onFx(() -> window.graph().openSocketLabels().size()) == 4);
    }
}
