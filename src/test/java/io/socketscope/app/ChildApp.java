package io.socketscope.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headless app in a child JVM started the plain way (no {@code --add-opens}, as {@code java -cp}
 * would), its console lines collected as they come. Optionally under a descriptor limit ({@code ulimit -n}).
 */
public final class ChildApp implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ChildApp(Process process) {
        this.process = process;
        // No try-with-resources on the reader: closing it would wait for the reading thread's lock.
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code Main --headless} with {@code args}; {@code fdLimit} > 0 runs it under {@code ulimit -n}. */
    public static ChildApp start(int fdLimit, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c",
                (fdLimit > 0 ? "ulimit -n " + fdLimit + " && " : "")
                        + "exec \"$0\" -cp \"$1\" io.socketscope.app.Main --headless \"${@:2}\"",
                java, appClassPath()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        return new ChildApp(pb.start());
    }

    /**
     * The app's classes and its runtime libraries, as Maven wrote them for this build; the test JVM's own
     * class path (with the test libraries) where that file is missing.
     */
    static String appClassPath() throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "runtime.classpath");
        if (!java.nio.file.Files.isReadable(file)) {
            return System.getProperty("java.class.path");
        }
        return java.nio.file.Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + java.nio.file.Files.readString(file).strip();
    }

    /** The TCP port from the app's LISTEN line on 127.0.0.1. */
    public int port() throws InterruptedException {
        String listen = waitForLine("LISTEN");
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(listen);
        if (!m.find()) {
            throw new AssertionError("no port in " + listen);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The first line containing {@code needle}, waiting up to 30 s for it. */
    public String waitForLine(String needle) throws InterruptedException {
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

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Asks the child to end (SIGTERM: its shutdown hook stops the ports and writes what is queued). */
    public void stop() {
        process.destroy();
    }

    /** Whether the child ended within the time given. */
    public boolean exited(long time, TimeUnit unit) throws InterruptedException {
        return process.waitFor(time, unit);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** The child's process id, to read its descriptors in /proc. */
    public String pid() {
        return Long.toString(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
    }
}
