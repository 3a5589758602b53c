package io.socketscope.layout;

/**
 * The sizes the graph is drawn at, in pixels at zoom 1: chosen so that every text stays at 11 px or more
 * and nothing needs to shrink. When the area cannot hold everything at these sizes, the layout aggregates
 * (see {@link Detail}) instead of drawing smaller.
 */
public final class Metrics {

    public static final double MARGIN = 8;
    /** The caption's band along the bottom: no node or edge is drawn in it. */
    public static final double CAPTION_HEIGHT = 24;
    /** The right end of the caption's band is kept for the zoom buttons. */
    public static final double ZOOM_BAR_WIDTH = 150;
    public static final double CAPTION_GAP = 4;

    /** {@link Detail#FULL}: a two-line host box, and its sockets' labels in a column beside it. */
    public static final double HOST_WIDTH = 224;
    public static final double HOST_HEIGHT = 34;
    public static final double SLOT_WIDTH = 196;
    public static final double SLOT_HEIGHT = 20;
    public static final double SLOT_GAP = 4;
    /** Between one host's block and the next. */
    public static final double BLOCK_GAP = 5;
    /** From a host box to its column of labels. */
    public static final double LINK_GAP = 28;

    /** {@link Detail#COMPACT}: a one-line host box that counts its sockets. */
    public static final double ROW_WIDTH = 212;
    public static final double ROW_HEIGHT = 22;
    public static final double ROW_GAP = 3;

    /** Ports: a disc when there is room, else a smaller rounded box. */
    public static final double PORT_WIDTH = 116;
    public static final double DISC_MAX = 104;
    public static final double DISC_MIN = 72;
    public static final double PILL_MAX_HEIGHT = 48;
    public static final double PILL_MIN_HEIGHT = 30;
    public static final double PORT_GAP = 8;

    /** The free band between the labels (or host rows) and the ports, where the edges run. */
    public static final double CHANNEL = 40;

    private Metrics() {
    }

    /** Width that {@code sides} columns of hosts in this detail need, with the ports and the channels. */
    static double widthNeeded(Detail detail, int sides) {
        double side = detail == Detail.FULL ? HOST_WIDTH + LINK_GAP + SLOT_WIDTH + CHANNEL : ROW_WIDTH + CHANNEL;
        return 2 * MARGIN + sides * side + PORT_WIDTH;
    }

    /** The height of a full host block with {@code items} labels beside its box. */
    static double blockHeight(int items) {
        return Math.max(HOST_HEIGHT, items * (SLOT_HEIGHT + SLOT_GAP) - SLOT_GAP);
    }
}
