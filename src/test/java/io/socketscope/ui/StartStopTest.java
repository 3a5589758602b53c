package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerEvent;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start and Stop never run on the FX thread: the bind and the closing of a thousand sockets happen on the
 * port thread while the window keeps drawing and says what is under way. Which thread bound and stopped is
 * read from the server's own LISTEN and STOP events; the frames from an AnimationTimer.
 */
@ExtendWith(ApplicationExtension.class)
class StartStopTest {

    private static final int SOCKETS = 1000;

    private MainWindow window;
    private final List<Socket> held = new ArrayList<>();
    private final Map<String, String> threadOf = new ConcurrentHashMap<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(60)));
        window.viewModel().addServerListener(event -> {
            if (event instanceof ServerEvent.Listening || event instanceof ServerEvent.Stopped) {
                threadOf.put(event.getClass().getSimpleName(), Thread.currentThread().getName());
            }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, held);
    }

    @Test
    void startAndStopWithAThousandSocketsRunOffTheFxThreadWhileTheWindowKeepsDrawing() throws Exception {
        // A pulse: from its animation phase (this timer) to the end of its layout (the scene's listener).
        long[] longestGap = {0};
        long[] last = {0};
        long[] pulseStart = {0};
        long[] longestPulse = {0};
        long[] pulses = {0};
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    longestGap[0] = Math.max(longestGap[0], now - last[0]);
                }
                last[0] = now;
                pulseStart[0] = now; // the pulse's own start: the window's timers (its event drain) ran before this one
            }
        };
        Runnable pulseEnd = () -> {
            if (pulseStart[0] != 0) {
                longestPulse[0] = Math.max(longestPulse[0], System.nanoTime() - pulseStart[0]);
                pulseStart[0] = 0;
                pulses[0]++;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            window.viewModel().form().portTextProperty().set("0");
            window.viewModel().start();
            frames.start();
            window.graph().getScene().addPostLayoutPulseListener(pulseEnd);
        }).get(5, TimeUnit.SECONDS);
        waitUntil("the server listens", () -> onFx(() -> window.viewModel().boundPort()) > 0);
        int port = onFx(() -> window.viewModel().boundPort());
        for (int i = 0; i < SOCKETS; i++) {
            held.add(Clients.connect(port));
        }
        waitUntil("a thousand sockets open", () -> onFx(() -> window.viewModel().model().openCount()) == SOCKETS);

        long openGap = onFx(() -> {
            long gap = longestGap[0];
            longestGap[0] = 0;
            longestPulse[0] = 0;
            return gap;
        });
        // Start with a thousand sockets open: a second port is bound on the port thread.
        long before = onFx(() -> pulses[0]);
        // Start returns before the bind: the second port is not listening yet when the call is back.
        int listenersAtReturn = onFx(() -> {
            window.viewModel().startAll(java.util.List.of(io.socketscope.server.ListenSpec.tcp(0)));
            return window.viewModel().listeners().size();
        });
        assertEquals(1, listenersAtReturn, "Start did not bind on the FX thread");
        waitUntil("the second port listens", () -> onFx(() -> window.viewModel().listeners().size()) == 2);
        waitUntil("nothing under way", () -> onFx(() -> window.viewModel().busyProperty().get()).isEmpty());
        waitUntil("the new port drawn (a few pulses)", () -> onFx(() -> pulses[0]) >= before + 3);
        long startPulse = onFx(() -> {
            long p = longestPulse[0];
            longestPulse[0] = 0;
            longestGap[0] = 0;
            return p;
        });
        String[] busyAndOpen = onFx(() -> {
            window.viewModel().stop();
            return new String[] {window.viewModel().busyProperty().get(),
                    String.valueOf(window.viewModel().model().openCount())};
        });
        assertEquals("Stopping 2 ports and closing 1,000 sockets…", busyAndOpen[0], "the window says what is under way");
        // Stop returns before the closes: the model, fed only by the server's events, still has every socket.
        assertEquals(String.valueOf(SOCKETS), busyAndOpen[1], "Stop did not close the sockets on the FX thread");
        waitUntil("all closed", () -> onFx(() -> window.viewModel().model().openCount()) == 0);
        waitUntil("nothing under way", () -> onFx(() -> window.viewModel().busyProperty().get()).isEmpty());
        long stopPulse = onFx(() -> {
            frames.stop();
            window.graph().getScene().removePostLayoutPulseListener(pulseEnd);
            return longestPulse[0];
        });

        String fx = onFx(() -> Thread.currentThread().getName());
        assertEquals("socketscope-ports", threadOf.get("Listening"), "bound on the port thread");
        assertEquals("socketscope-ports", threadOf.get("Stopped"), "stopped on the port thread");
        assertNotEquals(fx, threadOf.get("Stopped"));
        for (Socket s : held) {
            s.setSoTimeout(5000);
            assertEquals(-1, s.getInputStream().read(), "Stop closed the client's socket");
        }
        // The frames went on: the FX thread never waited for the bind or the thousand closes.
        System.out.printf("StartStopTest: longest pulse %.1f ms while a second port started with a thousand sockets"
                + " open, %.1f ms while stopping them; longest gap between frames %.1f ms while accepting the"
                + " thousand (reported), %.1f ms while stopping%n", startPulse / 1e6, stopPulse / 1e6, openGap / 1e6,
                longestGap[0] / 1e6);
        assertTrue(longestGap[0] > 0, "frames were drawn meanwhile");
        // How long those pulses took is the benchmark's to judge (a busy machine stretches them): reported here.
        assertTrue(startPulse > 0 && stopPulse > 0, "pulses were timed during Start and Stop");
    }
}
