package io.socketscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/** What every phase of the benchmark uses: the clients' process, the JVM's and the kernel's counters, percentiles. */
final class BenchTools {

    private BenchTools() {
    }

    /** With -Dbench.sample=true: the FX thread's commonest stacks in pulses over 40 ms since the last call. */
    static void printSlow(String phase, Map<String, Integer> slow) {
        slow.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> System.out.println("SLOW (" + phase + ") " + e.getValue() + " " + e.getKey()));
        slow.clear();
    }

    /**
     * Nanoseconds the calling thread has spent runnable but waiting for a core, as Linux counts it (the
     * second figure of {@code /proc/thread-self/schedstat}); 0 where the kernel does not tell.
     */
    static long runQueueNanos() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Collections the JVM has run so far. */
    static long gcCount() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The FX thread's CPU (or GC time) in the longest of {@code wall} (taken with {@link #lastPulseCpu}). */
    static long cpuOfLongest(List<Long> wall, List<Long> cpu) {
        int at = 0;
        for (int i = 1; i < wall.size(); i++) {
            at = wall.get(i) > wall.get(at) ? i : at;
        }
        return wall.isEmpty() || cpu.size() != wall.size() ? 0 : cpu.get(at);
    }

    /** The samples collected so far, leaving the list empty; the list is touched on the FX thread only. */
    static List<Long> take(List<Long> samples) throws Exception {
        return onFx(() -> {
            List<Long> taken = new ArrayList<>(samples);
            samples.clear();
            return taken;
        });
    }

    static String runClients(String mode, int port, String a, String b) throws Exception {
        Process p = clients(mode, port, a, b);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        String last = out.lines().reduce((x, y) -> y).orElse("");
        return last;
    }

    static Process clients(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                BenchClients.class.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(BenchClients.asLoad(command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static Process clients(String mode, int port, String a, String b) throws IOException {
        return clients(new String[] {mode, Integer.toString(port), a, b});
    }

    /** Process start to "window shown" for the app in a fresh JVM (Monocle, software rendering), in ms. */
    static long coldStart() throws Exception {
        List<String> command = List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dsocketscope.reportStartup=true",
                "io.socketscope.app.Main", "--port", "0", "--bind", "local", "--start");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("window shown")) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        throw new AssertionError("the app never reported its window");
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The kernel's count of connections dropped because an accept queue was full (all of this machine). */
    static long listenOverflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                String[] keys = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int k = 0; k < keys.length; k++) {
                    if (keys[k].equals("ListenOverflows")) {
                        return Long.parseLong(values[k]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time used so far by this JVM's threads, grouped by name with the numbers taken out. */
    static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    out.merge(info.getThreadName().replaceAll("\\d+", "N"), t, Long::sum);
                }
            }
        }
        return out;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        waitFor(condition, seconds, true);
    }

    static boolean waitFor(Callable<Boolean> condition, int seconds, boolean required) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (WaitForAsyncUtils.asyncFx(condition).get(30, TimeUnit.SECONDS)) {
                return true;
            }
            Thread.sleep(50);
        }
        if (required) {
            throw new AssertionError("timed out after " + seconds + " s");
        }
        return false;
    }

    static void printTable(List<String[]> rows) {
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\nSocketScope benchmark\n");
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                out.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            out.append('\n');
        }
        System.out.println(out);
        Platform.runLater(() -> { });
    }
}
