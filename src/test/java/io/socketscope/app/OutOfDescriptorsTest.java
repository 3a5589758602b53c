package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.server.Clients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real "Too many open files": the headless app runs in a child JVM whose descriptor limit is tiny, and
 * loopback clients exhaust it. The app must say so once, keep running, and recover by itself.
 */
class OutOfDescriptorsTest {

    @Test
    void runningOutOfDescriptorsIsReportedOnceAndRecoveredFrom() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && Files.isExecutable(Path.of("/bin/bash")), "Linux");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c",
                "ulimit -n 72 && exec \"$0\" -cp \"$1\" io.socketscope.app.Main --headless --port 0 --bind local",
                java, classpath);
        pb.redirectErrorStream(true);
        Process app = pb.start();
        List<String> lines = new ArrayList<>();
        List<Socket> clients = new ArrayList<>();
        // No try-with-resources on the reader: closing it would wait for the reading thread's lock.
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        try {
            Thread reader = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (java.io.IOException ended) {
                    // the child is gone
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
            String listen = waitForLine(lines, "LISTEN");
            Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(listen);
            assertTrue(m.find(), listen);
            int port = Integer.parseInt(m.group(1));

            for (int i = 0; i < 90; i++) {
                clients.add(Clients.connect(port)); // the kernel completes these even when the app cannot accept
            }
            String error = waitForLine(lines, "run out of file descriptors");
            assertTrue(error.contains("ERROR"), error);
            for (Socket s : clients) {
                s.close();
            }
            waitForLine(lines, "Accepting connections again");
            try (Socket after = Clients.connect(port)) {
                assertEquals(200, Clients.get(after, "/").status(), "the app recovered by itself");
            } catch (java.io.IOException e) {
                Thread.sleep(500);
                synchronized (lines) {
                    throw new AssertionError("no answer after recovery; the app said: " + lines, e);
                }
            }
            synchronized (lines) {
                assertEquals(1, lines.stream().filter(l -> l.contains("run out of file descriptors")).count(),
                        "one clear error, not a flood: " + lines.size() + " lines");
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
            app.destroyForcibly();
        }
    }

    private static String waitForLine(List<String> lines, String needle) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.contains(needle)) {
                        return line;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no line with \"" + needle + "\" in: " + lines);
                }
                lines.wait(left);
            }
        }
    }
}
