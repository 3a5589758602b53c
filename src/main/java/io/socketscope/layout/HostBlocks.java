package io.socketscope.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Places one host's block at its detail: its box against the outer margin of its side, and its labels or
 * marks between the box and the ports. Postcondition: everything of the block lies within
 * {@code [top, top + block]} and within the side's column.
 */
final class HostBlocks {

    private HostBlocks() {
    }

    /** The host's two-line box, and its labels in a column beside it, centred on each other. */
    static HostPlace full(HostDemand h, Side side, double width, double top, double block) {
        double hostX = side == Side.LEFT ? Metrics.MARGIN : width - Metrics.MARGIN - Metrics.HOST_WIDTH;
        double slotX = side == Side.LEFT ? hostX + Metrics.HOST_WIDTH + Metrics.LINK_GAP
                : hostX - Metrics.LINK_GAP - Metrics.SLOT_WIDTH;
        Box box = new Box(hostX, top + (block - Metrics.HOST_HEIGHT) / 2, Metrics.HOST_WIDTH, Metrics.HOST_HEIGHT);
        double itemsHeight = h.items() * (Metrics.SLOT_HEIGHT + Metrics.SLOT_GAP) - Metrics.SLOT_GAP;
        double slotY = top + Math.max(0, (block - itemsHeight) / 2);
        List<Box> slots = new ArrayList<>(h.items());
        for (int i = 0; i < h.items(); i++) {
            slots.add(new Box(slotX, slotY + i * (Metrics.SLOT_HEIGHT + Metrics.SLOT_GAP), Metrics.SLOT_WIDTH,
                    Metrics.SLOT_HEIGHT));
        }
        return new HostPlace(h.key(), side, Detail.FULL, box, slots, side == Side.LEFT ? slotX + Metrics.SLOT_WIDTH : slotX);
    }

    /**
     * A one-line box, and the marks in a row beside it, each a lane lower than the one before, so that each
     * mark's lane (from the box, under the marks, to the end of the row, where its edge turns to its port)
     * passes the other marks above or below them.
     */
    static HostPlace marks(HostDemand h, Side side, double width, double top, double block, boolean wide) {
        int k = h.items();
        double boxHeight = Metrics.markHostHeight(k);
        double hostX = side == Side.LEFT ? Metrics.MARGIN : width - Metrics.MARGIN - Metrics.MARK_HOST_WIDTH;
        Box box = new Box(hostX, top + (block - boxHeight) / 2, Metrics.MARK_HOST_WIDTH, boxHeight);
        double markWidth = wide ? Metrics.MARK_WIDE_WIDTH : Metrics.MARK_WIDTH;
        double middle = top + block / 2;
        List<Box> slots = new ArrayList<>(k);
        double x = side == Side.LEFT ? box.right() + Metrics.MARK_LINK : box.x() - Metrics.MARK_LINK - markWidth;
        for (int i = 0; i < k; i++) {
            double lane = middle + (i - (k - 1) / 2.0) * Metrics.LANE;
            slots.add(new Box(x, lane - Metrics.MARK_HEIGHT / 2, markWidth, Metrics.MARK_HEIGHT));
            x += side == Side.LEFT ? markWidth + Metrics.MARK_GAP : -(markWidth + Metrics.MARK_GAP);
        }
        Box last = slots.get(k - 1);
        return new HostPlace(h.key(), side, Detail.MARKS, box, slots, side.towardPorts(last));
    }

    /** A counted row's box at {@code top}. */
    static Box row(double width, Side side, double top) {
        double x = side == Side.LEFT ? Metrics.MARGIN : width - Metrics.MARGIN - Metrics.ROW_WIDTH;
        return new Box(x, top, Metrics.ROW_WIDTH, Metrics.ROW_HEIGHT);
    }
}
