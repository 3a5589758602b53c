package io.socketscope.ui.graph;

import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Layout;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Moves a host that the layout moved (because a host above it came or went) smoothly to its new place in
 * {@link #GLIDE_NANOS}, instead of letting it jump: the offset from its new place starts at where it was
 * shown and eases to zero. A change of detail (full to compact) is a new picture and does not glide.
 */
final class HostGlide {

    static final long GLIDE_NANOS = 200_000_000L;

    /** Per host: the offset it started from, and when. */
    private final Map<String, double[]> glides = new HashMap<>();
    private final AnimationTimer frames;
    private boolean running;

    HostGlide(Runnable relayout) {
        this.frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (glides.isEmpty()) {
                    stop();
                    running = false;
                } else {
                    relayout.run();
                }
            }
        };
    }

    /** The vertical offset to draw {@code host} at now, given where it was and where it goes. */
    double offset(String host, Layout before, HostPlace at, Layout now) {
        long t = System.nanoTime();
        double current = current(host, t);
        HostPlace was = before == null || before.detail() != now.detail() ? null : before.host(host);
        if (was == null || was.side() != at.side() || was.detail() != at.detail()) {
            glides.remove(host);
            return 0;
        }
        double shownAt = was.box().y() + current;
        if (Math.abs(shownAt - at.box().y()) < 0.5) {
            glides.remove(host);
            return 0;
        }
        if (was.box().y() != at.box().y()) {
            glides.put(host, new double[] {shownAt - at.box().y(), t});
            if (!running) {
                running = true;
                frames.start();
            }
            return shownAt - at.box().y();
        }
        return current;
    }

    private double current(String host, long t) {
        double[] g = glides.get(host);
        if (g == null) {
            return 0;
        }
        double f = Math.min(1, (t - (long) g[1]) / (double) GLIDE_NANOS);
        if (f >= 1) {
            glides.remove(host);
            return 0;
        }
        double eased = 1 - (1 - f) * (1 - f) * (1 - f);
        return g[0] * (1 - eased);
    }

    boolean moving() {
        return !glides.isEmpty();
    }

    void forget(String host) {
        glides.remove(host);
    }
}
