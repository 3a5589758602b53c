package io.socketscope.layout;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides, from counts and a clock, whether a host's sockets are drawn one by one or as one bundled edge
 * per port, and how many closing edges may fade at once. One rule per method, no scene graph:
 * <ul>
 * <li>more than {@link #BUNDLE_AT} open sockets, or more than {@link #CHURN_AT} new ones a second: bundle;</li>
 * <li>a bundled host unbundles when it is down to {@link #BUNDLE_AT}/2 and no longer busy;</li>
 * <li>an expanded host draws up to {@link #EXPANDED_MAX} edges;</li>
 * <li>at most {@link #MAX_FADING} closed edges fade at once (each fading edge is repainted every frame).</li>
 * </ul>
 */
public final class BundlePolicy {

    public static final int BUNDLE_AT = 12;
    public static final int EXPANDED_MAX = 120;
    public static final int MAX_FADING = 16;
    /**
     * New sockets a second past which a host is busy. A host opening more than 20 a second (a load test, a
     * connect-and-close loop) draws sockets that live a few tens of milliseconds: one by one they are a blur of
     * labels that cost the renderer most of the graph at every frame (200 a second from 8 hosts kept it busy
     * 4.4 s in 10 s, and the p99 from accept to screen at 35-41 ms); bundled, each host shows its count and rate.
     */
    public static final int CHURN_AT = 20;
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_TRACKED = 4096;

    private final LongSupplier nanoClock;
    /** Per host: opens in the current second, opens in the last full second, when this second began. */
    private final Map<String, long[]> churn = new HashMap<>();

    public BundlePolicy(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Counts a new socket of {@code host} in its one-second window. */
    public void opened(String host) {
        window(host)[0]++;
    }

    /** New sockets a second of a busy host (this second or the last, whichever is more), or 0 if it is not busy. */
    public long busyRate(String host) {
        long[] w = churn.get(host);
        if (w == null) {
            return 0;
        }
        roll(w);
        long rate = Math.max(w[0], w[1]);
        return rate > CHURN_AT ? rate : 0;
    }

    public boolean busy(String host) {
        return busyRate(host) > 0;
    }

    /** How many edges a host draws one by one before it bundles. */
    public int limit(boolean expanded) {
        return expanded ? EXPANDED_MAX : BUNDLE_AT;
    }

    /** Whether a host with {@code open} sockets (drawn one by one so far) must now be bundled. */
    public boolean mustBundle(String host, int open, boolean expanded) {
        return open > limit(expanded) || (!expanded && busy(host));
    }

    /** Whether a bundled host is few and quiet enough to be drawn one by one again. */
    public boolean mayUnbundle(String host, int open) {
        return open <= BUNDLE_AT / 2 && !busy(host);
    }

    /** Whether one more closed edge may fade out, with {@code fading} fading now (else it goes at once). */
    public boolean mayFade(int fading) {
        return fading < MAX_FADING;
    }

    private long[] window(String host) {
        if (churn.size() > MAX_TRACKED) {
            churn.clear();
        }
        long[] w = churn.computeIfAbsent(host, k -> new long[] {0, 0, nanoClock.getAsLong()});
        roll(w);
        return w;
    }

    private void roll(long[] w) {
        long now = nanoClock.getAsLong();
        if (now - w[2] >= SECOND) {
            w[1] = now - w[2] >= 2 * SECOND ? 0 : w[0];
            w[0] = 0;
            w[2] = now;
        }
    }
}
