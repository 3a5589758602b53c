package io.socketscope.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who used the cores during a phase: CPU time of each thread of this JVM (the JIT's compilers and the
 * collector included, which the JVM's own thread bean does not list), from Linux's {@code /proc}, grouped
 * by the name the kernel keeps with its numbers taken out; and the whole machine's busy time.
 */
final class ThreadCpu {

    /** Nanoseconds of CPU so far by thread group, plus {@value #MACHINE} for every process together. */
    static final String MACHINE = "whole machine";

    private ThreadCpu() {
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+$", "N");
                    long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
                    out.merge(name, ns, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
            // /proc/stat's first line: jiffies by kind for all cores; every kind but idle and iowait is busy.
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            out.put(MACHINE, busy * 10_000_000L); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException notLinux) {
            // no /proc: an empty picture
        }
        return out;
    }

    /** The {@code n} thread groups that used most CPU between two snapshots, in ms: "C2 CompilerThreN 52, ...". */
    static String top(Map<String, Long> before, Map<String, Long> after, int n) {
        return after.entrySet().stream().filter(e -> !e.getKey().equals(MACHINE))
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(n)
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue() / 1e6)).collect(Collectors.joining(", "))
                + String.format("; whole machine busy %.0f ms", (after.getOrDefault(MACHINE, 0L)
                        - before.getOrDefault(MACHINE, 0L)) / 1e6);
    }
}
