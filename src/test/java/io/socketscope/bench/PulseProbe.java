package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import io.socketscope.server.ServerEvent;
import io.socketscope.ui.MainWindow;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.animation.AnimationTimer;

/**
 * The benchmark's probes on the window: each pulse's wall time from its start (a timer started before the
 * window's own), the FX thread's CPU, GC and run-queue time beside it, frame intervals, and for the accept ->
 * edge figure the time from each socket's accept() to the end of the pulse that showed it. Samples are
 * written on the FX thread only; the bench thread takes them between phases.
 */
final class PulseProbe {

    private MainWindow window;
    /** Samples written on the FX thread only; the bench thread takes them between phases with {@link #take}. */
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<Long> pulses = new ArrayList<>();
    /** The FX thread's own CPU time from the end of the pulse before to the end of each pulse of {@link #pulses}. */
    private final List<Long> pulseCpu = new ArrayList<>();
    /** {@link #pulseCpu} as of the last {@link #takePulses()}. */
    List<Long> lastPulseCpu = List.of();
    /** Garbage collection up to each pulse's end (ms, as the JVM counts it), beside {@link #pulseCpu}. */
    private final List<Long> pulseGc = new ArrayList<>();
    List<Long> lastPulseGc = List.of();
    private long gcStart;
    /** Time the FX thread spent runnable but waiting for a core up to each pulse's end (ns; Linux's schedstat). */
    private final List<Long> pulseWait = new ArrayList<>();
    List<Long> lastPulseWait = List.of();
    private long waitStart;
    private long cpuStart;
    final List<Long> latencies = new ArrayList<>();
    /** When each socket of {@link #latencies} was accepted (System.nanoTime), in the same order. */
    final List<Long> latencyAt = new ArrayList<>();
    /** When the first socket of the steady clients was accepted: their warm-up is counted from it. */
    volatile long firstAccept;
    /** From accept() to the start of the pulse that showed the socket: what any work in the pulse adds to. */
    final List<Long> pulseWaits = new ArrayList<>();
    private final List<Long> shownThisPulse = new ArrayList<>();
    final Map<Long, Long> acceptNanos = new ConcurrentHashMap<>();
    /** accept() returning -> the ACCEPT event leaving the server, per connection (server side of the latency). */
    final List<Long> toEvent = new ArrayList<>();
    volatile long frameStart;
    private long animationEnd;
    private long lastScenePulse;
    final List<Long> sceneIntervals = new ArrayList<>();
    final List<Long> animationParts = new ArrayList<>();
    final List<Long> scenePasses = new ArrayList<>();
    volatile boolean inPulse;
    volatile Thread fxThread;
    private long lastFrame;
    final List<Long> intervals = new ArrayList<>();
    volatile boolean probing;

    PulseProbe() {
    }

    /**
     * The pulse's start: its timestamp, the same for every timer (this one starts before the window's own).
     * The FX thread's CPU, GC and run-queue time beside a pulse are counted from the end of the pulse before
     * it, so they hold everything the FX thread went through up to this pulse's end (tasks between pulses,
     * the animations that run before any timer), and nothing is left out.
     */
    void startFrameProbe() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrame != 0) {
                    intervals.add(now - lastFrame);
                }
                lastFrame = now;
                frameStart = now;
                inPulse = true;
                fxThread = Thread.currentThread();
            }
        }.start();
        cpuStart = THREADS.getCurrentThreadCpuTime();
        gcStart = gcMillis();
        waitStart = runQueueNanos();
    }

    /** Puts the probes on the window (after {@link #startFrameProbe}, which must run before it is made). */
    void installProbes(MainWindow shown) throws Exception {
        window = shown;
        window.viewModel().addServerListener(event -> {
            // Only while the accept -> edge figure is measured: in a storm this map would hold every socket
            // (hundreds of thousands: heap, GC pauses and a lock in the acceptors, charged to the app).
            if (probing && event instanceof ServerEvent.Accepted a) {
                if (firstAccept == 0) {
                    firstAccept = a.acceptedAtNanos();
                }
                acceptNanos.put(a.connection().id(), a.acceptedAtNanos());
                synchronized (toEvent) {
                    toEvent.add(System.nanoTime() - a.acceptedAtNanos());
                }
            }
        });
        onFx(() -> {
            // After the window's own timers: what came before this point in the pulse was the animation
            // phase (the event pump's drain, the glides and fades).
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    animationEnd = System.nanoTime();
                }
            }.start();
            window.graph().setOnSocketShown(shownThisPulse::add);
            window.graph().getScene().addPostLayoutPulseListener(() -> {
                long end = System.nanoTime();
                inPulse = false;
                if (lastScenePulse != 0) {
                    sceneIntervals.add(end - lastScenePulse);
                }
                lastScenePulse = end;
                if (frameStart != 0) {
                    pulses.add(end - frameStart);
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long gc = gcMillis();
                    long wait = runQueueNanos();
                    pulseCpu.add(cpu - cpuStart);
                    pulseGc.add(gc - gcStart);
                    pulseWait.add(wait - waitStart);
                    cpuStart = cpu;
                    gcStart = gc;
                    waitStart = wait;
                    animationParts.add(animationEnd - frameStart);
                    scenePasses.add(end - animationEnd);
                }
                for (long id : shownThisPulse) {
                    Long at = acceptNanos.remove(id);
                    if (at != null) {
                        latencies.add(end - at);
                        latencyAt.add(at);
                        pulseWaits.add(Math.max(0, frameStart - at));
                    }
                }
                shownThisPulse.clear();
            });
            return null;
        });
    }

    /** The pulses so far (wall time), leaving the list empty; their FX CPU times go to {@link #lastPulseCpu}. */
    List<Long> takePulses() throws Exception {
        return onFx(() -> {
            List<Long> taken = new ArrayList<>(pulses);
            lastPulseCpu = new ArrayList<>(pulseCpu);
            lastPulseGc = new ArrayList<>(pulseGc);
            lastPulseWait = new ArrayList<>(pulseWait);
            pulses.clear();
            pulseCpu.clear();
            pulseGc.clear();
            pulseWait.clear();
            return taken;
        });
    }
}
