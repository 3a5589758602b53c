package io.socketscope.ui.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.SocketChanges;
import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The This machine view's time-boxed slices, with a clock the test moves: order kept, time box kept, always ends. */
class ChangeSlicesTest {

    private final List<String> applied = new ArrayList<>();
    private long now;
    /** How much the clock moves for each row applied. */
    private long nanosPerRow = 1_000;

    private final ChangeSlices slices = new ChangeSlices(new ChangeSlices.Target() {
        @Override
        public void remove(List<SocketChanges.Row> rows) {
            record("-", rows);
        }

        @Override
        public void change(List<SocketChanges.Row> rows) {
            record("~", rows);
        }

        @Override
        public void add(List<SocketChanges.Row> rows) {
            record("+", rows);
        }
    }, () -> now);

    private void record(String what, List<SocketChanges.Row> rows) {
        rows.forEach(r -> applied.add(what + r.socket().localPort()));
        now += nanosPerRow * rows.size();
    }

    @Test
    void appliesEachRefreshsRemovalsThenChangesThenAdditionsAndRefreshesInTheOrderTheyCame() {
        slices.offer(changes(rows(1, 2), rows(3), rows(4)));
        slices.offer(changes(rows(5), rows(), rows(6)));
        assertEquals(6, slices.applyFor(1_000_000_000L));
        assertEquals(List.of("-4", "~3", "+1", "+2", "-6", "+5"), applied);
        assertTrue(slices.isEmpty());
    }

    @Test
    void stopsWhenItsTimeIsSpentAndGoesOnFromThereAtTheNextSlice() {
        // 20,000 rows losing their mark at once, at 1 us a row: an 8 ms slice takes about 8,000 of them.
        slices.offer(changes(rows(), rangeOf(20_000), rows()));
        int first = slices.applyFor(8_000_000L);
        assertTrue(first >= 8_000 && first <= 8_000 + ChangeSlices.ROWS_PER_STEP, "first slice took " + first);
        assertFalse(slices.isEmpty());
        int second = slices.applyFor(8_000_000L);
        int third = slices.applyFor(8_000_000L);
        assertEquals(20_000, first + second + third);
        assertTrue(slices.isEmpty());
        assertEquals(IntStream.range(0, 20_000).mapToObj(i -> "~" + i).toList(), applied, "each row once, in order");
    }

    @Test
    void takesAtLeastOneStepASliceEvenWhenOneStepOutlastsTheTimeBox() {
        nanosPerRow = 1_000_000; // a very slow machine: 50 ms a step
        slices.offer(changes(rows(), rows(), rangeOf(120)));
        assertEquals(ChangeSlices.ROWS_PER_STEP, slices.applyFor(8_000_000L));
        assertEquals(ChangeSlices.ROWS_PER_STEP, slices.applyFor(8_000_000L));
        assertEquals(20, slices.applyFor(8_000_000L));
        assertTrue(slices.isEmpty());
    }

    @Test
    void anEmptyRefreshLeavesNothingWaitingAndASliceWithNothingWaitingAppliesNothing() {
        slices.offer(changes(rows(), rows(), rows()));
        assertTrue(slices.isEmpty());
        assertEquals(0, slices.applyFor(8_000_000L));
        assertEquals(List.of(), applied);
    }

    private static SocketChanges.Changes changes(List<SocketChanges.Row> added, List<SocketChanges.Row> changed,
                                                 List<SocketChanges.Row> removed) {
        return new SocketChanges.Changes(added, changed, removed);
    }

    private static List<SocketChanges.Row> rows(int... ports) {
        return IntStream.of(ports).mapToObj(ChangeSlicesTest::row).toList();
    }

    private static List<SocketChanges.Row> rangeOf(int n) {
        return IntStream.range(0, n).mapToObj(ChangeSlicesTest::row).toList();
    }

    private static SocketChanges.Row row(int port) {
        return new SocketChanges.Row(socket(port), "TCP " + port, SocketChanges.Mark.SAME, 0);
    }

    private static HostSocket socket(int port) {
        return new HostSocket(Protocol.TCP, false, "127.0.0.1", port, "127.0.0.1", 40000, "ESTABLISHED", 1, "java");
    }
}
