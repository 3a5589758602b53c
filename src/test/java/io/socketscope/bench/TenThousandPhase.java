package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Phase 4: 10,000 sockets open at once, and the Sockets table with their 10,000 rows. */
final class TenThousandPhase extends BenchPhase {

    TenThousandPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        // 4. 10,000 sockets open at once, from 10 source addresses.
        waitFor(() -> window.viewModel().model().openCount() == 0, 30);
        System.gc();
        long heapBefore = heapUsed();
        Process holder = clients("hold", port, "10000", "10");
        BufferedReader holderOut = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        takePulses();
        long rampStart = System.nanoTime();
        String held = holderOut.readLine();
        waitFor(() -> window.viewModel().model().openCount() >= 10_000, 120);
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        List<Long> rampPulses = takePulses();
        List<Long> rampCpu = lastPulseCpu;
        List<Long> rampGc = lastPulseGc;
        List<Long> rampWait = lastPulseWait;
        long peak = 0;
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            peak = Math.max(peak, heapUsed());
        }
        List<Long> holdPulses = takePulses();
        int drawnOpen = onFx(() -> window.viewModel().model().openCount());
        int sceneEdges = onFx(() -> window.graph().drawnEdges() + window.graph().bundleTexts().size());
        System.gc();
        long heapWith10k = heapUsed();
        // The Sockets table with the 10,000 rows: shown (its first pulse builds them), then scrolled through.
        Thread.sleep(300);
        takePulses();
        javafx.scene.control.TableView<?> rows = onFx(() -> window.showSocketsTable(true));
        Thread.sleep(1000);
        List<Long> tableShowPulses = takePulses();
        int tableRows = onFx(() -> rows.getItems() == null ? 0 : rows.getItems().size());
        for (int i = 0; i < 100; i++) {
            int row = (i * 997) % Math.max(1, tableRows);
            Platform.runLater(() -> rows.scrollTo(row));
            Thread.sleep(30);
        }
        Thread.sleep(200);
        List<Long> tableScrollPulses = takePulses();
        onFx(() -> window.showSocketsTable(false));
        // A full GC stops the FX thread too: the pulse it fell in is the benchmark's doing, not the release's.
        Thread.sleep(300);
        takePulses();
        // Each held socket was greeted after the banner delay and has a serving thread blocked in read():
        // they all wake at once when the holder closes, on two cores with the FX thread.
        int threadsAtRelease = Thread.activeCount();
        holder.getOutputStream().close();
        holder.waitFor(60, TimeUnit.SECONDS);
        waitFor(() -> window.viewModel().model().openCount() == 0, 60);
        List<Long> releasePulses = takePulses();
        List<Long> releaseCpu = lastPulseCpu;
        List<Long> releaseGc = lastPulseGc;
        List<Long> releaseWait = lastPulseWait;

        printSlow("10,000 sockets", slow);
        double holdP99 = ms(percentile(holdPulses, 99));
        double heapMb = heapWith10k / 1e6;
        report.section("sockets_10000").atLeast("open", drawnOpen, 10_000).put("holder", held)
                .put("scene_edges", (long) sceneEdges).put("ramp_seconds", rampSeconds)
                .put("ramp_pulse_p99_ms", ms(percentile(rampPulses, 99)))
                .atMost("ramp_pulse_max_ms", ms(percentile(rampPulses, 100)), 100)
                .put("ramp_longest_pulse_fx_cpu_ms", ms(cpuOfLongest(rampPulses, rampCpu)))
                .put("ramp_longest_pulse_gc_ms", cpuOfLongest(rampPulses, rampGc))
                .put("ramp_longest_pulse_run_queue_ms", ms(cpuOfLongest(rampPulses, rampWait)))
                .put("pulse_p50_ms", ms(percentile(holdPulses, 50))).atMost("pulse_p99_ms", holdP99, 33)
                .put("pulse_p99_vs_idle", holdP99 / Math.max(0.01, b.idleP99)).atMost("heap_used_mb", heapMb, 256)
                .put("heap_peak_mb", peak / 1e6).put("heap_before_mb", heapBefore / 1e6)
                .atMost("release_pulse_max_ms", ms(percentile(releasePulses, 100)), 100)
                .put("release_longest_pulse_fx_cpu_ms", ms(cpuOfLongest(releasePulses, releaseCpu)))
                .put("release_longest_pulse_gc_ms", cpuOfLongest(releasePulses, releaseGc))
                .put("release_longest_pulse_run_queue_ms", ms(cpuOfLongest(releasePulses, releaseWait)))
                .put("app_threads_when_held", (long) threadsAtRelease);
        report.section("sockets_table_10000_rows").atLeast("rows", tableRows, 10_000)
                .atMost("show_longest_pulse_ms", ms(percentile(tableShowPulses, 100)), 100)
                .put("scroll_jumps", 100L).put("scroll_pulses", (long) tableScrollPulses.size())
                .put("scroll_pulse_p50_ms", ms(percentile(tableScrollPulses, 50)))
                .atMost("scroll_pulse_p99_ms", ms(percentile(tableScrollPulses, 99)), 33)
                .atMost("scroll_longest_pulse_ms", ms(percentile(tableScrollPulses, 100)), 100);
        table.add(new String[] {"10,000 open sockets: pulse", String.format(Locale.ROOT, "p99 %.1f ms (%d open, %d edges)", holdP99,
                drawnOpen, sceneEdges), "p99 <= 33 ms", String.format(Locale.ROOT, "%.1fx idle", holdP99 / Math.max(0.01, b.idleP99))});
        table.add(new String[] {"10,000 open sockets: heap", String.format(Locale.ROOT, "%.0f MB after GC (peak %.0f)", heapMb,
                peak / 1e6), "<= 256 MB", String.format(Locale.ROOT, "%.0f MB before", heapBefore / 1e6)});
        table.add(new String[] {"10,000 sockets: longest pulse (ramp, release)", String.format(Locale.ROOT,
                "%.1f ms, %.1f ms", ms(percentile(rampPulses, 100)), ms(percentile(releasePulses, 100))), "<= 100 ms",
                String.format(Locale.ROOT, "longest ramp pulse: FX CPU %.1f ms, GC %d ms, run queue %.1f ms; release:"
                        + " FX CPU %.1f ms, GC %d ms, run queue %.1f ms; %d threads in the app",
                        ms(cpuOfLongest(rampPulses, rampCpu)), cpuOfLongest(rampPulses, rampGc),
                        ms(cpuOfLongest(rampPulses, rampWait)), ms(cpuOfLongest(releasePulses, releaseCpu)),
                        cpuOfLongest(releasePulses, releaseGc), ms(cpuOfLongest(releasePulses, releaseWait)),
                        threadsAtRelease)});
        table.add(new String[] {"Sockets table, 10,000 rows", String.format(Locale.ROOT, "%d rows; shown in a pulse of"
                + " %.1f ms; 100 scroll jumps: pulse p99 %.1f ms, longest %.1f ms", tableRows,
                ms(percentile(tableShowPulses, 100)), ms(percentile(tableScrollPulses, 99)),
                ms(percentile(tableScrollPulses, 100))), "p99 <= 33 ms, <= 100 ms", ""});
    }
}
