package io.socketscope.layout;

/** Which side of the ports a host column stands on. */
public enum Side {
    LEFT,
    RIGHT;

    /** The x of a box's edge that faces the ports from this side. */
    public double towardPorts(Box box) {
        return this == LEFT ? box.right() : box.x();
    }

    /** The x of a box's edge that faces away from the ports (where an edge enters a label from its host). */
    public double awayFromPorts(Box box) {
        return this == LEFT ? box.x() : box.right();
    }
}
