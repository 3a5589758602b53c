package io.socketscope.layout;

/**
 * How much of a host (and of the graph) is drawn, from the most to the least: the layout picks, per host,
 * the first that fits.
 */
public enum Detail {
    /** The host with its socket labels ({@code 127.0.1.2:42709 · fd 34}, and bundle labels) in a column beside it. */
    FULL,
    /**
     * One line per host, and beside it a small mark per socket ({@code fd 34}, or {@code :42709 · fd 34} where
     * there is room), each on a lane of its own with its own edge to its port: the classroom's detail.
     */
    MARKS,
    /** One row per host, its sockets counted on it and drawn as one line per port. */
    COMPACT,
    /** As compact, for the first hosts by place; the rest are one group node with their count. */
    GROUPED
}
