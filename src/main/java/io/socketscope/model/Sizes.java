package io.socketscope.model;

import java.time.Duration;
import java.util.Locale;

/** Byte counts and durations written short, for labels and tooltips. */
public final class Sizes {

    private Sizes() {
    }

    /** {@code 512 B}, {@code 4.2 kB}, {@code 1.3 MB} (powers of 1000, like most network tools). */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1000.0);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.1f GB", n / 1_000_000_000.0);
    }

    /** {@code 0.4 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 03 min}. */
    public static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
