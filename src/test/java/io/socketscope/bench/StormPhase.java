package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Phases 2 and 3: a bare accept-and-close loop, then the same connect-and-close storm against the app; accept throughput. */
final class StormPhase extends BenchPhase {

    StormPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        // 2. Bare accept-and-close loop on a ServerSocketChannel: the baseline for throughput.
        long bare = bareAcceptLoop(10, 4);

        // 3. The same clients against the app: the storm.
        long acceptedBefore = onFx(() -> window.viewModel().model().acceptedTotal());
        long closedBefore = onFx(() -> window.viewModel().model().closedTotal());
        takePulses();
        long serverBefore = ((io.socketscope.server.SocketServer) app).acceptedTotal();
        long overflowsBefore = listenOverflows();
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        long churnStart = System.nanoTime();
        String churn = runClients("churn", port, "10", "4");
        appSeconds += (System.nanoTime() - churnStart) / 1e9;
        if (Boolean.getBoolean("bench.stormOnlyDebug")) {
            // -Dbench.stormOnlyDebug=true: stop after the storm, e.g. to read -Djavafx.pulseLogger output.
            System.out.println("STORM DONE " + churn);
            b.stop = true;
            return;
        }
        System.out.println("clients against the bare loop: " + bareClients + "; against the app: " + churn);
        long serverAccepted = ((io.socketscope.server.SocketServer) app).acceptedTotal() - serverBefore;
        long overflows = listenOverflows() - overflowsBefore;
        Map<String, Long> cpuAfter = cpuByThreadGroup();
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        cpuAfter.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue() - cpuBefore.getOrDefault(y.getKey(), 0L),
                x.getValue() - cpuBefore.getOrDefault(x.getKey(), 0L))).limit(6).forEach(e -> cpu.put(e.getKey(),
                (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) / 1e9));
        long clientCount = Long.parseLong(churn.split(" ")[1]);
        boolean drained = waitFor(() -> window.viewModel().model().closedTotal() - closedBefore >= clientCount
                && window.viewModel().model().acceptedTotal() - acceptedBefore >= clientCount, 30, false);
        Thread.sleep(300);
        List<Long> stormPulses = takePulses();
        List<Long> stormCpu = lastPulseCpu;
        List<Long> stormGc = lastPulseGc;
        List<Long> stormWait = lastPulseWait;
        long accepted = onFx(() -> window.viewModel().model().acceptedTotal()) - acceptedBefore;
        long closed = onFx(() -> window.viewModel().model().closedTotal()) - closedBefore;
        int openAtEnd = onFx(() -> window.viewModel().model().openCount());
        // Lost by the app: a socket accept() returned that the model does not show opened and closed.
        long lost = Math.abs(serverAccepted - accepted) + Math.abs(accepted - closed) + openAtEnd;
        // Connections a client saw connect that accept() never returned: when the accept queue is full, Linux
        // may drop the handshake's last ACK; the client believes it is connected, no program can see it.
        long kernelDropped = clientCount - serverAccepted;

        // A second, shorter pair of rounds for the throughput ratio: bare loop, then the app again.
        long bare2 = bareAcceptLoop(5, 4);
        long app2Before = ((io.socketscope.server.SocketServer) app).acceptedTotal();
        long churn2Start = System.nanoTime();
        String churn2 = runClients("churn", port, "5", "4");
        appSeconds += (System.nanoTime() - churn2Start) / 1e9;
        long app2 = ((io.socketscope.server.SocketServer) app).acceptedTotal() - app2Before;
        System.out.println("second round, clients against the bare loop: " + bareClients + "; against the app: " + churn2);
        waitFor(() -> window.viewModel().model().openCount() == 0, 30, false);

        printSlow("the storm", slow);
        double stormMax = ms(percentile(stormPulses, 100));
        report.section("storm").put("seconds", 10L).put("client_threads", 4L).require("drained_within_30s", drained)
                .put("listen_overflows", overflows).put("client_connections", clientCount)
                .put("server_accepted", serverAccepted).put("model_accepted", accepted).put("model_closed", closed)
                .atMost("events_lost", lost, 0).put("dropped_by_kernel_before_accept", kernelDropped)
                .require("kernel_drops_within_listen_overflows", kernelDropped >= 0 && kernelDropped <= overflows)
                .put("clients", churn).atMost("open_at_end", openAtEnd, 0).atMost("longest_pulse_ms", stormMax, 100)
                .put("longest_pulse_fx_cpu_ms", ms(cpuOfLongest(stormPulses, stormCpu)))
                .put("longest_pulse_gc_ms", cpuOfLongest(stormPulses, stormGc))
                .put("longest_pulse_run_queue_ms", ms(cpuOfLongest(stormPulses, stormWait)))
                .put("pulse_p99_ms", ms(percentile(stormPulses, 99))).put("app_cpu_seconds_by_thread", cpu);
        double appRate = (serverAccepted + app2) / appSeconds;
        double bareRate = (bare + bare2) / bareSeconds;
        double ratio = appRate / bareRate;
        BenchReport.Section throughput = report.section("accept_throughput")
                .put("rounds", "bare 10 s, app 10 s (the storm), bare 5 s, app 5 s")
                .put("bare_acceptor_threads", (long) APP_ACCEPTORS);
        throughput.object("measured_seconds").put("bare", bareSeconds).put("app", appSeconds);
        throughput.put("bare_per_s", bareRate).put("app_per_s", appRate).atLeast("ratio", ratio, 0.90)
                .put("round_ratios", List.of(serverAccepted / (double) bare, app2 / (double) bare2));
        table.add(new String[] {"storm 10 s: events lost", lost + " (" + serverAccepted + " accept() returns, " + accepted
                + " accepted and " + closed + " closed in the model, " + openAtEnd + " open)", "0", clientCount + " clients; "
                + kernelDropped + " dropped by the kernel before accept()"});
        table.add(new String[] {"storm 10 s: longest pulse", String.format(Locale.ROOT, "%.1f ms", stormMax), "<= 100 ms",
                String.format(Locale.ROOT, "frame of the longest pulse: FX CPU %.1f ms, GC %d ms, run queue %.1f ms",
                        ms(cpuOfLongest(stormPulses, stormCpu)), cpuOfLongest(stormPulses, stormGc),
                        ms(cpuOfLongest(stormPulses, stormWait)))});
        table.add(new String[] {"accept throughput vs bare loop", String.format(Locale.ROOT, "%.2f (%.0f vs %.0f /s)", ratio, appRate,
                bareRate), ">= 0.90", "bare ServerSocketChannel loop"});
    }

    /** The app's acceptor threads per listening socket: the bare loop gets as many. */
    private static final int APP_ACCEPTORS = 2;
    private String bareClients = "";
    /** How long the churn clients ran against the bare loop, and against the app, in seconds (measured). */
    private double bareSeconds;
    private double appSeconds;

    /**
     * Accepts and closes as fast as it can while the same clients connect, with as many acceptor threads
     * as the app has ({@link #APP_ACCEPTORS}): what the OS and JVM allow. Adds the clients' running time to
     * {@link #bareSeconds}.
     */
    private long bareAcceptLoop(int seconds, int threads) throws Exception {
        AtomicLong accepted = new AtomicLong();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
            List<Thread> loops = new ArrayList<>();
            for (int i = 0; i < APP_ACCEPTORS; i++) {
                Thread loop = new Thread(() -> {
                    while (server.isOpen()) {
                        try (SocketChannel c = server.accept()) {
                            accepted.incrementAndGet();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                }, "bench-bare-accept-" + i);
                loop.start();
                loops.add(loop);
            }
            long t0 = System.nanoTime();
            bareClients = runClients("churn", server.socket().getLocalPort(), Integer.toString(seconds),
                    Integer.toString(threads));
            bareSeconds += (System.nanoTime() - t0) / 1e9;
            Thread.sleep(200);
            server.close();
            for (Thread loop : loops) {
                loop.join(5000);
            }
        }
        return accepted.get();
    }
}
