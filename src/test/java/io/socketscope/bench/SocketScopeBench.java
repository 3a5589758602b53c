package io.socketscope.bench;

import io.socketscope.server.BindMode;
import io.socketscope.server.PortListener;
import io.socketscope.server.ServerConfig;
import io.socketscope.ui.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import static io.socketscope.bench.BenchTools.*;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The performance benchmark (issue 5): the real app (server, event pump, model, scene under Monocle, software
 * rendering) against real loopback clients in a separate process. Not part of {@code mvn verify}; run with
 * {@code mvn -Pbench verify}. Writes {@code target/bench/results.json} and prints a table. Figures are
 * given with a baseline measured in the same run (an idle window's pulse, a bare accept loop).
 * {@code -Dbench.sample=true} also samples the FX thread's stack during pulses over 40 ms and prints the
 * commonest ("SLOW ..." lines): how the costs below were found.
 */
class SocketScopeBench {

    private static final Path OUT = Path.of("target", "bench", "results.json");

    static {
        try {
            // Before SLF4J starts: the bench profile sends the app's console lines to a file in this folder.
            java.nio.file.Files.createDirectories(OUT.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final PulseProbe probe = new PulseProbe();

    @Test
    void run() throws Exception {
        BenchReport report = new BenchReport();
        List<String[]> table = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        long fdLimit = openFileLimit();
        report.section("machine").put("cores", (long) cores).put("java", System.getProperty("java.version"))
                .put("open_file_limit", fdLimit).put("load_clients_priority", BenchClients.LOAD_PRIORITY)
                .put("console", "info, every event line (at most 1,000 a second) to "
                        + System.getProperty("org.slf4j.simpleLogger.logFile", "the console"));

        // Cold start first, in a process of its own, before this JVM warms anything.
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(coldStart());
        }
        long coldStart = percentile(starts, 50);

        FxToolkit.registerPrimaryStage();
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            // Before the window: AnimationTimers run in the order they started, so this one opens each pulse,
            // ahead of the window's own (the event pump's drain): the FX CPU and GC of a pulse include it.
            probe.startFrameProbe();
            javafx.stage.Stage stage = new javafx.stage.Stage();
            // With the console as the app ships it: every event line written by its own thread, at info.
            return MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL).withIdleTimeout(Duration.ZERO),
                    io.socketscope.app.ConsoleLog.toLogger());
        }).get(30, TimeUnit.SECONDS);
        probe.installProbes(window);
        onFx(() -> {
            window.viewModel().form().portTextProperty().set("0");
            return window.viewModel().start();
        });
        waitFor(() -> onFx(() -> window.viewModel().listeners().size()) == 1, 10);
        PortListener app = onFx(() -> window.viewModel().listeners().get(0));
        int port = app.port();

        // Baseline: the window's pulse with nothing happening.
        Thread.sleep(1000);
        probe.takePulses();
        Thread.sleep(3000);
        List<Long> idle = probe.takePulses();

        Map<String, Integer> slow = new ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread fx = probe.fxThread;
                if (fx != null && probe.inPulse && System.nanoTime() - probe.frameStart > 40_000_000L) {
                    StackTraceElement[] st = fx.getStackTrace();
                    StringBuilder key = new StringBuilder();
                    int n = 0;
                    for (StackTraceElement e : st) {
                        if (n++ < 14) {
                            key.append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName()).append(" < ");
                        }
                    }
                    slow.merge(key.toString(), 1, Integer::sum);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        if (Boolean.getBoolean("bench.sample")) {
            sampler.setDaemon(true);
            sampler.start();
        }
        double idleP99 = ms(percentile(idle, 99));
        report.section("baseline_idle_pulse_ms").put("p50", ms(percentile(idle, 50))).put("p99", idleP99)
                .put("samples", (long) idle.size());
        table.add(new String[] {"figure", "measured", "target", "baseline (same run)"});
        BenchContext b = new BenchContext(window, app, probe, report, table, slow, idleP99);
        // The phases, in order: each measures, then writes its section of the report and its rows.
        for (BenchPhase phase : List.of(new SteadyPhase(b), new StormPhase(b), new TenThousandPhase(b),
                new ClassroomPhase(b), new LivePagesPhase(b), new HttpPhase(b), new TimeWaitPhase(b))) {
            phase.run();
            if (b.stop) {
                break;
            }
        }
        sampler.interrupt();
        if (!b.stop) {
            report.section("cold_start_ms").put("median", coldStart).put("runs", starts);
            table.add(new String[] {"cold start to window shown", coldStart + " ms (median of " + starts + ")", "report", ""});
            report.write(OUT);
            printTable(table);
        }
        System.out.println("machine: " + cores + " cores, load clients at " + BenchClients.LOAD_PRIORITY + ", Java "
                + System.getProperty("java.version") + ", open-file limit " + fdLimit + "; results in " + OUT.toAbsolutePath());
        WaitForAsyncUtils.asyncFx(() -> window.viewModel().shutdown()).get(10, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
    }
}
