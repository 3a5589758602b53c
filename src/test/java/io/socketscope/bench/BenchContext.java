package io.socketscope.bench;

import io.socketscope.server.PortListener;
import io.socketscope.ui.MainWindow;
import java.util.List;
import java.util.Map;

/** What the benchmark's phases share: the window and its port, the probes, the report and its table. */
final class BenchContext {

    final MainWindow window;
    final PortListener app;
    final int port;
    final PulseProbe probe;
    final BenchReport report;
    /** The printed table's rows, each phase's in its turn. */
    final List<String[]> table;
    /** With -Dbench.sample=true: the FX thread's commonest stacks in slow pulses, printed after each phase. */
    final Map<String, Integer> slow;
    /** The idle window's pulse p99 (ms): the baseline beside the phases' pulses. */
    final double idleP99;
    /** Set by a phase that ends the run early (the quick modes for tuning). */
    boolean stop;

    BenchContext(MainWindow window, PortListener app, PulseProbe probe, BenchReport report, List<String[]> table,
                 Map<String, Integer> slow, double idleP99) {
        this.window = window;
        this.app = app;
        this.port = app.port();
        this.probe = probe;
        this.report = report;
        this.table = table;
        this.slow = slow;
        this.idleP99 = idleP99;
    }
}
