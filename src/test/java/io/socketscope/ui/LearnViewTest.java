package io.socketscope.ui;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.learn.Step;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.BindMode;
import io.socketscope.server.Kernel;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.Ss;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Learn tab with real sockets: each Try it does the experiment over loopback and the step turns seen
 * from the real events, with numbers checked here against the kernel (/proc), not against the app.
 */
@ExtendWith(ApplicationExtension.class)
class LearnViewTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(java.time.Duration.ofSeconds(60)));
        window.showLearn();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, List.of());
    }

    private boolean seen(Step step) throws Exception {
        return onFx(() -> window.learn().finding(step).done());
    }

    private String text(Step step) throws Exception {
        return onFx(() -> window.learn().finding(step).text());
    }

    private void tryIt(FxRobot robot, Step step) throws Exception {
        onFx(() -> {
            window.learn().lookup("#tryIt-" + step.name()).fireEvent(new javafx.event.ActionEvent());
            return null;
        });
    }

    @Test
    void eachTryItIsSeenFromTheRealSockets(FxRobot robot) throws Exception {
        assumeTrue(Kernel.available(), "numbers are checked against /proc");
        for (Step s : Step.values()) {
            assertFalse(seen(s), s + " is not seen before anything happened");
        }
        tryIt(robot, Step.SIXTEEN_BITS);
        waitUntil("16 bits", () -> seen(Step.SIXTEEN_BITS));
        assertTrue(text(Step.SIXTEEN_BITS).startsWith("65536 is 1 0000 0000 0000 0000 in binary: 17 bits"));
        onFx(() -> {
            window.viewModel().form().portTextProperty().set("0");
            return null;
        });

        int port = FxTesting.startOnAnyPort(robot, window);
        tryIt(robot, Step.MANY_SOCKETS);
        waitUntil("two sockets on one port", () -> seen(Step.MANY_SOCKETS) && seen(Step.NEW_DESCRIPTOR));
        List<SocketInfo> open = onFx(() -> new ArrayList<>(window.viewModel().model().openSockets()));
        assertEquals(2, open.size());
        for (SocketInfo s : open) {
            int kernelFd = Kernel.tcpDescriptor(port, s.connection().client().port());
            assertTrue(text(Step.NEW_DESCRIPTOR).contains("fd " + kernelFd), "the kernel's fd " + kernelFd + " in: "
                    + text(Step.NEW_DESCRIPTOR));
            assertTrue(text(Step.MANY_SOCKETS).contains("127.0.0.1:" + s.connection().client().port() + " → 127.0.0.1:" + port));
        }
        assertTrue(text(Step.NEW_DESCRIPTOR).contains("fd " + Kernel.listeningDescriptors(port).get(0)),
                "the listening socket's kernel fd");
        // The step's socket is selected in the graph and the table from its link.
        onFx(() -> {
            window.learn().lookup("#show-MANY_SOCKETS").fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        long shown = onFx(() -> window.learn().finding(Step.MANY_SOCKETS).socketId());
        assertTrue(shown >= 0);
        assertEquals(shown, (long) onFx(() -> window.viewModel().selectedProperty().get().id()));

        // Ephemeral: the client port of this machine's own client is inside ip_local_port_range, read here too.
        waitUntil("ephemeral", () -> seen(Step.EPHEMERAL));
        String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).strip().split("\\s+");
        assertTrue(text(Step.EPHEMERAL).contains("ephemeral range " + range[0] + "-" + range[1]), text(Step.EPHEMERAL));

        // Reuse: close the oldest, open another: the kernel hands out the freed number again.
        tryIt(robot, Step.REUSED);
        try {
            waitUntil("a descriptor reused", () -> seen(Step.REUSED));
        } catch (AssertionError e) {
            throw new AssertionError(onFx(() -> window.viewModel().model().log().stream()
                    .map(l -> l.kind() + " " + l.descriptor() + " " + l.client()).toList()).toString(), e);
        }
        assertTrue(text(Step.REUSED).matches("fd \\d+ again: .*"), text(Step.REUSED));

        tryIt(robot, Step.PROTOCOL);
        waitUntil("TCP and UDP on one number, with a datagram", () -> seen(Step.PROTOCOL));
        assertTrue(text(Step.PROTOCOL).contains("UDP " + port + " (fd " + Kernel.udpDescriptors(port).get(0)),
                text(Step.PROTOCOL));

        tryIt(robot, Step.AFTERLIFE);
        waitUntil("a socket in TIME_WAIT", () -> seen(Step.AFTERLIFE));
        long kernelCount = timeWait(port);
        assertTrue(kernelCount >= 1, "the kernel's own table has " + kernelCount);
        java.util.regex.Matcher ghost = java.util.regex.Pattern.compile("fd (\\d+) is closed, and the kernel keeps its"
                + " connection \\(127\\.0\\.0\\.1:(\\d+) → 127\\.0\\.0\\.1:" + port + "\\) in TIME_WAIT, \\d+ s left.*")
                .matcher(text(Step.AFTERLIFE));
        if (ghost.matches()) {
            // Seen from the ghost: ss has that very connection in TIME_WAIT.
            int clientPort = Integer.parseInt(ghost.group(2));
            assertTrue(Ss.rows("time-wait", "sport", port).stream().anyMatch(r -> r.peerPort() == clientPort),
                    "ss: " + Ss.rows("time-wait", "sport", port));
        } else {
            assertTrue(text(Step.AFTERLIFE).matches("\\d+ sockets? of port " + port + " in TIME_WAIT right now.*"),
                    text(Step.AFTERLIFE));
        }

        restartStep(robot, port);

        tryIt(robot, Step.PRIVILEGED);
        waitUntil("port 80 tried", () -> seen(Step.PRIVILEGED));
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        if (root) {
            assertTrue(text(Step.PRIVILEGED).contains("runs as root") || text(Step.PRIVILEGED).contains("already in use"),
                    text(Step.PRIVILEGED));
        } else {
            assertTrue(text(Step.PRIVILEGED).startsWith("Refused") || text(Step.PRIVILEGED).contains("allowed"),
                    text(Step.PRIVILEGED));
        }
        tryIt(robot, Step.WELL_KNOWN);
        waitUntil("well-known ports read", () -> seen(Step.WELL_KNOWN));
        assertTrue(text(Step.WELL_KNOWN).startsWith("IANA: system 0-1023, user 1024-49151, dynamic 49152-65535."));
        assertEquals(Step.values().length + " of " + Step.values().length + " seen",
                onFx(() -> ((javafx.scene.control.Label) window.learn().lookup("#learnSummary")).getText()));
        onFx(() -> {
            window.learn().lookup("#learnReset").fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertFalse(seen(Step.SIXTEEN_BITS), "started over");
    }

    /**
     * The restart step by Try it: the port bound again while a connection of its last run is in TIME_WAIT, and a
     * new connection given that connection's old descriptor, each checked against the kernel and ss.
     */
    private void restartStep(FxRobot robot, int port) throws Exception {
        tryIt(robot, Step.RESTART);
        // Its moves are a second apart (close, restart, connect, and connect again if the number went elsewhere).
        FxTesting.waitUntil("bound again, and the ghost's fd given to a new connection", 40, () -> seen(Step.RESTART));
        String found = text(Step.RESTART);
        System.out.println("LearnViewTest: step 10 says: " + found);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Port " + port + " was bound again \\(listening"
                + " (fd \\d+(?:, fd \\d+)*)\\) while the kernel keeps fd (\\d+)'s old connection \\(127\\.0\\.0\\.1:(\\d+)"
                + " → 127\\.0\\.0\\.1:" + port + "\\) in TIME_WAIT: SO_REUSEADDR\\. And fd (\\d+) is now"
                + " 127\\.0\\.0\\.1:(\\d+)'s, a new connection.*, while the kernel still keeps (?:the old one that had that"
                + " number|the old connection that had fd (\\d+) \\(127\\.0\\.0\\.1:(\\d+) → 127\\.0\\.0\\.1:" + port
                + "\\) in TIME_WAIT)\\.").matcher(found);
        assertTrue(m.matches(), found);
        assertEquals(Kernel.listeningDescriptors(port).stream().map(fd -> "fd " + fd)
                .collect(java.util.stream.Collectors.joining(", ")), m.group(1), "listening again, as the kernel says");
        List<Ss.Row> timeWait = Ss.rows("time-wait", "sport", port);
        // The reused number is the first sentence's connection's, or (said in full) another one's in TIME_WAIT.
        String reusedFrom = m.group(6) == null ? m.group(2) : m.group(6);
        String reusedClientPort = m.group(6) == null ? m.group(3) : m.group(7);
        for (int oldClientPort : new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(reusedClientPort)}) {
            assertTrue(timeWait.stream().anyMatch(r -> r.peerPort() == oldClientPort),
                    "ss still has the old connection from " + oldClientPort + " in TIME_WAIT: " + timeWait);
        }
        int newClientPort = Integer.parseInt(m.group(5));
        assertEquals(Integer.parseInt(m.group(4)), Kernel.tcpDescriptor(port, newClientPort),
                "the kernel gave the new connection that descriptor");
        assertEquals(reusedFrom, m.group(4), "the number the old connection had");
    }

    /** TIME_WAIT (state 06) entries of this local port in /proc/net/tcp and tcp6: the kernel's word. */
    private static long timeWait(int port) throws Exception {
        String hex = String.format(":%04X", port);
        long n = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hex) && f[3].equals("06")) {
                    n++;
                }
            }
        }
        return n;
    }
}
