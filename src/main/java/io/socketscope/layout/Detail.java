package io.socketscope.layout;

/** How much of the graph is drawn, from the most to the least: the layout picks the first that fits. */
public enum Detail {
    /** Every host with its socket labels (and bundle labels) in a column beside it. */
    FULL,
    /** One row per host, its sockets counted on it and drawn as one line per port. */
    COMPACT,
    /** As compact, for the first hosts by place; the rest are one group node with their count. */
    GROUPED
}
