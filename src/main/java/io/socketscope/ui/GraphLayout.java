package io.socketscope.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the graph's pieces go, as plain arithmetic (no scene graph, so it can be checked alone): client
 * hosts in a column on the left, one label slot per socket in the middle (several columns when one would
 * not fit), the open ports in a column on the right. Slots never overlap, and neither do hosts or ports.
 */
final class GraphLayout {

    static final double MARGIN = 16;
    static final double HOST_WIDTH = 236;
    static final double HOST_HEIGHT = 36;
    static final double HOST_GAP = 5;
    static final double PORT_RADIUS = 52;
    static final double MIN_PORT_RADIUS = 34;
    static final double PORT_GAP = 12;
    static final double SLOT_WIDTH = 206;
    static final double SLOT_HEIGHT = 20;
    static final double ROW_GAP = 5;
    static final double COLUMN_GAP = 24;

    /** A rectangle in graph coordinates. */
    record Box(double x, double y, double width, double height) {
        double centerY() {
            return y + height / 2;
        }

        double right() {
            return x + width;
        }

        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /**
     * The computed places: one box per host (in input order), one per socket (host by host), and one
     * square per port (top to bottom); {@code portX}/{@code portY} are the first port's centre.
     */
    record Result(List<Box> hosts, List<Box> slots, List<Box> ports, double portX, double portY) {
    }

    private GraphLayout() {
    }

    /** One port. */
    static Result compute(double width, double height, List<Integer> socketsPerHost) {
        return compute(width, height, socketsPerHost, 1);
    }

    /**
     * @param socketsPerHost how many socket slots each host has, hosts in display order
     * @param portCount      how many port nodes stand in the right-hand column
     */
    static Result compute(double width, double height, List<Integer> socketsPerHost, int portCount) {
        int total = socketsPerHost.stream().mapToInt(Integer::intValue).sum();
        double usable = Math.max(SLOT_HEIGHT, height - 2 * MARGIN);
        int rowsPerColumn = Math.max(1, (int) ((usable + ROW_GAP) / (SLOT_HEIGHT + ROW_GAP)));
        int columns = Math.max(1, (total + rowsPerColumn - 1) / rowsPerColumn);
        int rows = Math.min(total, rowsPerColumn);

        int n = Math.max(1, portCount);
        double share = (height - 2 * MARGIN) / n;
        double radius = Math.max(MIN_PORT_RADIUS, Math.min(PORT_RADIUS, (share - PORT_GAP) / 2));
        double portX = width - MARGIN - PORT_RADIUS;
        List<Box> ports = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double cy = n == 1 ? height / 2 : MARGIN + share * (k + 0.5);
            ports.add(new Box(portX - radius, cy - radius, 2 * radius, 2 * radius));
        }
        double portY = ports.get(0).centerY();
        double bandLeft = MARGIN + HOST_WIDTH + 50;
        double bandRight = portX - PORT_RADIUS - 50;
        double blockWidth = columns * SLOT_WIDTH + (columns - 1) * COLUMN_GAP;
        double firstX = bandLeft + Math.max(0, (bandRight - bandLeft - blockWidth) / 2);
        double blockHeight = rows * SLOT_HEIGHT + Math.max(0, rows - 1) * ROW_GAP;
        double firstY = Math.max(MARGIN, (height - blockHeight) / 2);

        List<Box> slots = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int column = i / rowsPerColumn;
            int row = i % rowsPerColumn;
            slots.add(new Box(firstX + column * (SLOT_WIDTH + COLUMN_GAP), firstY + row * (SLOT_HEIGHT + ROW_GAP),
                    SLOT_WIDTH, SLOT_HEIGHT));
        }
        return new Result(placeHosts(height, socketsPerHost, slots), slots, ports, portX, portY);
    }

    /**
     * Each host sits level with the middle of its sockets, pushed apart so that no two overlap; when the
     * column is too short for all of them at full height, every host gets a thinner box (never below 22 px).
     */
    private static List<Box> placeHosts(double height, List<Integer> socketsPerHost, List<Box> slots) {
        int n = socketsPerHost.size();
        double usable = height - 2 * MARGIN;
        double hostHeight = n == 0 ? HOST_HEIGHT
                : Math.max(22, Math.min(HOST_HEIGHT, (usable - (n - 1) * HOST_GAP) / n));
        double[] y = new double[n];
        int slot = 0;
        for (int h = 0; h < n; h++) {
            int count = socketsPerHost.get(h);
            double sum = 0;
            for (int k = 0; k < count; k++) {
                sum += slots.get(slot + k).centerY();
            }
            y[h] = (count == 0 ? height / 2 : sum / count) - hostHeight / 2;
            slot += count;
        }
        double step = hostHeight + HOST_GAP;
        double bottom = height - MARGIN - hostHeight;
        for (int h = 0; h < n; h++) {
            y[h] = Math.max(y[h], h == 0 ? MARGIN : y[h - 1] + step);
        }
        for (int h = n - 1; h >= 0; h--) {
            y[h] = Math.min(y[h], h == n - 1 ? bottom : y[h + 1] - step);
        }
        // If they cannot all fit even so, keep them apart and let the column run past the bottom.
        for (int h = 0; h < n; h++) {
            y[h] = Math.max(y[h], h == 0 ? MARGIN : y[h - 1] + step);
        }
        List<Box> hosts = new ArrayList<>(n);
        for (int h = 0; h < n; h++) {
            hosts.add(new Box(MARGIN, y[h], HOST_WIDTH, hostHeight));
        }
        return hosts;
    }
}
