package io.socketscope.bench;

import io.socketscope.server.PortListener;
import io.socketscope.ui.MainWindow;
import java.util.List;
import java.util.Map;

/**
 * One phase of the benchmark: it measures, then writes its section of the report and its rows of the table,
 * each verdict computed from the figure beside it.
 */
abstract class BenchPhase {

    protected final BenchContext b;
    protected final MainWindow window;
    protected final PortListener app;
    protected final int port;
    protected final PulseProbe probe;
    protected final BenchReport report;
    protected final List<String[]> table;
    protected final Map<String, Integer> slow;
    /** The FX thread's CPU, GC and run-queue time beside the pulses of the last {@link #takePulses()}. */
    protected List<Long> lastPulseCpu = List.of();
    protected List<Long> lastPulseGc = List.of();
    protected List<Long> lastPulseWait = List.of();

    BenchPhase(BenchContext b) {
        this.b = b;
        this.window = b.window;
        this.app = b.app;
        this.port = b.port;
        this.probe = b.probe;
        this.report = b.report;
        this.table = b.table;
        this.slow = b.slow;
    }

    abstract void run() throws Exception;

    /** The pulses since the last take (wall time), with their CPU, GC and run-queue times beside them. */
    protected List<Long> takePulses() throws Exception {
        List<Long> taken = probe.takePulses();
        lastPulseCpu = probe.lastPulseCpu;
        lastPulseGc = probe.lastPulseGc;
        lastPulseWait = probe.lastPulseWait;
        return taken;
    }
}
