package io.socketscope.layout;

import java.util.List;

/**
 * Where one host is drawn: its box, on which side of the ports, at which {@link Detail}, and one slot per
 * item it asked for, in its order: a label's box ({@link Detail#FULL}) or a mark's ({@link Detail#MARKS});
 * none for a counted row.
 *
 * @param turn where the host's edges turn towards the ports: each runs level until there (a mark's lane
 *             under its marks, a label's or a row's edge from its end), then curves to its port. Every host
 *             of a side turns at the same x, past the widest block, so no edge runs under another host's
 *             labels or marks.
 */
public record HostPlace(String key, Side side, Detail detail, Box box, List<Box> slots, double turn) {

    public HostPlace {
        slots = List.copyOf(slots);
    }

    /** A counted row: no labels, its edges turn where the row ends. */
    static HostPlace row(String key, Side side, Box box) {
        return new HostPlace(key, side, Detail.COMPACT, box, List.of(), side.towardPorts(box));
    }

    /** Where the host's edges leave its box: the side facing the ports, at its middle. */
    public Point anchor() {
        return new Point(side.towardPorts(box), box.centerY());
    }

    /** Where the edge of the item in {@code slot} leaves the host: its middle, or the mark's own lane. */
    public Point from(Box slot) {
        return detail == Detail.MARKS ? new Point(side.towardPorts(box), slot.centerY()) : anchor();
    }

    /** Where an edge from the host reaches its label in {@code slot} (a mark's: the end of its lane). */
    public Point labelIn(Box slot) {
        if (detail == Detail.MARKS) {
            return new Point(turn, slot.centerY());
        }
        return new Point(side.awayFromPorts(slot), slot.centerY());
    }

    /** Where an edge leaves the label in {@code slot} for the port (a mark's: the end of its lane). */
    public Point labelOut(Box slot) {
        if (detail == Detail.MARKS) {
            return new Point(turn, slot.centerY());
        }
        return new Point(side.towardPorts(slot), slot.centerY());
    }

    /** The same host placed with its edges turning at {@code x}. */
    HostPlace turningAt(double x) {
        return new HostPlace(key, side, detail, box, slots, x);
    }

    /** A point in graph coordinates. */
    public record Point(double x, double y) {
    }
}
