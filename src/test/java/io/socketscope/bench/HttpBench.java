package io.socketscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP phase of the benchmark: the same load ({@link #CONNECTIONS} keep-alive connections from
 * {@link #THREADS} client threads, {@link #SECONDS} s, then one client alone) against the app as it ships,
 * the JDK's own {@code HttpServer} (TCP_NODELAY, a cached thread pool) answering a page of the same size,
 * and {@code python3 -m http.server} serving a file of that size when python3 is on the machine.
 */
final class HttpBench {

    static final int CONNECTIONS = 64;
    static final int THREADS = 2;
    static final int SECONDS = 5;
    static final int ALONE_SECONDS = 3;

    /** One server's figures: requests a second, latency under load (µs), and one client's median (µs). */
    record Figures(String server, double perSecond, long p50Micros, long p99Micros, long aloneP50Micros, String raw) {
        void into(BenchReport.Section section) {
            section.put("req_per_s", perSecond).put("p50_ms", p50Micros / 1000.0).put("p99_ms", p99Micros / 1000.0)
                    .put("one_client_p50_ms", aloneP50Micros / 1000.0).put("load", raw);
        }
    }

    private HttpBench() {
    }

    /** The size of the app's page, as a browser gets it. */
    static int pageBytes(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.length() - answer.indexOf("\r\n\r\n") - 4;
        }
    }

    static Figures measure(String name, int port) throws Exception {
        String load = run("load", Integer.toString(port), Integer.toString(SECONDS), Integer.toString(CONNECTIONS),
                Integer.toString(THREADS));
        String alone = run("load", Integer.toString(port), Integer.toString(ALONE_SECONDS), "1", "1");
        String[] f = load.split(" ");
        String[] a = alone.split(" ");
        return new Figures(name, Long.parseLong(f[1]) / Double.parseDouble(f[3]), Long.parseLong(f[5]),
                Long.parseLong(f[7]), Long.parseLong(a[5]), load);
    }

    /** The JDK server in a process of its own, measured, then stopped. */
    static Figures jdk(int bodyBytes) throws Exception {
        Process server = process(List.of("jdkserver", Integer.toString(bodyBytes)));
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return measure("JDK HttpServer", Integer.parseInt(line.split(" ")[1]));
        } finally {
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    /** python3's http.server serving a file of the same size, or null when there is no python3. */
    static Figures python(int bodyBytes) throws Exception {
        Path dir = Files.createTempDirectory("socketscope-bench-py");
        Files.write(dir.resolve("index.html"), "x".repeat(bodyBytes).getBytes(StandardCharsets.US_ASCII));
        Process server;
        try {
            server = new ProcessBuilder("python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                    "--directory", dir.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return null;
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // "Serving HTTP on 127.0.0.1 port 41234 (http://...) ..."
            if (line == null || !line.contains(" port ")) {
                return null;
            }
            int port = Integer.parseInt(line.split(" port ")[1].split(" ")[0]);
            // Its log lines go to the same pipe: keep reading it so that python never blocks on a full pipe.
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (IOException closed) {
                    // done
                }
            }, "bench-python-drain");
            drain.setDaemon(true);
            drain.start();
            return measure("python3 http.server", port);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String run(String... args) throws Exception {
        Process p = process(List.of(args));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return out.lines().reduce((x, y) -> y).orElse("");
    }

    private static Process process(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HttpLoad.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
