package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import io.socketscope.server.KernelWatch;
import io.socketscope.server.SocketServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Phase 7: 10,000 connections the server closes first, so that the kernel keeps each in TIME_WAIT for 60 s:
 * the window's pulse while their ghosts are on the graph and while the kernel drops them, and the reader's cost
 * per read of the kernel's table, beside the bare read of the same files (the kernel writing its table) in
 * the same run.
 */
final class TimeWaitPhase extends BenchPhase {

    private static final int CONNECTIONS = 10_000;

    TimeWaitPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        if (!Files.isReadable(Path.of("/proc/net/tcp"))) {
            report.section("time_wait_10000").put("skipped", "no /proc/net/tcp on this system");
            return;
        }
        // The port as it runs now (the classroom phase stopped and opened it again).
        SocketServer server = onFx(() -> (SocketServer) window.viewModel().listeners().stream()
                .filter(l -> l.port() == port).findFirst().orElseThrow());
        waitFor(() -> window.viewModel().model().openCount() == 0, 30);
        takePulses();
        long ghostsBefore = onFx(() -> (long) window.viewModel().model().ghostCount());
        long start = System.nanoTime();
        String made = runClients("timewait", port, Integer.toString(CONNECTIONS), "10");
        double clientSeconds = (System.nanoTime() - start) / 1e9;
        long kernelCount = timeWaitRows();
        boolean all = waitFor(() -> window.viewModel().model().ghostCount() - ghostsBefore >= kernelCount * 99 / 100, 30,
                false);
        double shownAfter = (System.nanoTime() - start) / 1e9;
        List<Long> ramp = takePulses();
        KernelWatch.Figures before = server.kernelFigures();
        long heldStart = System.nanoTime();
        Thread.sleep(5000);
        List<Long> held = takePulses();
        KernelWatch.Figures after = server.kernelFigures();
        double heldSeconds = (System.nanoTime() - heldStart) / 1e9;
        int ghosts = onFx(() -> window.viewModel().model().ghostCount());
        List<String> drawn = onFx(() -> window.graph().ghosts().texts());
        int rows = after.lastRows();
        long reads = after.reads() - before.reads();
        double perRead = reads == 0 ? 0 : ms((after.readNanos() - before.readNanos()) / reads);
        // The reader's share of one core while the ghosts last: the time its reads took, over the time.
        double share = (after.readNanos() - before.readNanos()) / 1e9 / heldSeconds;
        double bare = bareRead();
        // The kernel lets them go 60 s after each was closed: the pulse while 10,000 ghosts leave.
        takePulses();
        boolean dropped = waitFor(() -> window.viewModel().model().ghostCount() == 0, 90, false);
        List<Long> drop = takePulses();
        printSlow("10,000 TIME_WAIT", slow);

        double heldP99 = ms(percentile(held, 99));
        double dropP99 = ms(percentile(drop, 99));
        double readLimit = Math.max(2 * bare, bare + 2);
        report.section("time_wait_10000").put("clients", made).put("client_seconds", clientSeconds)
                .put("kernel_time_wait_rows", kernelCount).put("ghosts_in_model", (long) ghosts)
                .put("all_shown", all ? "yes" : "no").put("shown_after_s", shownAfter)
                .put("ghost_edges_drawn", String.join(" | ", drawn))
                .put("reader_rows_per_read", (long) rows).put("reader_reads", reads)
                .put("bare_read_ms", bare).atMost("reader_ms_per_read", perRead, readLimit)
                .atMost("reader_share_of_a_core", share, 0.08)
                .put("reader_max_ms", ms(after.maxReadNanos()))
                .atMost("ramp_pulse_max_ms", ms(percentile(ramp, 100)), 100)
                .atMost("pulse_p99_ms", heldP99, 33)
                .put("dropped_all", dropped ? "yes" : "no").atMost("drop_pulse_p99_ms", dropP99, 33)
                .put("drop_pulse_max_ms", ms(percentile(drop, 100)));
        table.add(new String[] {"10,000 TIME_WAIT ghosts: pulse", String.format(Locale.ROOT, "p99 %.1f ms with them"
                + " on the graph (%,d of the kernel's %,d shown, %.1f s after the first connect), p99 %.1f ms while"
                + " the kernel drops them", heldP99, ghosts, kernelCount, shownAfter, dropP99), "p99 <= 33 ms",
                String.format(Locale.ROOT, "idle p99 %.1f ms", b.idleP99)});
        table.add(new String[] {"Reading the kernel's table (10,000+ rows)", String.format(Locale.ROOT,
                "%.1f ms a read (%,d rows of the port), %d reads in %.0f s: %.1f %% of a core", perRead, rows, reads,
                heldSeconds, share * 100), String.format(Locale.ROOT, "<= %.1f ms, <= 8 %%", readLimit),
                String.format(Locale.ROOT, "bare read of /proc/net/tcp{,6}: %.1f ms", bare)});
    }

    /** The port's TIME_WAIT connections in the kernel, as ss counts them. */
    private long timeWaitRows() throws Exception {
        Process p = new ProcessBuilder("ss", "-tanH", "state", "time-wait", "sport", "=", ":" + port)
                .redirectErrorStream(true).start();
        long n = new String(p.getInputStream().readAllBytes()).lines().filter(l -> !l.isBlank()).count();
        p.waitFor();
        return n;
    }

    /** The median time to read /proc/net/tcp and tcp6 whole, with no parsing (the kernel's own cost). */
    private static double bareRead() throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long t0 = System.nanoTime();
            Files.readAllBytes(Path.of("/proc/net/tcp"));
            if (Files.isReadable(Path.of("/proc/net/tcp6"))) {
                Files.readAllBytes(Path.of("/proc/net/tcp6"));
            }
            times.add(System.nanoTime() - t0);
        }
        Collections.sort(times);
        return ms(times.get(times.size() / 2));
    }
}
