package io.socketscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pure layout arithmetic: no label on top of another, everything inside the graph area. */
class GraphLayoutTest {

    /** The graph area of the 1280×800 window (toolbar, log and status bar take the rest), and smaller ones. */
    @ParameterizedTest
    @CsvSource({"1280, 460", "1280, 600", "1024, 400"})
    void tenHostsAndTwentySocketsFromOneHostNeverOverlap(double width, double height) {
        List<Integer> perHost = new ArrayList<>(List.of(20));
        for (int i = 0; i < 9; i++) {
            perHost.add(1);
        }
        GraphLayout.Result r = GraphLayout.compute(width, height, perHost);
        assertEquals(29, r.slots().size());
        assertEquals(10, r.hosts().size());
        List<GraphLayout.Box> all = new ArrayList<>(r.slots());
        all.addAll(r.hosts());
        GraphLayout.Box port = new GraphLayout.Box(r.portX() - GraphLayout.PORT_RADIUS, r.portY() - GraphLayout.PORT_RADIUS,
                2 * GraphLayout.PORT_RADIUS, 2 * GraphLayout.PORT_RADIUS);
        all.add(port);
        for (int i = 0; i < all.size(); i++) {
            GraphLayout.Box a = all.get(i);
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= width && a.y() + a.height() <= height,
                    a + " lies inside " + width + "x" + height);
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(a.overlaps(all.get(j)), a + " overlaps " + all.get(j));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "3", "12"})
    void aHostSitsLevelWithItsSockets(int sockets) {
        GraphLayout.Result r = GraphLayout.compute(1280, 460, List.of(sockets));
        double middle = r.slots().stream().mapToDouble(GraphLayout.Box::centerY).average().orElseThrow();
        assertEquals(middle, r.hosts().get(0).centerY(), 0.5);
    }
}
