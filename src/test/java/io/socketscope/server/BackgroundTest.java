package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's threads run below the window's: each one's nice value is read from the kernel
 * ({@code /proc/self/task/TID/stat}), not from the code that set it.
 */
class BackgroundTest {

    /**
     * Fields of each thread's {@code stat} (numbered as in proc(5): 3 is the state, 19 the nice value, 41 the
     * scheduling policy), keyed by the name the kernel keeps (its first 15 characters), a space and the id.
     */
    private static Map<String, int[]> statsByThread(int... fields) throws IOException {
        Map<String, int[]> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    int[] values = new int[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        values[i] = Integer.parseInt(after[fields[i] - 3]);
                    }
                    out.put(name + " " + task.getFileName(), values);
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return out;
    }

    /** Nice value of each thread of this process, by the name the kernel keeps (its first 15 characters). */
    private static Map<String, List<Integer>> niceByName() throws IOException {
        Map<String, List<Integer>> out = new HashMap<>();
        statsByThread(19).forEach((thread, nice) -> out.computeIfAbsent(thread.substring(0, thread.lastIndexOf(' ')),
                k -> new java.util.ArrayList<>()).add(nice[0]));
        return out;
    }

    /** Field {@code n} (numbered as in proc(5): 3 is the state) of a thread's {@code stat}. */
    private static int statField(Path stat, int n) throws IOException {
        String text = Files.readString(stat, StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring(text.lastIndexOf(')') + 2).split(" ")[n - 3]);
    }

    /** The nice value (field 19) in a {@code stat} file. */
    private static int niceOf(String stats) throws IOException {
        return statField(Path.of(stats), 19);
    }

    @Test
    void serverThreadsRunNicerThanTheProcessOnceEvenWhenOneStartsAnother() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "the kernel shows threads' nice values on Linux");
        assertTrue(Background.lowers(), "on Linux the C library's setpriority is reached");
        int mine = niceOf("/proc/thread-self/stat");
        int process = niceOf("/proc/self/stat"); // the main thread's
        EventRecorder events = new EventRecorder();
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(30)),
                events, DescriptorLookup.forThisSystem());
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertTrue(in.read() >= 0, "the text client got an answer from a serving thread");
            Map<String, List<Integer>> nice = niceByName();
            int expected = Math.min(19, process + Background.NICE);
            List<Integer> acceptors = nice.getOrDefault("socketscope-acc", List.of());
            assertFalse(acceptors.isEmpty(), "acceptor threads found: " + nice.keySet());
            acceptors.forEach(n -> assertEquals(expected, n, "an acceptor thread's nice value"));
            List<Integer> serving = nice.getOrDefault("socketscope-con", List.of());
            assertFalse(serving.isEmpty(), "a serving thread found: " + nice.keySet());
            // Started by an acceptor (already nicer), lowered from the process's level, not once more.
            serving.forEach(n -> assertEquals(expected, n, "a serving thread's nice value"));
            assertEquals(mine, niceOf("/proc/thread-self/stat"), "the thread that started the server keeps its priority");
        } finally {
            server.stop();
        }
    }

    @Test
    void theJitCompilersGiveWayOnceAServerStartsAndNothingElseChanges() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "the kernel shows threads' policies on Linux");
        int process = niceOf("/proc/self/stat");
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), new EventRecorder(),
                DescriptorLookup.forThisSystem());
        try {
            // proc(5): field 41 is the scheduling policy (0 normal), field 19 the nice value.
            Map<String, int[]> threads = statsByThread(41, 19);
            List<String> optimizing = threads.keySet().stream().filter(t -> t.startsWith("C2 CompilerThre")).toList();
            List<String> firstTier = threads.keySet().stream().filter(t -> t.startsWith("C1 CompilerThre")).toList();
            assumeTrue(!optimizing.isEmpty() && !firstTier.isEmpty(), "this JVM has both JIT tiers: " + threads.keySet());
            optimizing.forEach(t -> assertEquals(Math.min(19, process + Background.OPTIMIZER_NICE), threads.get(t)[1],
                    t + " runs below the background threads"));
            firstTier.forEach(t -> assertEquals(Math.min(19, process + Background.NICE), threads.get(t)[1],
                    t + " runs with the background threads"));
            // The code cache sweeper exists up to JDK 19; where it does, it runs with C2.
            threads.keySet().stream().filter(t -> t.startsWith("Sweeper thread")).forEach(t -> assertEquals(
                    Math.min(19, process + Background.OPTIMIZER_NICE), threads.get(t)[1], t + " runs with C2"));
            assertTrue(Runtime.version().feature() > 19
                    || threads.keySet().stream().anyMatch(t -> t.startsWith("Sweeper thread")),
                    "JDK 17's code sweeper found: " + threads.keySet());
            // Never an idle or batch class: a compiler thread inside the VM holds up every safepoint.
            threads.forEach((t, policyAndNice) -> assertEquals(0, policyAndNice[0], t + " keeps the normal policy"));
        } finally {
            server.stop();
        }
    }
}
