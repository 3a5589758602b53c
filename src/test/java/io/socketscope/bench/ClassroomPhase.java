package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Phase 5: 30 phones of 3 sockets, a mark each; then 300 hosts of 3, closed by Stop. */
final class ClassroomPhase extends BenchPhase {

    ClassroomPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        // 4b. The classroom: 30 phones with 3 sockets each, held, every socket drawn as its own mark.
        Process klass = clients("hold", port, "90", "30");
        BufferedReader klassOut = new BufferedReader(new InputStreamReader(klass.getInputStream(), StandardCharsets.UTF_8));
        takePulses();
        klassOut.readLine();
        waitFor(() -> window.viewModel().model().openCount() >= 90 && onFx(() -> window.graph().settled(30)), 60);
        List<Long> klassRamp = takePulses();
        Thread.sleep(3000);
        List<Long> klassPulses = takePulses();
        long klassMarks = onFx(() -> window.graph().lookupAll(".socket-edge").stream()
                .filter(n -> n.getScene() != null && n.getPseudoClassStates().stream()
                        .anyMatch(c -> c.getPseudoClassName().equals("mark"))).count());
        klass.getOutputStream().close();
        klass.waitFor(60, TimeUnit.SECONDS);
        waitFor(() -> window.viewModel().model().openCount() == 0, 60);
        Thread.sleep(2000); // the closed edges fade
        takePulses();
        printSlow("30 hosts x 3", slow);
        // 5. A classroom at scale: 300 hosts with 3 sockets each, held, then closed by Stop (the port is opened
        // again for the next phase).
        Process room = clients("hold", port, "900", "300");
        BufferedReader roomOut = new BufferedReader(new InputStreamReader(room.getInputStream(), StandardCharsets.UTF_8));
        takePulses();
        Map<String, Long> rampCpuBefore = ThreadCpu.snapshot();
        String roomHeld = roomOut.readLine();
        long roomConnected = System.nanoTime();
        waitFor(() -> window.viewModel().model().openCount() >= 900 && onFx(() -> window.graph().settled(300)), 60);
        double roomSettleMs = (System.nanoTime() - roomConnected) / 1e6;
        String rampCpuByThread = ThreadCpu.top(rampCpuBefore, ThreadCpu.snapshot(), 6);
        List<Long> roomRampPulses = takePulses();
        List<Long> roomRampCpu = lastPulseCpu;
        List<Long> roomRampGc = lastPulseGc;
        List<Long> roomRampWait = lastPulseWait;
        Thread.sleep(3000);
        List<Long> roomPulses = takePulses();
        // Stop with the 900 open: the port thread closes them; the window must keep drawing.
        Map<String, Long> stopCpuBefore = ThreadCpu.snapshot();
        long stopAsked = System.nanoTime();
        onFx(() -> {
            window.viewModel().stop();
            return null;
        });
        waitFor(() -> window.viewModel().model().openCount() == 0
                && onFx(() -> window.viewModel().busyProperty().get().isEmpty()), 60);
        double stopMs = (System.nanoTime() - stopAsked) / 1e6;
        String stopCpuByThread = ThreadCpu.top(stopCpuBefore, ThreadCpu.snapshot(), 6);
        List<Long> roomRelease = takePulses();
        List<Long> roomReleaseCpu = lastPulseCpu;
        List<Long> roomReleaseGc = lastPulseGc;
        List<Long> roomReleaseWait = lastPulseWait;
        room.getOutputStream().close();
        room.waitFor(60, TimeUnit.SECONDS);
        onFx(() -> {
            window.viewModel().form().portTextProperty().set(Integer.toString(port));
            return window.viewModel().start();
        });
        waitFor(() -> onFx(() -> window.viewModel().listeners().size()) == 1, 10);

        printSlow("300 hosts x 3", slow);
        double klassP99 = ms(percentile(klassPulses, 99));
        report.section("classroom_30_x_3").put("marks_drawn", klassMarks)
                .atMost("ramp_pulse_max_ms", ms(percentile(klassRamp, 100)), 100)
                .put("pulse_p50_ms", ms(percentile(klassPulses, 50))).atMost("pulse_p99_ms", klassP99, 33);
        double roomP99 = ms(percentile(roomPulses, 99));
        double roomMax = ms(percentile(roomRampPulses, 100));
        report.section("hosts_300_x_3").put("holder", roomHeld).put("settle_ms", roomSettleMs)
                .atMost("ramp_pulse_max_ms", ms(percentile(roomRampPulses, 100)), 100)
                .put("ramp_longest_pulse_fx_cpu_ms", ms(cpuOfLongest(roomRampPulses, roomRampCpu)))
                .put("ramp_longest_pulse_gc_ms", cpuOfLongest(roomRampPulses, roomRampGc))
                .put("ramp_longest_pulse_run_queue_ms", ms(cpuOfLongest(roomRampPulses, roomRampWait)))
                .put("pulse_p50_ms", ms(percentile(roomPulses, 50))).atMost("pulse_p99_ms", roomP99, 33)
                .put("stop_ms", stopMs).atMost("stop_pulse_max_ms", ms(percentile(roomRelease, 100)), 50)
                .put("stop_longest_pulse_fx_cpu_ms", ms(cpuOfLongest(roomRelease, roomReleaseCpu)))
                .put("stop_longest_pulse_gc_ms", cpuOfLongest(roomRelease, roomReleaseGc))
                .put("stop_longest_pulse_run_queue_ms", ms(cpuOfLongest(roomRelease, roomReleaseWait)))
                .put("ramp_cpu_by_thread_ms", rampCpuByThread).put("stop_cpu_by_thread_ms", stopCpuByThread);
        table.add(new String[] {"30 phones x 3 sockets (a mark per socket): pulse", String.format(Locale.ROOT,
                "p99 %.1f ms; longest while they connect %.1f ms; %d marks drawn", klassP99,
                ms(percentile(klassRamp, 100)), klassMarks), "p99 <= 33 ms, <= 100 ms", ""});
        table.add(new String[] {"300 hosts x 3 sockets: pulse", String.format(Locale.ROOT, "p99 %.1f ms; settled %.0f ms after"
                + " the last connect; longest pulse %.1f ms", roomP99, roomSettleMs, roomMax), "p99 <= 33 ms, <= 100 ms",
                String.format(Locale.ROOT, "frame of the longest ramp pulse: FX CPU %.1f ms, GC %d ms, run queue %.1f ms",
                        ms(cpuOfLongest(roomRampPulses, roomRampCpu)), cpuOfLongest(roomRampPulses, roomRampGc),
                        ms(cpuOfLongest(roomRampPulses, roomRampWait)))});
        table.add(new String[] {"Stop with 900 sockets open", String.format(Locale.ROOT, "longest pulse %.1f ms; all"
                + " closed in %.0f ms", ms(percentile(roomRelease, 100)), stopMs), "<= 50 ms", String.format(Locale.ROOT,
                "frame of the longest pulse: FX CPU %.1f ms, GC %d ms, run queue %.1f ms", ms(cpuOfLongest(roomRelease,
                roomReleaseCpu)), cpuOfLongest(roomRelease, roomReleaseGc), ms(cpuOfLongest(roomRelease,
                roomReleaseWait)))});
    }
}
