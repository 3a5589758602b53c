package io.socketscope.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The edges of a layout as the scene draws them (each piece a cubic that leaves and arrives level), sampled
 * into polylines, and how many times they cross: what the layout answers for when it orders a host's items by
 * their ports. Pure arithmetic, for tests and the benchmark.
 */
public final class EdgeRoutes {

    static final int STEPS = 24;

    /**
     * One piece of a drawn edge.
     *
     * @param host the host it belongs to
     * @param port the port it ends at, or -1 for the piece from a host to its own label
     */
    public record Route(String host, int port, List<HostPlace.Point> points) {
    }

    private EdgeRoutes() {
    }

    /** Every piece of every edge drawn for these demands in this layout (grouped hosts draw none here). */
    public static List<Route> of(Layout layout, List<HostDemand> demands) {
        List<Route> out = new ArrayList<>();
        for (HostPlace host : layout.hosts()) {
            HostDemand d = demands.stream().filter(x -> x.key().equals(host.key())).findFirst().orElseThrow();
            if (host.slots().isEmpty()) {
                for (int port : d.itemPorts().stream().distinct().toList()) {
                    out.add(lead(host.key(), port, host.anchor(), host.turn(), layout.portAnchor(port, host.side())));
                }
                continue;
            }
            for (int i = 0; i < host.slots().size(); i++) {
                Box slot = host.slots().get(i);
                int port = d.itemPorts().get(i);
                out.add(curve(host.key(), -1, host.from(slot), host.labelIn(slot)));
                out.add(lead(host.key(), port, host.labelOut(slot), host.turn(), layout.portAnchor(port, host.side())));
            }
        }
        return out;
    }

    /** Level from {@code a} to x {@code turn}, then a cubic to {@code b}: as {@code EdgeItem.route} draws it. */
    public static Route lead(String host, int port, HostPlace.Point a, double turn, HostPlace.Point b) {
        Route curve = curve(host, port, new HostPlace.Point(turn, a.y()), b);
        List<HostPlace.Point> pts = new ArrayList<>(curve.points().size() + 1);
        pts.add(a);
        pts.addAll(curve.points());
        return new Route(host, port, pts);
    }

    /** A cubic from {@code a} to {@code b} with level tangents at both ends, as {@code EdgeItem.connect} draws it. */
    public static Route curve(String host, int port, HostPlace.Point a, HostPlace.Point b) {
        List<HostPlace.Point> pts = new ArrayList<>(STEPS + 1);
        double bend = (b.x() - a.x()) / 2;
        for (int i = 0; i <= STEPS; i++) {
            double t = (double) i / STEPS;
            double u = 1 - t;
            double x = u * u * u * a.x() + 3 * u * u * t * (a.x() + bend) + 3 * u * t * t * (b.x() - bend)
                    + t * t * t * b.x();
            double y = u * u * u * a.y() + 3 * u * u * t * a.y() + 3 * u * t * t * b.y() + t * t * t * b.y();
            pts.add(new HostPlace.Point(x, y));
        }
        return new Route(host, port, pts);
    }

    /**
     * How many pairs of pieces cross (properly, away from the step before a shared end: edges to one port meet
     * there by design). {@code sameHost}: count only pairs of one host's pieces; else only pairs of two hosts'.
     */
    public static int crossings(List<Route> routes, boolean sameHost) {
        int n = 0;
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                Route a = routes.get(i);
                Route b = routes.get(j);
                if (a.host().equals(b.host()) == sameHost && cross(a, b)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Whether the two cross properly anywhere but in the last step before their ends. */
    public static boolean cross(Route a, Route b) {
        List<HostPlace.Point> p = a.points();
        List<HostPlace.Point> q = b.points();
        if (!overlap(p, q)) {
            return false;
        }
        for (int i = 0; i < p.size() - 2; i++) {
            for (int j = 0; j < q.size() - 2; j++) {
                if (properlyCross(p.get(i), p.get(i + 1), q.get(j), q.get(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean overlap(List<HostPlace.Point> p, List<HostPlace.Point> q) {
        double[] a = bounds(p);
        double[] b = bounds(q);
        return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    }

    private static double[] bounds(List<HostPlace.Point> pts) {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (HostPlace.Point pt : pts) {
            r[0] = Math.min(r[0], pt.x());
            r[1] = Math.min(r[1], pt.y());
            r[2] = Math.max(r[2], pt.x());
            r[3] = Math.max(r[3], pt.y());
        }
        return r;
    }

    private static boolean properlyCross(HostPlace.Point p1, HostPlace.Point p2, HostPlace.Point q1,
                                         HostPlace.Point q2) {
        double d1 = orient(q1, q2, p1);
        double d2 = orient(q1, q2, p2);
        double d3 = orient(p1, p2, q1);
        double d4 = orient(p1, p2, q2);
        return d1 * d2 < -1e-9 && d3 * d4 < -1e-9;
    }

    private static double orient(HostPlace.Point a, HostPlace.Point b, HostPlace.Point c) {
        return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
    }
}
