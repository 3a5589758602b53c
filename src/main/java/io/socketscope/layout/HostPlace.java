package io.socketscope.layout;

import java.util.List;

/**
 * Where one host is drawn: its box, on which side of the ports, and one slot per label it asked for
 * (empty unless the detail is {@link Detail#FULL}).
 */
public record HostPlace(String key, Side side, Box box, List<Box> slots) {

    public HostPlace {
        slots = List.copyOf(slots);
    }

    /** Where the host's edges leave its box: the side facing the ports. */
    public Point anchor() {
        return new Point(side == Side.LEFT ? box.right() : box.x(), box.centerY());
    }

    /** Where an edge from the host enters its label in {@code slot}. */
    public Point labelIn(Box slot) {
        return new Point(side == Side.LEFT ? slot.x() : slot.right(), slot.centerY());
    }

    /** Where an edge leaves the label in {@code slot} for the port. */
    public Point labelOut(Box slot) {
        return new Point(side == Side.LEFT ? slot.right() : slot.x(), slot.centerY());
    }

    /** A point in graph coordinates. */
    public record Point(double x, double y) {
    }
}
