package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Phase 6: 1,000 phone pages' live views; how long a change takes to reach every page. */
final class LivePagesPhase extends BenchPhase {

    LivePagesPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        // 5b. The phone page, live: 1,000 pages' live views (one per address, one selector thread in the
        // clients' process), then 20 changes, each a new device; every page's update for each is timed.
        int threadsBeforeLive = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBeforeLive = heapUsed();
        Process livePages = clients("live", port, "1000", "20");
        BufferedReader liveOut = new BufferedReader(new InputStreamReader(livePages.getInputStream(),
                StandardCharsets.UTF_8));
        String liveOpen = liveOut.readLine();
        waitFor(() -> window.viewModel().model().openCount() >= 1000, 60);
        takePulses();
        String fanout = String.valueOf(liveOut.readLine());
        List<Long> livePulses = takePulses();
        long liveThreads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBeforeLive;
        long liveHeapMb = heapUsed() / (1024 * 1024);
        livePages.getOutputStream().close();
        livePages.waitFor(60, TimeUnit.SECONDS);
        waitFor(() -> window.viewModel().model().openCount() == 0, 60);
        Thread.sleep(2000); // the closed edges fade
        takePulses();
        printSlow("1,000 live pages", slow);
        java.util.regex.Matcher fan = java.util.regex.Pattern.compile(
                "fanout p50 (\\S+) p99 (\\S+) max (\\S+) ms updates (\\d+) missing (\\d+)").matcher(fanout);
        boolean fanned = fan.matches();
        double fanP99 = fanned ? Double.parseDouble(fan.group(2)) : Double.NaN;
        double livePulseP99 = ms(percentile(livePulses, 99));
        report.section("live_pages_1000").put("pages", liveOpen).put("changes", 20L)
                .put("fanout_p50_ms", fanned ? Double.parseDouble(fan.group(1)) : Double.NaN)
                .atMost("fanout_p99_ms", fanP99, 1000)
                .put("fanout_max_ms", fanned ? Double.parseDouble(fan.group(3)) : Double.NaN)
                .put("updates_timed", fanned ? Long.parseLong(fan.group(4)) : 0L)
                .require("no_page_missed_an_update", fanned && Long.parseLong(fan.group(5)) == 0)
                .atMost("app_threads_added", liveThreads, 20)
                .put("heap_mb_before", heapBeforeLive / (1024 * 1024)).put("heap_mb_with_pages", liveHeapMb)
                .put("pulse_p50_ms", ms(percentile(livePulses, 50))).atMost("pulse_p99_ms", livePulseP99, 33);
        table.add(new String[] {"1,000 live pages: an update reaches every page", fanout + "; " + liveThreads
                + " app threads added; heap " + liveHeapMb + " MB; window pulse p99 " + String.format(Locale.ROOT, "%.1f ms",
                livePulseP99), "p99 <= 1,000 ms, <= 20 threads, p99 <= 33 ms", liveOpen});
    }
}
