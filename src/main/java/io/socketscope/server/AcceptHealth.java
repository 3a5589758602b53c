package io.socketscope.server;

import java.io.IOException;

/**
 * How accepting on one listening socket goes, shared by its acceptor threads: failures are reported
 * once per 10 s whichever thread meets them, and recovery once.
 */
final class AcceptHealth {

    /** Failures are reported at most this often. */
    private static final long REPORT_INTERVAL_NANOS = 10_000_000_000L;

    private int failures;
    private boolean reported;
    private long lastReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

    /** Counts a failure; returns the line to report, or null while one was reported lately. */
    synchronized String failed(IOException e) {
        failures++;
        if (System.nanoTime() - lastReport >= REPORT_INTERVAL_NANOS) {
            lastReport = System.nanoTime();
            reported = true;
            return BindErrors.explainAcceptFailure(e);
        }
        return null;
    }

    /** After an accept succeeds: the recovery line to report, if failures were reported. */
    synchronized String succeeded() {
        if (failures > 0 && reported) {
            String line = "Accepting connections again, after " + failures
                    + (failures == 1 ? " failed attempt." : " failed attempts.");
            failures = 0;
            reported = false;
            return line;
        }
        return null;
    }
}
