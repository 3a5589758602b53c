package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.server.Clients;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real "Too many open files": the headless app runs in a child JVM whose descriptor limit is tiny, and
 * loopback clients exhaust it. The app must say so once, keep running, and recover by itself.
 */
class OutOfDescriptorsTest {

    @Test
    void runningOutOfDescriptorsIsReportedOnceAndRecoveredFrom() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && Files.isExecutable(Path.of("/bin/bash")), "Linux");
        List<Socket> clients = new ArrayList<>();
        try (ChildApp app = ChildApp.start(72, "--port", "0", "--bind", "local")) {
            int port = app.port();
            for (int i = 0; i < 90; i++) {
                clients.add(Clients.connect(port)); // the kernel completes these even when the app cannot accept
            }
            String error = app.waitForLine("run out of file descriptors");
            assertTrue(error.contains("ERROR"), error);
            for (Socket s : clients) {
                s.close();
            }
            app.waitForLine("Accepting connections again");
            try (Socket after = Clients.connect(port)) {
                assertEquals(200, Clients.get(after, "/").status(), "the app recovered by itself");
            } catch (java.io.IOException e) {
                Thread.sleep(500);
                throw new AssertionError("no answer after recovery; the app said: " + app.lines(), e);
            }
            assertEquals(1, app.lines().stream().filter(l -> l.contains("run out of file descriptors")).count(),
                    "one clear error, not a flood: " + app.lines().size() + " lines");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }
}
