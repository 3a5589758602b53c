package io.socketscope.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The last resort, when even one row per host is too tall: rows for the first hosts by place on each side,
 * and the rest counted in one group node in the last row of the right-hand (or only) column.
 */
final class GroupedRows {

    private GroupedRows() {
    }

    static Layout place(double width, double height, int portCount, List<HostDemand> hosts, int sides,
                        double top, double bandHeight, Box caption) {
        int rows = Math.max(1, (int) ((bandHeight + Metrics.ROW_GAP) / (Metrics.ROW_HEIGHT + Metrics.ROW_GAP)));
        int[] capacity = new int[sides];
        for (int s = 0; s < sides; s++) {
            capacity[s] = s == sides - 1 ? rows - 1 : rows;
        }
        int[] used = new int[sides];
        List<HostPlace> placed = new ArrayList<>(hosts.size());
        List<String> rest = new ArrayList<>();
        for (HostDemand h : hosts) {
            int s = HostLevels.sideOf(h, sides);
            if (used[s] >= capacity[s]) {
                rest.add(h.key());
                continue;
            }
            Side side = s == 0 ? Side.LEFT : Side.RIGHT;
            placed.add(HostPlace.row(h.key(), side, row(width, side, top, used[s]++)));
        }
        int longest = Math.max(used[0], sides == 2 ? used[1] : 0) + 1;
        List<Box> ports = PortColumn.place(portCount, GraphLayout.portColumnX(width, sides, hosts.isEmpty()), top,
                bandHeight, longest * (Metrics.ROW_HEIGHT + Metrics.ROW_GAP) - Metrics.ROW_GAP);
        GroupPlace group = null;
        if (!rest.isEmpty()) {
            int s = sides - 1;
            Side side = s == 0 ? Side.LEFT : Side.RIGHT;
            group = new GroupPlace(side, row(width, side, top, used[s]), rest);
        }
        return new Layout(group == null ? Detail.COMPACT : Detail.GROUPED, width, height, ports, placed, group,
                caption);
    }

    private static Box row(double width, Side side, double top, int index) {
        return HostBlocks.row(width, side, top + index * (Metrics.ROW_HEIGHT + Metrics.ROW_GAP));
    }
}
