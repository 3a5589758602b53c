package io.socketscope.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out the port/socket graph as plain arithmetic, in three steps: pick each host's {@link Detail} (the
 * most that fits at legible size: every host with its labels, else marks per socket where they fit and
 * counted rows where not, see {@link HostLevels}, else rows with a group), place the ports in their column,
 * then place the hosts beside them in place order (see {@link PlaceBook}), each in a block of its own.
 *
 * <p>Postconditions, for 1–8 ports and any hosts in an area of at least 800 × 400: no two boxes overlap
 * (ports, host boxes, labels, marks, the group, the caption); every box lies inside the area; each host's
 * labels or marks stand beside it in its own block, so its edges never pass another host's, and the edges of
 * the hosts on one side run to a port without crossing each other; a host's items come in the order of their
 * ports, so its own edges do not cross; a host keeps its side and its order when others come or go, and
 * moves only by the height of the blocks that came or went above it.
 */
public final class GraphLayout {

    private GraphLayout() {
    }

    public static Layout compute(double width, double height, int portCount, List<HostDemand> demands) {
        return compute(width, height, portCount, demands, null);
    }

    /** {@code opened}: the host whose sockets should be drawn with full labels if at all possible (or null). */
    public static Layout compute(double width, double height, int portCount, List<HostDemand> demands,
                                 String opened) {
        List<HostDemand> hosts = new ArrayList<>(demands);
        hosts.sort(Comparator.comparingInt(HostDemand::place));
        double top = Metrics.MARGIN;
        double band = height - 2 * Metrics.MARGIN - Metrics.CAPTION_HEIGHT - Metrics.CAPTION_GAP;
        Box caption = new Box(Metrics.MARGIN, height - Metrics.MARGIN - Metrics.CAPTION_HEIGHT,
                Math.max(0, width - 2 * Metrics.MARGIN - Metrics.ZOOM_BAR_WIDTH), Metrics.CAPTION_HEIGHT);
        Detail[] full = new Detail[hosts.size()];
        Arrays.fill(full, Detail.FULL);
        for (int sides = 2; sides >= 1; sides--) {
            if (width >= Metrics.widthNeeded(Detail.FULL, sides) && fits(hosts, full, sides, band)) {
                return place(width, height, portCount, hosts, full, sides, top, band, caption);
            }
        }
        int sides = width >= Metrics.widthNeeded(Detail.COMPACT, 2) ? 2 : 1;
        Detail[] levels = HostLevels.pick(hosts, width, band, sides, opened);
        if (levels != null) {
            return place(width, height, portCount, hosts, levels, sides, top, band, caption);
        }
        return GroupedRows.place(width, height, portCount, hosts, sides, top, band, caption);
    }

    private static boolean fits(List<HostDemand> hosts, Detail[] levels, int sides, double band) {
        for (int s = 0; s < sides; s++) {
            if (HostLevels.height(hosts, levels, sides, s) > band) {
                return false;
            }
        }
        return true;
    }

    /** Centred when hosts stand on both sides, or when there is no host yet; else at the right. */
    static double portColumnX(double width, int sides, boolean noHosts) {
        return sides == 2 || noHosts ? (width - Metrics.PORT_WIDTH) / 2 : width - Metrics.MARGIN - Metrics.PORT_WIDTH;
    }

    private static Layout place(double width, double height, int portCount, List<HostDemand> hosts, Detail[] levels,
                                int sides, double top, double band, Box caption) {
        double used = 0;
        for (int s = 0; s < sides; s++) {
            used = Math.max(used, HostLevels.height(hosts, levels, sides, s));
        }
        List<Box> ports = PortColumn.place(portCount, portColumnX(width, sides, hosts.isEmpty()), top, band, used);
        double room = Metrics.sideRoom(width, sides);
        int wideFit = Metrics.marksFit(room, true);
        double[] y = {top, top};
        Detail[] above = new Detail[2];
        List<HostPlace> placed = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            HostDemand h = hosts.get(i);
            int s = HostLevels.sideOf(h, sides);
            Detail level = levels[i];
            if (above[s] != null) {
                y[s] += Metrics.gap(above[s], level);
            }
            Side side = s == 0 ? Side.LEFT : Side.RIGHT;
            double block = Metrics.blockHeight(level, h.items());
            placed.add(switch (level) {
                case FULL -> HostBlocks.full(h, side, width, y[s], block);
                case MARKS -> HostBlocks.marks(h, side, width, y[s], block, h.items() <= wideFit);
                default -> HostPlace.row(h.key(), side, HostBlocks.row(width, side, y[s]));
            });
            y[s] += block;
            above[s] = level;
        }
        // Every edge of a side turns to the ports at one x, past the widest block of that side.
        double[] turn = {0, width};
        for (HostPlace p : placed) {
            turn[p.side() == Side.LEFT ? 0 : 1] = p.side() == Side.LEFT ? Math.max(turn[0], p.turn()) : Math.min(turn[1], p.turn());
        }
        placed.replaceAll(p -> p.turningAt(turn[p.side() == Side.LEFT ? 0 : 1]));
        return new Layout(HostLevels.summary(levels), width, height, ports, placed, null, caption);
    }
}
