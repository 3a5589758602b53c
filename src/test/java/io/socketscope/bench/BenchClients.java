package io.socketscope.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's clients, run in a process of their own so that the app's process holds only its own
 * descriptors and its measurements are not mixed with the clients' work. Loopback only: each thread uses
 * its own source address (127.0.0.2, 127.0.0.3, ...) and closes with SO_LINGER 0, so no TIME_WAIT piles up.
 *
 * <pre>
 * churn  PORT SECONDS THREADS   connect and close as fast as possible; prints "connections N"
 * steady PORT RATE SECONDS      RATE connections a second, each held 100 ms; prints "connections N"
 * hold   PORT COUNT SOURCES     open COUNT connections and keep them; prints "held N"; closes on stdin EOF
 * timewait PORT COUNT HOSTS  COUNT requests with Connection: close from HOSTS addresses (127.0.8.2, ...), each
 *                               read to its end before the client closes: the server closes first, so the kernel
 *                               keeps each connection in TIME_WAIT on the server's side; prints "timewait N"
 * live   PORT PAGES CHANGES     PAGES phone pages' live views, each from its own address; prints "live N", then
 *                               makes CHANGES changes (a new device each) and prints how long each update took
 *                               to reach every page ("fanout p50 .. p99 .. max .. ms ..."); closes on stdin EOF
 * </pre>
 */
public final class BenchClients {

    private BenchClients() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "churn" -> churn(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "steady" -> steady(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "hold" -> hold(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "timewait" -> timeWait(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "live" -> LivePages.run(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** How load generators run, for the report: see {@link #asLoad}. */
    static final String LOAD_PRIORITY = niceExists() ? "nice 10" : "normal (no nice here)";

    /**
     * A load generator's command, run at nice 10 where {@code nice} exists. The clients stand in for phones
     * and laptops on other machines; on this machine's few cores they would otherwise take an equal share
     * of the CPU from the app's FX and GC threads, which remote devices never do. Every baseline (the bare
     * accept loop, the JDK's server, python's) gets the same load at the same priority.
     */
    static List<String> asLoad(List<String> command) {
        if (!niceExists()) {
            return command;
        }
        List<String> niced = new ArrayList<>(List.of("nice", "-n", "10"));
        niced.addAll(command);
        return niced;
    }

    private static boolean niceExists() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "nice"))) {
                return true;
            }
        }
        return false;
    }

    static Socket connect(String source, int port) throws Exception {
        return connect(source, port, 10_000);
    }

    /**
     * The churn gives up on a connect after 250 ms and starts another. When the server's queue of finished
     * handshakes is full, Linux drops the SYN and the client's kernel resends it only a second later: with
     * the default wait, those stalls idled the clients for 20-30 of their 40 thread-seconds, against the bare
     * loop and the app alike, and the rates swung by half from run to run. On loopback a connect that is not
     * dropped takes microseconds.
     */
    static Socket connect(String source, int port, int timeoutMillis) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), timeoutMillis);
        s.setSoLinger(true, 0);
        return s;
    }

    private static void churn(int port, int seconds, int threads) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong stalls = new AtomicLong();
        AtomicLong stalledNanos = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String source = "127.0.0." + (2 + t);
            Thread w = new Thread(() -> {
                while (System.nanoTime() < until) {
                    long t0 = System.nanoTime();
                    try (Socket s = connect(source, port, 250)) {
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    long took = System.nanoTime() - t0;
                    if (took > 100_000_000L) {
                        // The SYN was dropped (the server's accept queue was full) and resent a second later.
                        stalls.incrementAndGet();
                        stalledNanos.addAndGet(took);
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("connections " + done.get() + " failed " + failed.get() + " stalled " + stalls.get()
                + " stalled_s " + String.format(java.util.Locale.ROOT, "%.1f", stalledNanos.get() / 1e9));
    }

    private static void steady(int port, int rate, int seconds) throws Exception {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        AtomicLong done = new AtomicLong();
        long total = (long) rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            String source = "127.0.0." + (2 + (i % 8));
            timer.schedule(() -> {
                try {
                    Socket s = connect(source, port);
                    done.incrementAndGet();
                    timer.schedule(() -> {
                        s.close();
                        return null;
                    }, 100, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    System.err.println("connect failed: " + e);
                }
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        timer.schedule(() -> { }, seconds * 1000L + 500, TimeUnit.MILLISECONDS).get();
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        System.out.println("connections " + done.get());
    }

    private static void timeWait(int port, int count, int hosts) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        byte[] ask = "GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        List<Thread> workers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String source = "127.0.8." + (2 + h);
            int share = count / hosts + (h < count % hosts ? 1 : 0);
            Thread w = new Thread(() -> {
                for (int i = 0; i < share; i++) {
                    try (Socket s = new Socket()) {
                        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
                        s.setSoTimeout(10_000);
                        s.getOutputStream().write(ask);
                        s.getInputStream().readAllBytes(); // to the server's FIN: then the client closes too
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("timewait " + done.get() + " failed " + failed.get());
    }

    private static void hold(int port, int count, int sources) throws Exception {
        List<Socket> held = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = i % sources;
            held.add(connect("127.0." + k / 250 + "." + (2 + k % 250), port));
        }
        System.out.println("held " + held.size());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        for (Socket s : held) {
            s.close();
        }
        System.out.println("closed " + held.size());
    }
}
