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
 * and {@code python3 -m http.server} serving a file of that size when python3 is on the machine. The load
 * comes from {@code wrk} when it is installed, else from the benchmark's own client ({@link HttpLoad}), which
 * needs several times the CPU per request and so, on two cores, caps every server's figure well below wrk's.
 */
final class HttpBench {

    static final int CONNECTIONS = 64;
    static final int THREADS = 2;
    static final int SECONDS = 5;
    static final int ALONE_SECONDS = 3;
    static final int WARM_UP_SECONDS = 2;

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

    /** The load client: wrk when it is installed (C, epoll: it needs far less CPU), else {@link HttpLoad}. */
    static String client() {
        return WRK ? "wrk" : "HttpLoad (Java, in this benchmark)";
    }

    private static final boolean WRK = wrkInstalled();

    private static boolean wrkInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException none) {
            return false;
        }
    }

    /**
     * One server's figures: {@link #WARM_UP_SECONDS} of the same load first (each server gets its JIT or its
     * caches warm alike), then the measured load, then one client alone.
     */
    static Figures measure(String name, int port) throws Exception {
        if (WRK) {
            wrk(port, WARM_UP_SECONDS, CONNECTIONS, THREADS);
            Wrk load = wrk(port, SECONDS, CONNECTIONS, THREADS);
            Wrk alone = wrk(port, ALONE_SECONDS, 1, 1);
            return new Figures(name, load.perSecond, load.p50Micros, load.p99Micros, alone.p50Micros, load.summary);
        }
        run("load", Integer.toString(port), Integer.toString(WARM_UP_SECONDS), Integer.toString(CONNECTIONS),
                Integer.toString(THREADS));
        String load = run("load", Integer.toString(port), Integer.toString(SECONDS), Integer.toString(CONNECTIONS),
                Integer.toString(THREADS));
        String alone = run("load", Integer.toString(port), Integer.toString(ALONE_SECONDS), "1", "1");
        String[] f = load.split(" ");
        String[] a = alone.split(" ");
        return new Figures(name, Long.parseLong(f[1]) / Double.parseDouble(f[3]), Long.parseLong(f[5]),
                Long.parseLong(f[7]), Long.parseLong(a[5]), load);
    }

    /** What wrk measured: requests a second and latency percentiles (µs), with its own summary line. */
    private record Wrk(double perSecond, long p50Micros, long p99Micros, String summary) {
    }

    private static Wrk wrk(int port, int seconds, int connections, int threads) throws Exception {
        Process p = new ProcessBuilder(BenchClients.asLoad(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--latency", "http://127.0.0.1:" + port + "/"))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(seconds + 30L, TimeUnit.SECONDS);
        double perSecond = Double.NaN;
        long p50 = -1;
        long p99 = -1;
        String errors = "";
        for (String line : out.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Requests/sec:")) {
                perSecond = Double.parseDouble(t.substring(13).strip());
            } else if (t.startsWith("50%")) {
                p50 = micros(t.substring(3).strip());
            } else if (t.startsWith("99%")) {
                p99 = micros(t.substring(3).strip());
            } else if (t.startsWith("Socket errors") || t.startsWith("Non-2xx")) {
                errors += " " + t;
            }
        }
        if (Double.isNaN(perSecond) || p50 < 0 || p99 < 0) {
            throw new IOException("wrk said: " + out);
        }
        String summary = String.format(Locale.ROOT, "wrk -t%d -c%d -d%ds: %.0f req/s, p50 %d us, p99 %d us%s", threads,
                connections, seconds, perSecond, p50, p99, errors);
        return new Wrk(perSecond, p50, p99, summary);
    }

    /** wrk's "2.32ms", "38.00us", "1.28s" in microseconds. */
    static long micros(String value) {
        if (value.endsWith("us")) {
            return Math.round(Double.parseDouble(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("ms")) {
            return Math.round(Double.parseDouble(value.substring(0, value.length() - 2)) * 1000);
        }
        if (value.endsWith("m")) {
            return Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000_000);
        }
        if (value.endsWith("s")) {
            return Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1_000_000);
        }
        throw new IllegalArgumentException("not a wrk duration: " + value);
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
        return new ProcessBuilder(BenchClients.asLoad(command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
