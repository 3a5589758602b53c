package io.socketscope.layout;

/** Which side of the ports a host column stands on. */
public enum Side {
    LEFT,
    RIGHT
}
