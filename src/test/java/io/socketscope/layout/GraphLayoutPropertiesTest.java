package io.socketscope.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layout's invariants over every combination of ports, hosts, sockets per host and graph size that a
 * classroom or a load test brings: nothing overlaps, everything lies inside, edges of different hosts
 * never cross or run under another host's labels, and hosts stay put when one comes or goes.
 */
class GraphLayoutPropertiesTest {

    /** The smallest graph area, the default window's (1280 x 800 with the side panel and the log), and a large one. */
    private static final double[][] SIZES = {{800, 400}, {946, 487}, {1400, 700}};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int ports : new int[] {1, 3, 8}) {
            for (int hosts : new int[] {1, 3, 10, 30, 100, 300}) {
                for (int sockets : new int[] {1, 3, 6, 20, 200}) {
                    for (double[] size : SIZES) {
                        out.add(Arguments.of(ports, hosts, sockets, size[0], size[1]));
                    }
                }
            }
        }
        return out.stream();
    }

    /**
     * As the scene asks: up to 12 sockets each get a label, spread over the ports (in the order of their ports);
     * more are one bundle per port.
     */
    static HostDemand demand(int place, int sockets, int ports) {
        List<Integer> items = new ArrayList<>();
        boolean bundled = sockets > 12;
        int labels = bundled ? Math.min(ports, sockets) : sockets;
        for (int i = 0; i < labels; i++) {
            items.add((place + i) % ports);
        }
        items.sort(null);
        return new HostDemand("10.0." + place / 250 + "." + place % 250, place, items, bundled ? labels : 0);
    }

    static List<HostDemand> hosts(int count, int sockets, int ports) {
        List<HostDemand> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            out.add(demand(p, sockets, ports));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} ports, {1} hosts x {2} sockets in {3}x{4}")
    @MethodSource("cases")
    void nothingOverlapsAndEverythingIsInside(int ports, int hostCount, int sockets, double w, double h) {
        Layout layout = GraphLayout.compute(w, h, ports, hosts(hostCount, sockets, ports));
        List<Box> boxes = allBoxes(layout);
        Box world = new Box(0, 0, w, h);
        for (int i = 0; i < boxes.size(); i++) {
            assertTrue(world.contains(boxes.get(i)), boxes.get(i) + " inside " + w + "x" + h);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
        assertEquals(ports, layout.ports().size());
        int drawn = layout.hosts().size() + (layout.group() == null ? 0 : layout.group().keys().size());
        assertEquals(hostCount, drawn, "every host is drawn or counted in the group");
        if (layout.detail() == Detail.GROUPED) {
            assertFalse(layout.group().keys().isEmpty());
        } else {
            assertNull(layout.group());
        }
    }

    @ParameterizedTest(name = "{0} ports, {1} hosts x {2} sockets in {3}x{4}")
    @MethodSource("cases")
    void edgesOfDifferentHostsNeitherCrossNorRunUnderOtherLabels(int ports, int hostCount, int sockets, double w,
                                                                 double h) {
        List<HostDemand> demands = hosts(hostCount, sockets, ports);
        Layout layout = GraphLayout.compute(w, h, ports, demands);
        for (HostPlace host : layout.hosts()) {
            HostDemand d = demands.stream().filter(x -> x.key().equals(host.key())).findFirst().orElseThrow();
            if (host.detail() == Detail.COMPACT) {
                assertTrue(host.slots().isEmpty(), "a counted row has no labels");
            } else {
                assertEquals(d.items(), host.slots().size(), "a label or a mark for every item");
            }
        }
        List<EdgeRoutes.Route> curves = EdgeRoutes.of(layout, demands);
        // No curve runs through a box that is not its own host, label or port.
        for (EdgeRoutes.Route c : curves) {
            HostPlace own = layout.host(c.host());
            for (Box b : allBoxes(layout)) {
                boolean mine = b.equals(own.box()) || own.slots().contains(b)
                        || (c.port() >= 0 && b.equals(layout.ports().get(c.port())));
                if (!mine) {
                    for (HostPlace.Point p : c.points()) {
                        assertFalse(p.x() > b.x() + 0.5 && p.x() < b.right() - 0.5 && p.y() > b.y() + 0.5
                                && p.y() < b.bottom() - 0.5, c.host() + "'s edge runs under " + b);
                    }
                }
            }
        }
        // Edges of different hosts to the same port from the same side never cross.
        for (int i = 0; i < curves.size(); i++) {
            for (int j = i + 1; j < curves.size(); j++) {
                EdgeRoutes.Route a = curves.get(i);
                EdgeRoutes.Route b = curves.get(j);
                if (!a.host().equals(b.host()) && a.port() >= 0 && a.port() == b.port()
                        && layout.host(a.host()).side() == layout.host(b.host()).side() && EdgeRoutes.cross(a, b)) {
                    fail(a.host() + " and " + b.host() + " cross on their way to port " + a.port());
                }
            }
        }
        // One host's own edges never cross each other: its items come in the order of their ports.
        assertEquals(0, EdgeRoutes.crossings(curves, true), "crossings between edges of one host");
    }

    @ParameterizedTest(name = "{0} ports, {1} hosts x {2} sockets in {3}x{4}")
    @MethodSource("cases")
    void aNewHostMovesNoOneAndALeavingHostMovesOnlyThoseBelowIt(int ports, int hostCount, int sockets, double w,
                                                                 double h) {
        List<HostDemand> before = hosts(hostCount, sockets, ports);
        Layout was = GraphLayout.compute(w, h, ports, before);
        List<HostDemand> more = new ArrayList<>(before);
        more.add(demand(hostCount, sockets, ports));
        Layout grown = GraphLayout.compute(w, h, ports, more);
        if (sameLevels(was, grown)) {
            for (HostPlace host : was.hosts()) {
                HostPlace now = grown.host(host.key());
                if (now != null) { // in a grouped layout, the newcomer may push the last one into the group
                    assertEquals(host.box(), now.box(), host.key() + " stays where it was when a host arrives");
                }
            }
        }
        if (hostCount < 2) {
            return;
        }
        int leaving = hostCount / 2;
        List<HostDemand> fewer = new ArrayList<>(before);
        HostDemand gone = fewer.remove(leaving);
        Layout shrunk = GraphLayout.compute(w, h, ports, fewer);
        if (!sameLevels(was, shrunk)) {
            return;
        }
        HostPlace goneAt = was.host(gone.key());
        Detail goneLevel = goneAt == null ? Detail.COMPACT : goneAt.detail();
        double allowed = Metrics.blockHeight(goneLevel, gone.items()) + 2 * Metrics.BLOCK_GAP + 1e-6;
        for (HostPlace host : was.hosts()) {
            HostPlace now = shrunk.host(host.key());
            if (now == null || host.key().equals(gone.key())) {
                continue;
            }
            assertEquals(host.side(), now.side(), host.key() + " keeps its side");
            assertEquals(host.box().x(), now.box().x(), host.key() + " keeps its column");
            double move = Math.abs(host.box().y() - now.box().y());
            assertTrue(move <= allowed, host.key() + " moved " + move + " px, at most " + allowed);
        }
    }

    /** Whether every host drawn in both layouts is drawn at the same detail (else the picture is a new one). */
    static boolean sameLevels(Layout a, Layout b) {
        if (a.detail() != b.detail()) {
            return false;
        }
        for (HostPlace h : a.hosts()) {
            HostPlace o = b.host(h.key());
            if (o != null && o.detail() != h.detail()) {
                return false;
            }
        }
        return true;
    }

    /** The classroom: 30 phones with up to 3 sockets each are all drawn in the 1280×800 window's graph area. */
    @Test
    void thirtyPhonesWithThreeSocketsEachAreAllDrawnInTheDefaultWindow() {
        Layout layout = GraphLayout.compute(946, 487, 1, hosts(30, 3, 1));
        assertNotEquals(Detail.GROUPED, layout.detail());
        assertEquals(30, layout.hosts().size());
    }

    @Test
    void placesAreTheLowestFreeAndSurviveOthersLeaving() {
        PlaceBook book = new PlaceBook();
        assertEquals(0, book.placeOf("a"));
        assertEquals(1, book.placeOf("b"));
        assertEquals(2, book.placeOf("c"));
        book.release("b");
        assertEquals(0, book.placeOf("a"));
        assertEquals(2, book.placeOf("c"), "c keeps its place when b leaves");
        assertEquals(1, book.placeOf("d"), "a newcomer takes the lowest free place");
        assertEquals(3, book.placeOf("e"));
        assertEquals(4, book.size());
    }

    @Test
    void eightPortsStackAsBoxesInTheSmallestArea() {
        Layout layout = GraphLayout.compute(800, 400, 8, hosts(3, 1, 8));
        for (int i = 1; i < 8; i++) {
            assertTrue(layout.ports().get(i).y() >= layout.ports().get(i - 1).bottom(), "port " + i + " below the last");
            assertTrue(layout.ports().get(i).height() >= Metrics.PILL_MIN_HEIGHT);
        }
        Layout one = GraphLayout.compute(800, 400, 1, hosts(3, 1, 1));
        assertEquals(Metrics.DISC_MAX, one.ports().get(0).height(), "a single port is a full-size disc");
    }

    static List<Box> allBoxes(Layout layout) {
        List<Box> boxes = new ArrayList<>(layout.ports());
        for (HostPlace host : layout.hosts()) {
            boxes.add(host.box());
            boxes.addAll(host.slots());
        }
        if (layout.group() != null) {
            boxes.add(layout.group().box());
        }
        boxes.add(layout.caption());
        return boxes;
    }

    @Test
    void withNoHostYetThePortsStandInTheMiddle() {
        for (double[] size : new double[][] {{800, 400}, {946, 487}, {1400, 700}}) {
            for (int ports : new int[] {1, 3, 8}) {
                Layout layout = GraphLayout.compute(size[0], size[1], ports, java.util.List.of());
                for (Box port : layout.ports()) {
                    double middle = port.x() + port.width() / 2;
                    org.junit.jupiter.api.Assertions.assertEquals(size[0] / 2, middle, 1.0,
                            ports + " ports in " + size[0] + " x " + size[1] + ": " + port);
                }
            }
        }
    }
}
