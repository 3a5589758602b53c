package io.socketscope.server;

import java.time.Duration;

/**
 * How many live views and held connections the phone page may have: per client address and in all, and how
 * long the server holds a held connection before it answers and closes it.
 *
 * @param perClient live views and held connections together, per client address
 * @param total     live views and held connections together, on the port
 * @param holdFor   the longest a held connection stays open by itself
 */
public record LiveLimits(int perClient, int total, Duration holdFor) {

    public static final int DEFAULT_PER_CLIENT = 6;
    public static final int DEFAULT_TOTAL = 2_000;
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(60);
    public static final LiveLimits DEFAULTS = new LiveLimits(DEFAULT_PER_CLIENT, DEFAULT_TOTAL, DEFAULT_HOLD);

    public LiveLimits {
        if (perClient < 0 || total < 0) {
            throw new IllegalArgumentException("live limits cannot be negative");
        }
        if (holdFor.isNegative() || holdFor.isZero()) {
            throw new IllegalArgumentException("a held connection must be held for some time");
        }
    }
}
