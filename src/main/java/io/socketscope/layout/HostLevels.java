package io.socketscope.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks each host's {@link Detail} below full labels: a mark per socket where the host's marks fit beside it
 * on its side, a counted row where they do not (a host with a bundle, or more sockets than marks fit), and
 * then, while a side's column is taller than the band, the host with the most sockets on that side (the
 * latest placed of equals) gives up its marks for a row first. The opened host (clicked) gets full labels
 * when they fit at all, and gives them up last.
 *
 * <p>Precondition: {@code hosts} in place order. Postcondition: each side's column fits the band, or the
 * answer is null (even one row per host is too tall: the layout groups).
 */
final class HostLevels {

    private HostLevels() {
    }

    static int sideOf(HostDemand host, int sides) {
        return sides == 1 ? 0 : host.place() % 2;
    }

    /** How far down the column of {@code side} reaches with these levels. */
    static double height(List<HostDemand> hosts, Detail[] levels, int sides, int side) {
        double used = 0;
        Detail above = null;
        for (int i = 0; i < hosts.size(); i++) {
            HostDemand h = hosts.get(i);
            if (sideOf(h, sides) != side) {
                continue;
            }
            used += (above == null ? 0 : Metrics.gap(above, levels[i])) + Metrics.blockHeight(levels[i], h.items());
            above = levels[i];
        }
        return used;
    }

    static Detail[] pick(List<HostDemand> hosts, double width, double band, int sides, String opened) {
        Detail[] levels = new Detail[hosts.size()];
        java.util.Arrays.fill(levels, Detail.COMPACT);
        for (int s = 0; s < sides; s++) {
            if (height(hosts, levels, sides, s) > band) {
                return null;
            }
        }
        double room = Metrics.sideRoom(width, sides);
        int fit = Metrics.marksFit(room, false);
        int openedAt = -1;
        for (int i = 0; i < hosts.size(); i++) {
            HostDemand h = hosts.get(i);
            if (h.key().equals(opened) && room >= Metrics.sideWidth(Detail.FULL, 0, false)) {
                levels[i] = Detail.FULL;
                openedAt = i;
            } else if (h.bundles() == 0 && h.items() > 0 && h.items() <= fit) {
                levels[i] = Detail.MARKS;
            }
        }
        for (int s = 0; s < sides; s++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                if (sideOf(hosts.get(i), sides) == s && levels[i] == Detail.MARKS) {
                    order.add(i);
                }
            }
            order.sort(Comparator.<Integer>comparingInt(i -> hosts.get(i).items()).reversed()
                    .thenComparing(Comparator.<Integer>comparingInt(i -> hosts.get(i).place()).reversed()));
            int next = 0;
            while (height(hosts, levels, sides, s) > band) {
                if (next < order.size()) {
                    levels[order.get(next++)] = Detail.COMPACT;
                } else if (openedAt >= 0 && sideOf(hosts.get(openedAt), sides) == s && levels[openedAt] != Detail.COMPACT) {
                    HostDemand o = hosts.get(openedAt);
                    levels[openedAt] = levels[openedAt] == Detail.FULL && o.bundles() == 0 && o.items() <= fit
                            ? Detail.MARKS : Detail.COMPACT;
                } else {
                    return null;
                }
            }
        }
        return levels;
    }

    /** The detail that sums up the hosts' levels: the only one, or {@link Detail#MARKS} for a mixture. */
    static Detail summary(Detail[] levels) {
        boolean full = levels.length > 0;
        boolean rows = levels.length > 0;
        for (Detail d : levels) {
            full &= d == Detail.FULL;
            rows &= d == Detail.COMPACT;
        }
        return levels.length == 0 ? Detail.FULL : full ? Detail.FULL : rows ? Detail.COMPACT : Detail.MARKS;
    }
}
