package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Phase 1: accept -> edge on screen at a steady 200 connections a second; the first 3 s on their own. */
final class SteadyPhase extends BenchPhase {

    SteadyPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        // 1. accept -> edge, steady 200 connections a second for 13 s, one run of the same clients: connections
        // accepted in its first 3 s are the warm-up, reported on their own (the first second after Start runs
        // through code the JIT has not compiled yet, and the eight hosts enter the graph), the other 10 s are
        // measured against the target. The pulse, frame and CPU figures beside it cover those 10 s.
        take(probe.latencies);
        take(probe.latencyAt);
        take(probe.pulseWaits);
        probe.firstAccept = 0;
        probe.probing = true;
        java.util.concurrent.CompletableFuture<String> steadyRun = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return runClients("steady", port, "200", "13");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor(() -> probe.firstAccept != 0, 20);
        long warmedAt = probe.firstAccept + 3_000_000_000L;
        Thread.sleep(Math.max(0, (warmedAt - System.nanoTime()) / 1_000_000));
        takePulses();
        take(probe.intervals);
        take(probe.sceneIntervals);
        take(probe.animationParts);
        take(probe.scenePasses);
        synchronized (probe.toEvent) {
            probe.toEvent.clear();
        }
        Map<String, Long> steadyCpuBefore = cpuByThreadGroup();
        long steadyGcBefore = gcMillis();
        long steadyGcCountBefore = gcCount();
        String steady = steadyRun.get(60, TimeUnit.SECONDS);
        long steadyGcMs = gcMillis() - steadyGcBefore;
        long steadyGcs = gcCount() - steadyGcCountBefore;
        Thread.sleep(500);
        probe.probing = false;
        probe.acceptNanos.clear();
        List<Long> allLatency = take(probe.latencies);
        List<Long> allAt = take(probe.latencyAt);
        List<Long> allWaits = take(probe.pulseWaits);
        List<Long> coldLatency = new ArrayList<>();
        List<Long> latency = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < allLatency.size(); i++) {
            if (allAt.get(i) < warmedAt) {
                coldLatency.add(allLatency.get(i));
            } else {
                latency.add(allLatency.get(i));
                waits.add(allWaits.get(i));
            }
        }
        List<Long> steadyPulses = takePulses();
        List<Long> steadyFrames = take(probe.intervals);
        List<Long> steadyAnimation = take(probe.animationParts);
        List<Long> steadyScene = take(probe.scenePasses);
        List<Long> steadySceneIntervals = take(probe.sceneIntervals);
        Map<String, Long> steadyCpuAfter = cpuByThreadGroup();
        double rendererCpu = 0;
        double fxCpu = 0;
        for (Map.Entry<String, Long> e : steadyCpuAfter.entrySet()) {
            double d = (e.getValue() - steadyCpuBefore.getOrDefault(e.getKey(), 0L)) / 1e9;
            if (e.getKey().startsWith("QuantumRenderer")) {
                rendererCpu += d;
            } else if (e.getKey().equals("JavaFX Application Thread")) {
                fxCpu += d;
            }
        }
        int sceneCount = steadySceneIntervals.size();
        double sceneP99 = ms(percentile(steadySceneIntervals, 99));
        System.out.printf(Locale.ROOT, "steady: animation+drain p50 %.2f p99 %.2f; css+layout (with any wait for the"
                        + " renderer) p50 %.2f p99 %.2f ms%n", ms(percentile(steadyAnimation, 50)),
                ms(percentile(steadyAnimation, 99)), ms(percentile(steadyScene, 50)), ms(percentile(steadyScene, 99)));
        List<Long> serverSide;
        synchronized (probe.toEvent) {
            serverSide = new ArrayList<>(probe.toEvent);
        }
        waitFor(() -> window.viewModel().model().openCount() == 0, 10);
        if (steadyOnly()) {
            // -Dbench.steadyOnly=true: the accept -> edge figure alone, for quick comparisons while tuning.
            System.out.printf(Locale.ROOT, "steady only: accept -> edge p50 %.1f p99 %.1f ms (of which the wait for"
                    + " the pulse p50 %.1f p99 %.1f); frame interval p99 %.1f ms; renderer %.2f s, FX %.2f s CPU;"
                    + " first 3 s p50 %.1f p99 %.1f ms%n",
                    ms(percentile(latency, 50)), ms(percentile(latency, 99)), ms(percentile(waits, 50)),
                    ms(percentile(waits, 99)), ms(percentile(steadyFrames, 99)), rendererCpu, fxCpu,
                    ms(percentile(coldLatency, 50)), ms(percentile(coldLatency, 99)));
            b.stop = true;
            return;
        }
        double latP50 = ms(percentile(latency, 50));
        double latP99 = ms(percentile(latency, 99));
        double latMax = ms(percentile(latency, 100));
        report.section("accept_to_edge_ms").put("rate_per_s", 200L).put("clients", steady)
                .put("samples", (long) latency.size()).put("p50", latP50).atMost("p99", latP99, 33).put("max", latMax)
                .put("pulse_p99_ms", ms(percentile(steadyPulses, 99)))
                .put("frame_interval_p50_ms", ms(percentile(steadyFrames, 50)))
                .put("frame_interval_p99_ms", ms(percentile(steadyFrames, 99)))
                .put("accept_to_event_p50_ms", ms(percentile(serverSide, 50)))
                .put("accept_to_event_p99_ms", ms(percentile(serverSide, 99))).put("scene_pulses", (long) sceneCount)
                .put("scene_pulse_interval_p99_ms", sceneP99).put("renderer_cpu_s", rendererCpu).put("fx_thread_cpu_s", fxCpu)
                .put("accept_to_pulse_start_p50_ms", ms(percentile(waits, 50)))
                .put("accept_to_pulse_start_p99_ms", ms(percentile(waits, 99)))
                .put("frame_intervals_over_33_ms", steadyFrames.stream().filter(f -> f > 33_000_000L).count())
                .put("collections", steadyGcs).put("collections_ms", steadyGcMs)
                .put("after", "the first 3 s of the same clients' run (below)");
        report.section("accept_to_edge_first_3s_ms").put("clients", "the first 3 s of the same run").put("samples", (long) coldLatency.size())
                .put("p50", ms(percentile(coldLatency, 50))).put("p99", ms(percentile(coldLatency, 99)))
                .put("max", ms(percentile(coldLatency, 100)));
        table.add(new String[] {"accept -> edge on screen, 200 conn/s", String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (n=%d)",
                latP50, latP99, latency.size()), "p99 <= 33 ms", String.format(Locale.ROOT, "idle pulse p99 %.1f ms;"
                + " accept -> start of that pulse p99 %.1f ms", b.idleP99, ms(percentile(waits, 99)))});
        table.add(new String[] {"  the same, first 3 s after Start", String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (n=%d)",
                ms(percentile(coldLatency, 50)), ms(percentile(coldLatency, 99)), coldLatency.size()), "report", ""});
    }

    /** -Dbench.steadyOnly=true: the accept -> edge figure alone, for quick comparisons while tuning. */
    static boolean steadyOnly() {
        return Boolean.getBoolean("bench.steadyOnly");
    }
}
