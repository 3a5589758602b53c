package io.socketscope.bench;

import static io.socketscope.bench.BenchTools.*;

import java.util.Locale;

/** Phase 7: HTTP, the app as it ships against the JDK's own server and python's, same load, same page size. */
final class HttpPhase extends BenchPhase {

    HttpPhase(BenchContext b) {
        super(b);
    }

    @Override
    void run() throws Exception {
        // 6. HTTP: the app as it ships against the JDK's own server and python's, same load, same page size.
        int pageBytes = HttpBench.pageBytes(port);
        HttpBench.Figures appHttp = HttpBench.measure("SocketScope", port);
        HttpBench.Figures jdkHttp = HttpBench.jdk(pageBytes);
        HttpBench.Figures pyHttp = HttpBench.python(pageBytes);
        double vsJdk = appHttp.perSecond() / jdkHttp.perSecond();
        Double vsPython = pyHttp == null ? null : appHttp.perSecond() / pyHttp.perSecond();
        BenchReport.Section http = report.section("http").put("page_bytes", (long) pageBytes)
                .put("connections", (long) HttpBench.CONNECTIONS).put("client_threads", (long) HttpBench.THREADS)
                .put("seconds", (long) HttpBench.SECONDS).put("warm_up_seconds", (long) HttpBench.WARM_UP_SECONDS)
                .put("load_client", HttpBench.client());
        appHttp.into(http.object("app"));
        jdkHttp.into(http.object("jdk_httpserver"));
        if (pyHttp != null) {
            pyHttp.into(http.object("python_http_server"));
            http.atLeast("vs_python", vsPython, 20);
        } else {
            http.put("python_http_server", "python3 is not on this machine");
        }
        http.atLeast("vs_jdk", vsJdk, 1.0).atMost("p99_ms", appHttp.p99Micros() / 1000.0, jdkHttp.p99Micros() / 1000.0)
                .atMost("one_client_p50_ms", appHttp.aloneP50Micros() / 1000.0, 1.0);
        table.add(new String[] {"HTTP, 64 keep-alive connections", String.format(Locale.ROOT, "%.0f req/s, p50 %.2f ms,"
                + " p99 %.2f ms; one client alone p50 %.2f ms", appHttp.perSecond(), appHttp.p50Micros() / 1000.0,
                appHttp.p99Micros() / 1000.0, appHttp.aloneP50Micros() / 1000.0), ">= 1.0x JDK, >= 20x python, one client"
                + " p50 <= 1 ms", String.format(Locale.ROOT, "JDK HttpServer %.0f req/s (p99 %.2f ms, one client %.2f ms): %.2fx;"
                + " python3 %s", jdkHttp.perSecond(), jdkHttp.p99Micros() / 1000.0, jdkHttp.aloneP50Micros() / 1000.0, vsJdk,
                pyHttp == null ? "not on this machine" : String.format(Locale.ROOT, "%.0f req/s: %.1fx", pyHttp.perSecond(),
                        vsPython))});
    }
}
