package io.socketscope.ui.graph;

import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Layout;
import io.socketscope.layout.Side;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * What a zoom keeps under the pointer: the host at or nearest to the point (on the point's side of the ports,
 * within a block's height or so), and where that host's box is in the layout just made. Points are in the
 * zoomed content's units, which are the layout's times the presenter's magnification.
 */
final class HostAnchors implements ZoomPan.Anchors {

    /** How far above or below a host's middle a point still counts as that host's. */
    static final double REACH = 60;

    private final Supplier<Layout> layout;
    private final DoubleSupplier magnification;

    HostAnchors(Supplier<Layout> layout, DoubleSupplier magnification) {
        this.layout = layout;
        this.magnification = magnification;
    }

    @Override
    public String at(double x, double y) {
        Layout now = layout.get();
        if (now == null) {
            return null;
        }
        double m = magnification.getAsDouble();
        double lx = x / m;
        double ly = y / m;
        String best = null;
        double bestDistance = REACH;
        for (HostPlace h : now.hosts()) {
            if ((lx < now.width() / 2) != (h.side() == Side.LEFT)) {
                continue;
            }
            double distance = Math.abs(ly - h.box().centerY());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = h.key();
            }
        }
        return best;
    }

    @Override
    public double[] origin(String key) {
        Layout now = layout.get();
        HostPlace h = now == null ? null : now.host(key);
        double m = magnification.getAsDouble();
        return h == null ? null : new double[] {h.box().x() * m, h.box().y() * m, h.box().width() * m, h.box().height() * m};
    }
}
