package io.socketscope.ui.machine;

import io.socketscope.machine.SocketChanges;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Refreshes of the This machine view waiting to be applied, a time-boxed slice a pulse: each refresh's
 * removals, then its changes, then its additions, in order, a few rows at a time until the slice's time is
 * spent. A busy machine can hand over tens of thousands of rows in one refresh (every new row losing its
 * mark at once, thousands of TIME_WAIT sockets leaving); a fixed count of rows a pulse still costs more on a
 * slow or loaded machine, so the clock decides. At least one step is taken a slice, so the work always ends.
 */
final class ChangeSlices {

    /** What applying rows means for the view (FX thread). */
    interface Target {
        void remove(List<SocketChanges.Row> rows);

        void change(List<SocketChanges.Row> rows);

        void add(List<SocketChanges.Row> rows);
    }

    /** How many rows one step applies between two looks at the clock. */
    static final int ROWS_PER_STEP = 50;

    private final ArrayDeque<Cursor> pending = new ArrayDeque<>();
    private final Target target;
    private final LongSupplier clock;

    /** @param clock nanoseconds, any origin ({@code System::nanoTime}) */
    ChangeSlices(Target target, LongSupplier clock) {
        this.target = target;
        this.clock = clock;
    }

    /** Queues one refresh's changes behind the ones already waiting. */
    void offer(SocketChanges.Changes changes) {
        if (!changes.isEmpty()) {
            pending.add(new Cursor(changes));
        }
    }

    /** Whether every refresh offered so far is applied. */
    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Applies rows in order for about {@code nanos}, at least one step when any wait; returns how many rows it
     * applied.
     */
    int applyFor(long nanos) {
        if (pending.isEmpty()) {
            return 0;
        }
        long deadline = clock.getAsLong() + nanos;
        int applied = 0;
        do {
            Cursor c = pending.peek();
            applied += c.step(target);
            if (c.done()) {
                pending.poll();
            }
        } while (!pending.isEmpty() && clock.getAsLong() - deadline < 0);
        return applied;
    }

    /** How far one refresh's rows are applied: its phases in order (removed, changed, added) and the index. */
    private static final class Cursor {
        private final List<List<SocketChanges.Row>> phases;
        private int phase;
        private int next;

        Cursor(SocketChanges.Changes changes) {
            this.phases = List.of(changes.removed(), changes.changed(), changes.added());
            skipEmptyPhases();
        }

        int step(Target target) {
            List<SocketChanges.Row> rows = phases.get(phase);
            int upTo = Math.min(rows.size(), next + ROWS_PER_STEP);
            List<SocketChanges.Row> slice = rows.subList(next, upTo);
            switch (phase) {
                case 0 -> target.remove(slice);
                case 1 -> target.change(slice);
                default -> target.add(slice);
            }
            next = upTo;
            skipEmptyPhases();
            return slice.size();
        }

        boolean done() {
            return phase == phases.size();
        }

        private void skipEmptyPhases() {
            while (phase < phases.size() && next == phases.get(phase).size()) {
                phase++;
                next = 0;
            }
        }
    }
}
