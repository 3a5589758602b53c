package io.socketscope.layout;

/**
 * The sizes the graph is drawn at, in pixels at zoom 1: chosen so that every text stays at 11 px or more
 * and nothing needs to shrink. When the area cannot hold everything at these sizes, the layout aggregates
 * (see {@link Detail}) instead of drawing smaller.
 */
public final class Metrics {

    public static final double MARGIN = 8;
    /** The caption's band along the bottom: no node or edge is drawn in it. */
    public static final double CAPTION_HEIGHT = 22;
    /** The right end of the caption's band is kept for the zoom buttons. */
    public static final double ZOOM_BAR_WIDTH = 150;
    public static final double CAPTION_GAP = 2;

    /** {@link Detail#FULL}: a two-line host box, and its sockets' labels in a column beside it. */
    public static final double HOST_WIDTH = 164;
    public static final double HOST_HEIGHT = 34;
    public static final double SLOT_WIDTH = 186;
    public static final double SLOT_HEIGHT = 20;
    public static final double SLOT_GAP = 4;
    /** Between one host's block and the next. */
    public static final double BLOCK_GAP = 5;
    /** From a host box to its column of labels. */
    public static final double LINK_GAP = 18;

    /** {@link Detail#MARKS}: a one-line host box with its address, and a mark per socket on a lane of its own. */
    public static final double MARK_HOST_WIDTH = 140;
    /** From the host box to its first mark. */
    public static final double MARK_LINK = 10;
    /** A mark with the descriptor only ({@code fd 10050}). */
    public static final double MARK_WIDTH = 60;
    /** A mark with the client's port too ({@code :65535 · fd 10050}). */
    public static final double MARK_WIDE_WIDTH = 120;
    public static final double MARK_HEIGHT = 14;
    public static final double MARK_GAP = 4;
    /**
     * From one mark's lane to the next: more than half a mark's height, so that the lane of every other mark
     * of the host passes above or below a mark, never through it.
     */
    public static final double LANE = 7.25;
    public static final double MARK_BLOCK_GAP = 0;

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
    public static final double CHANNEL = 34;

    private Metrics() {
    }

    /** Width one side's column of hosts at this detail needs, channel included ({@code marks}: the host's marks). */
    static double sideWidth(Detail detail, int marks, boolean wide) {
        return switch (detail) {
            case FULL -> HOST_WIDTH + LINK_GAP + SLOT_WIDTH + CHANNEL;
            case MARKS -> MARK_HOST_WIDTH + MARK_LINK + marks * ((wide ? MARK_WIDE_WIDTH : MARK_WIDTH) + MARK_GAP)
                    - MARK_GAP + CHANNEL;
            default -> ROW_WIDTH + CHANNEL;
        };
    }

    /** Width that {@code sides} columns of hosts in this detail need, with the ports and the channels. */
    static double widthNeeded(Detail detail, int sides) {
        return 2 * MARGIN + sides * sideWidth(detail, 1, false) + PORT_WIDTH;
    }

    /** How many marks one host may have beside it on a side of {@code sideWidth} ({@code wide}: with ports). */
    static int marksFit(double sideWidth, boolean wide) {
        double room = sideWidth - MARK_HOST_WIDTH - MARK_LINK - CHANNEL + MARK_GAP;
        return Math.max(0, (int) Math.floor(room / ((wide ? MARK_WIDE_WIDTH : MARK_WIDTH) + MARK_GAP) + 1e-9));
    }

    /** The room each side's column has in an area {@code width} wide with {@code sides} sides. */
    static double sideRoom(double width, int sides) {
        return (width - 2 * MARGIN - PORT_WIDTH) / sides;
    }

    /** The height of a full host block with {@code items} labels beside its box. */
    static double blockHeight(int items) {
        return Math.max(HOST_HEIGHT, items * (SLOT_HEIGHT + SLOT_GAP) - SLOT_GAP);
    }

    /** The height of a host block at {@code detail} with {@code items} labels or marks. */
    public static double blockHeight(Detail detail, int items) {
        return switch (detail) {
            case FULL -> blockHeight(items);
            case MARKS -> Math.max(ROW_HEIGHT, (items - 1) * LANE + MARK_HEIGHT);
            default -> ROW_HEIGHT;
        };
    }

    /** The height of the host box of a block in {@link Detail#MARKS}: its lanes all leave from its side. */
    static double markHostHeight(int items) {
        return Math.max(ROW_HEIGHT, (items - 1) * LANE + 4);
    }

    /** The space between two host blocks, one above the other. */
    public static double gap(Detail above, Detail below) {
        return Math.max(gap(above), gap(below));
    }

    private static double gap(Detail detail) {
        return switch (detail) {
            case FULL -> BLOCK_GAP;
            case MARKS -> MARK_BLOCK_GAP;
            default -> ROW_GAP;
        };
    }
}
