package io.socketscope.layout;

import static io.socketscope.layout.GraphLayoutPropertiesTest.hosts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classroom's detail ({@link Detail#MARKS}): every socket of a host drawn as its own mark with its own lane
 * and edge, at legible size, and the richest detail picked for the default window's graph area (946 x 487 in a
 * 1280 x 800 window with the side panel and the log shown).
 */
class MarksLayoutTest {

    static final double W = 946;
    static final double H = 487;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int ports : new int[] {1, 3, 8}) {
            for (int hosts : new int[] {1, 10, 30, 100}) {
                for (int sockets : new int[] {1, 3, 6, 20}) {
                    for (double[] size : new double[][] {{800, 400}, {W, H}, {1400, 700}, {W * 1.5625, H * 1.5625}}) {
                        out.add(Arguments.of(ports, hosts, sockets, size[0], size[1]));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ports, {1} hosts x {2} sockets in {3}x{4}")
    @MethodSource("cases")
    void everyMarkIsLegibleOnALaneOfItsOwnThatPassesTheHostsOtherMarks(int ports, int hostCount, int sockets,
                                                                        double w, double h) {
        List<HostDemand> demands = hosts(hostCount, sockets, ports);
        Layout layout = GraphLayout.compute(w, h, ports, demands);
        for (HostPlace host : layout.hosts()) {
            if (host.detail() != Detail.MARKS) {
                continue;
            }
            List<Box> marks = host.slots();
            assertTrue(marks.size() <= sockets, "no more marks than sockets");
            for (int i = 0; i < marks.size(); i++) {
                Box m = marks.get(i);
                assertTrue(m.height() >= Metrics.MARK_HEIGHT && m.width() >= Metrics.MARK_WIDTH, "a mark at legible size: " + m);
                HostPlace.Point from = host.from(m);
                assertTrue(from.y() > host.box().y() && from.y() < host.box().bottom(), "its lane leaves the host's box");
                for (int j = 0; j < marks.size(); j++) {
                    if (j == i) {
                        continue;
                    }
                    Box other = marks.get(j);
                    assertTrue(Math.abs(m.centerY() - other.centerY()) >= Metrics.MARK_HEIGHT / 2 - 1e-9,
                            host.key() + ": the lane of mark " + i + " passes mark " + j + " above or below it");
                    assertTrue(Math.abs(m.x() - other.x()) >= m.width(), "marks stand side by side, not on each other");
                }
            }
        }
    }

    @Test
    void tenPhonesOfThreeSocketsGetFullLabelsInTheDefaultWindow() {
        Layout layout = GraphLayout.compute(W, H, 1, hosts(10, 3, 1));
        assertEquals(Detail.FULL, layout.detail());
        assertEquals(30, layout.hosts().stream().mapToInt(p -> p.slots().size()).sum());
    }

    @Test
    void thirtyPhonesOfThreeSocketsGetAMarkPerSocketInTheDefaultWindow() {
        Layout layout = GraphLayout.compute(W, H, 1, hosts(30, 3, 1));
        assertEquals(Detail.MARKS, layout.detail());
        assertEquals(30, layout.hosts().size());
        assertTrue(layout.hosts().stream().allMatch(p -> p.detail() == Detail.MARKS), "every phone has its marks");
        assertEquals(90, layout.hosts().stream().mapToInt(p -> p.slots().size()).sum());
    }

    @Test
    void largerClassesAggregateAndZoomingInOpensThemAgain() {
        Layout sixEach = GraphLayout.compute(W, H, 1, hosts(30, 6, 1));
        assertEquals(Detail.COMPACT, sixEach.detail(), "30 phones x 6 are counted rows at Fit");
        Layout zoomed = GraphLayout.compute(W * 1.953125, H * 1.953125, 1, hosts(30, 6, 1));
        assertTrue(zoomed.detail() == Detail.FULL || zoomed.detail() == Detail.MARKS, "zoomed in, they open: " + zoomed.detail());
        assertTrue(zoomed.hosts().stream().allMatch(p -> p.slots().size() == 6), "every socket drawn at 195%");
        assertEquals(Detail.GROUPED, GraphLayout.compute(W, H, 1, hosts(300, 3, 1)).detail());
        Layout marksZoomed = GraphLayout.compute(W * 1.5625, H * 1.5625, 1, hosts(30, 3, 1));
        assertTrue(marksZoomed.hosts().stream().allMatch(p -> p.detail() == Detail.FULL
                || p.slots().stream().allMatch(m -> m.width() >= Metrics.MARK_WIDE_WIDTH)),
                "at 156% the marks have room for the client's port, or the labels are full");
    }

    @Test
    void anOpenedHostGetsFullLabelsAndTheOthersMakeRoom() {
        List<HostDemand> demands = hosts(30, 3, 1);
        String opened = demands.get(7).key();
        Layout layout = GraphLayout.compute(W, H, 1, demands, opened);
        HostPlace open = layout.host(opened);
        assertEquals(Detail.FULL, open.detail());
        assertEquals(3, open.slots().size());
        assertEquals(30, layout.hosts().size(), "no host went into a group");
        List<Box> boxes = GraphLayoutPropertiesTest.allBoxes(layout);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertTrue(!boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
        // Only hosts on the opened one's side make room for it: the other side keeps every mark.
        long otherSide = layout.hosts().stream().filter(p -> p.side() != open.side() && p.detail() == Detail.MARKS).count();
        assertEquals(15, otherSide, "the other side's hosts keep their marks");
    }

    @Test
    void aHostsSocketsOnSeveralPortsReachThemWithoutCrossing() {
        for (int ports : new int[] {2, 3, 8}) {
            List<HostDemand> demands = new ArrayList<>();
            for (int p = 0; p < 12; p++) {
                List<Integer> items = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    items.add((p * 5 + i * 3) % ports);
                }
                items.sort(null);
                demands.add(new HostDemand("10.1.0." + p, p, items));
            }
            for (double[] size : new double[][] {{W, H}, {1400, 700}}) {
                Layout layout = GraphLayout.compute(size[0], size[1], ports, demands);
                List<EdgeRoutes.Route> routes = EdgeRoutes.of(layout, demands);
                assertEquals(0, EdgeRoutes.crossings(routes, true), ports + " ports: crossings within one host's edges");
                // Between hosts, edges to different ports may cross; the bound: fewer crossings than pairs of hosts
                // on one side times their edges, i.e. far from every pair crossing.
                int between = EdgeRoutes.crossings(routes, false);
                assertTrue(between <= routes.size() * 6, ports + " ports: " + between + " crossings between hosts");
            }
        }
    }
}
