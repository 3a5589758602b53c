package io.socketscope.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the ports in one column, top to bottom, centred on the band's middle: discs when each has room for
 * one at least {@link Metrics#DISC_MIN} across, else rounded boxes no lower than
 * {@link Metrics#PILL_MIN_HEIGHT}. Postcondition: the boxes do not overlap and lie inside the band.
 */
final class PortColumn {

    private PortColumn() {
    }

    /** Whether {@code count} ports fit a band {@code height} high. */
    static boolean fits(int count, double height) {
        return count * Metrics.PILL_MIN_HEIGHT + (count - 1) * Metrics.PORT_GAP <= height;
    }

    /** Whether the ports are drawn as discs in a band this high. */
    static boolean discs(int count, double height) {
        return share(count, height) >= Metrics.DISC_MIN;
    }

    private static double share(int count, double height) {
        return (height - (count - 1) * Metrics.PORT_GAP) / count;
    }

    /**
     * @param columnX the column's left edge; {@code top}/{@code height} the band the ports may use
     * @param used    how far down the band the hosts reach: the ports stand level with the middle of that,
     *                so that a few hosts at the top are not drawn to a port at the bottom of an empty area
     */
    static List<Box> place(int count, double columnX, double top, double height, double used) {
        List<Box> boxes = new ArrayList<>(count);
        if (count == 0) {
            return boxes;
        }
        double share = share(count, height);
        boolean disc = share >= Metrics.DISC_MIN;
        double h = disc ? Math.min(Metrics.DISC_MAX, share)
                : Math.max(Metrics.PILL_MIN_HEIGHT, Math.min(Metrics.PILL_MAX_HEIGHT, share));
        double w = disc ? h : Metrics.PORT_WIDTH;
        double total = count * h + (count - 1) * Metrics.PORT_GAP;
        double middle = top + (used <= 0 ? height : Math.min(height, Math.max(used, total))) / 2;
        double y = Math.max(top, Math.min(top + height - total, middle - total / 2));
        double x = columnX + (Metrics.PORT_WIDTH - w) / 2;
        for (int i = 0; i < count; i++) {
            boxes.add(new Box(x, y, w, h));
            y += h + Metrics.PORT_GAP;
        }
        return boxes;
    }
}
