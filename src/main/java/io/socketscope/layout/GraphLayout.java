package io.socketscope.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out the port/socket graph as plain arithmetic, in three steps: pick the {@link Detail} (the most
 * that fits at legible size), place the ports in their column, then place the hosts beside them in place
 * order (see {@link PlaceBook}), each host's labels in a block of its own.
 *
 * <p>Postconditions, for 1–8 ports and any hosts in an area of at least 800 × 400: no two boxes overlap
 * (ports, host boxes, labels, the group, the caption); every box lies inside the area; each host's labels
 * stand beside it in its own block, so its edges never pass another host's labels, and the edges of the
 * hosts on one side run to a port without crossing each other; a host keeps its side and its order when
 * others come or go, and moves only by the height of the blocks that came or went above it.
 */
public final class GraphLayout {

    private GraphLayout() {
    }

    public static Layout compute(double width, double height, int portCount, List<HostDemand> demands) {
        List<HostDemand> hosts = new ArrayList<>(demands);
        hosts.sort(Comparator.comparingInt(HostDemand::place));
        double top = Metrics.MARGIN;
        double bandHeight = height - 2 * Metrics.MARGIN - Metrics.CAPTION_HEIGHT - Metrics.CAPTION_GAP;
        Box caption = new Box(Metrics.MARGIN, height - Metrics.MARGIN - Metrics.CAPTION_HEIGHT,
                Math.max(0, width - 2 * Metrics.MARGIN - Metrics.ZOOM_BAR_WIDTH), Metrics.CAPTION_HEIGHT);
        for (int sides = 2; sides >= 1; sides--) {
            if (width >= Metrics.widthNeeded(Detail.FULL, sides) && fullFits(hosts, sides, bandHeight)) {
                return full(width, height, portCount, hosts, sides, top, bandHeight, caption);
            }
        }
        int sides = width >= Metrics.widthNeeded(Detail.COMPACT, 2) ? 2 : 1;
        return rows(width, height, portCount, hosts, sides, top, bandHeight, caption);
    }

    private static int sideOf(HostDemand host, int sides) {
        return sides == 1 ? 0 : host.place() % 2;
    }

    /** How far down each side's column of full blocks reaches. */
    private static double[] fullHeights(List<HostDemand> hosts, int sides) {
        double[] used = new double[2];
        for (HostDemand h : hosts) {
            int s = sideOf(h, sides);
            used[s] += (used[s] > 0 ? Metrics.BLOCK_GAP : 0) + Metrics.blockHeight(h.items());
        }
        return used;
    }

    private static boolean fullFits(List<HostDemand> hosts, int sides, double bandHeight) {
        double[] used = fullHeights(hosts, sides);
        return used[0] <= bandHeight && used[1] <= bandHeight;
    }

    /** Centred when hosts stand on both sides, or when there is no host yet; else at the right. */
    private static double portColumnX(double width, int sides, boolean noHosts) {
        return sides == 2 || noHosts ? (width - Metrics.PORT_WIDTH) / 2 : width - Metrics.MARGIN - Metrics.PORT_WIDTH;
    }

    private static Layout full(double width, double height, int portCount, List<HostDemand> hosts, int sides,
                               double top, double bandHeight, Box caption) {
        double[] used = fullHeights(hosts, sides);
        List<Box> ports = PortColumn.place(portCount, portColumnX(width, sides, hosts.isEmpty()), top, bandHeight,
                Math.max(used[0], used[1]));
        double[] y = {top, top};
        List<HostPlace> placed = new ArrayList<>(hosts.size());
        for (HostDemand h : hosts) {
            int s = sideOf(h, sides);
            Side side = s == 0 ? Side.LEFT : Side.RIGHT;
            double blockHeight = Metrics.blockHeight(h.items());
            double hostX = side == Side.LEFT ? Metrics.MARGIN : width - Metrics.MARGIN - Metrics.HOST_WIDTH;
            double slotX = side == Side.LEFT ? hostX + Metrics.HOST_WIDTH + Metrics.LINK_GAP
                    : hostX - Metrics.LINK_GAP - Metrics.SLOT_WIDTH;
            Box box = new Box(hostX, y[s] + (blockHeight - Metrics.HOST_HEIGHT) / 2, Metrics.HOST_WIDTH,
                    Metrics.HOST_HEIGHT);
            double itemsHeight = h.items() * (Metrics.SLOT_HEIGHT + Metrics.SLOT_GAP) - Metrics.SLOT_GAP;
            double slotY = y[s] + Math.max(0, (blockHeight - itemsHeight) / 2);
            List<Box> slots = new ArrayList<>(h.items());
            for (int i = 0; i < h.items(); i++) {
                slots.add(new Box(slotX, slotY + i * (Metrics.SLOT_HEIGHT + Metrics.SLOT_GAP), Metrics.SLOT_WIDTH,
                        Metrics.SLOT_HEIGHT));
            }
            placed.add(new HostPlace(h.key(), side, box, slots));
            y[s] += blockHeight + Metrics.BLOCK_GAP;
        }
        return new Layout(Detail.FULL, width, height, ports, placed, null, caption);
    }

    /** {@link Detail#COMPACT}, or {@link Detail#GROUPED} when even one row per host does not fit. */
    private static Layout rows(double width, double height, int portCount, List<HostDemand> hosts, int sides,
                               double top, double bandHeight, Box caption) {
        int rows = Math.max(1, (int) ((bandHeight + Metrics.ROW_GAP) / (Metrics.ROW_HEIGHT + Metrics.ROW_GAP)));
        int[] count = new int[sides];
        for (HostDemand h : hosts) {
            count[sideOf(h, sides)]++;
        }
        boolean grouped = false;
        for (int c : count) {
            grouped |= c > rows;
        }
        // The group takes the last row of the right-hand (or only) column.
        int[] capacity = new int[sides];
        for (int s = 0; s < sides; s++) {
            capacity[s] = grouped && s == sides - 1 ? rows - 1 : rows;
        }
        int[] used = new int[sides];
        List<HostPlace> placed = new ArrayList<>(hosts.size());
        List<String> rest = new ArrayList<>();
        for (HostDemand h : hosts) {
            int s = sideOf(h, sides);
            if (used[s] >= capacity[s]) {
                rest.add(h.key());
                continue;
            }
            placed.add(new HostPlace(h.key(), s == 0 ? Side.LEFT : Side.RIGHT, row(width, s, sides, top, used[s]++),
                    List.of()));
        }
        int longest = Math.max(used[0], sides == 2 ? used[1] : 0) + (grouped ? 1 : 0);
        List<Box> ports = PortColumn.place(portCount, portColumnX(width, sides, hosts.isEmpty()), top, bandHeight,
                longest * (Metrics.ROW_HEIGHT + Metrics.ROW_GAP) - Metrics.ROW_GAP);
        GroupPlace group = null;
        if (grouped) {
            int s = sides - 1;
            group = new GroupPlace(s == 0 ? Side.LEFT : Side.RIGHT, row(width, s, sides, top, used[s]), rest);
        }
        return new Layout(grouped ? Detail.GROUPED : Detail.COMPACT, width, height, ports, placed, group, caption);
    }

    private static Box row(double width, int side, int sides, double top, int index) {
        double x = side == 0 ? Metrics.MARGIN : width - Metrics.MARGIN - Metrics.ROW_WIDTH;
        return new Box(x, top + index * (Metrics.ROW_HEIGHT + Metrics.ROW_GAP), Metrics.ROW_WIDTH, Metrics.ROW_HEIGHT);
    }
}
