package io.socketscope.ui.viewmodel;

import io.socketscope.model.LogEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the event log table, newest first, at most {@link #KEPT}. New entries wait until the next
 * refresh (ten times a second, four in a storm), and an entry is formatted only if it is among the newest
 * the table keeps at that moment: in a storm most lines are counted and never formatted. FX thread only.
 */
final class LogRows {

    /** How many log rows the table keeps (the model's counters stay exact regardless). */
    static final int KEPT = 2000;

    private final ObservableList<LogEntry> rows = FXCollections.observableArrayList();
    /** Entries for the next refresh, newest last, formatted only when the refresh takes them. */
    private final ArrayDeque<Supplier<LogEntry>> pending = new ArrayDeque<>();

    ObservableList<LogEntry> rows() {
        return rows;
    }

    /** Entries of one batch, oldest first: only the newest {@link #KEPT} of them can ever be shown. */
    void offer(List<LogEntry> logged) {
        for (int i = Math.max(0, logged.size() - KEPT); i < logged.size(); i++) {
            int index = i;
            pending.addLast(() -> logged.get(index));
            if (pending.size() > KEPT) {
                pending.removeFirst();
            }
        }
    }

    /** Puts the pending entries at the top of the table, in one removal and one insertion. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<LogEntry> newestFirst = new ArrayList<>(pending.size());
        for (var it = pending.descendingIterator(); it.hasNext(); ) {
            newestFirst.add(it.next().get());
        }
        pending.clear();
        int keep = Math.max(0, Math.min(rows.size(), KEPT - newestFirst.size()));
        if (keep < rows.size()) {
            rows.remove(keep, rows.size());
        }
        rows.addAll(0, newestFirst);
    }
}
