package io.socketscope.ui.sockets;

import io.socketscope.model.LogFilter;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import java.util.function.Predicate;

/**
 * The Sockets table's view-model: one {@link SocketRow} per open socket and live UDP flow, kept in step with
 * the model one batch at a time. TCPView's convention: a new row is marked new for {@link #NEW_NANOS}, a
 * closed one stays marked closed for {@link #CLOSED_NANOS}, then leaves. Works without a toolkit (its clock
 * is injected), so tests drive it directly.
 */
public final class SocketsTableModel {

    static final long NEW_NANOS = 1_000_000_000L;
    static final long CLOSED_NANOS = 1_500_000_000L;
    /** Past this many closed rows waiting to leave (a storm), further closed rows leave at once. */
    static final int MAX_LINGERING = 200;
    /** Past this many rows gone in one go, the list is replaced rather than edited row by row. */
    static final int BULK = 64;

    private final LongSupplier clock;
    private final ObservableList<SocketRow> rows = FXCollections.observableArrayList();
    private final FilteredList<SocketRow> shown = new FilteredList<>(rows);
    private final Map<Long, SocketRow> byId = new HashMap<>();
    /** Every open socket's latest figures, in arrival order, whether or not rows are kept. */
    private final Map<Long, SocketInfo> latest = new java.util.LinkedHashMap<>();
    private boolean live;
    private final Map<String, String> names = new HashMap<>();
    private final List<SocketRow> fresh = new ArrayList<>();
    private final List<SocketRow> lingering = new ArrayList<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Predicate<SocketRow>> predicate = new SimpleObjectProperty<>(this, "predicate");

    public SocketsTableModel(LongSupplier nanoClock) {
        this.clock = nanoClock;
        filter.addListener((obs, was, now) -> predicate.set(matching(now)));
        shown.predicateProperty().bind(predicate);
    }

    /** The rows that pass the filter, in arrival order (the view sorts them). */
    ObservableList<SocketRow> shown() {
        return shown;
    }

    /** Open sockets and live flows now (rows or not). */
    int openCount() {
        return latest.size();
    }

    /** Every row, filtered or not. */
    List<SocketRow> rows() {
        return rows;
    }

    SocketRow row(long id) {
        return byId.get(id);
    }

    /** The filter words, with the event log's rules ({@code 127.0.1.7}, {@code fd 23}, {@code closed}). */
    StringProperty filterProperty() {
        return filter;
    }

    private static Predicate<SocketRow> matching(String text) {
        return text == null || text.isBlank() ? null
                : LogFilter.matching(text, SocketRow::haystack, SocketRow::descriptor);
    }

    /**
     * Rows are kept only while the table is shown: hidden, the model keeps each open socket's latest
     * figures (a map entry), and showing it builds the rows once. A storm or a release of thousands then
     * costs a hidden table nothing but map updates.
     */
    void setLive(boolean on) {
        if (on == live) {
            return;
        }
        live = on;
        byId.clear();
        fresh.clear();
        lingering.clear();
        if (!on) {
            rows.clear();
            return;
        }
        long now = clock.getAsLong();
        List<SocketRow> all = new ArrayList<>(latest.size());
        for (SocketInfo info : latest.values()) {
            SocketRow row = new SocketRow(info, now);
            row.setStatus(SocketRow.Status.OPEN, now);
            row.setHostName(names.getOrDefault(info.host(), ""));
            byId.put(row.id(), row);
            all.add(row);
        }
        rows.setAll(all);
    }

    /** Applies one batch of the model's changes: new rows, new figures, closed rows marked. */
    public void apply(ScopeModel.Change change) {
        Set<Long> closedNow = new HashSet<>();
        for (SocketInfo closed : change.closed()) {
            closedNow.add(closed.id());
        }
        for (SocketInfo opened : change.opened()) {
            if (!closedNow.contains(opened.id())) {
                latest.put(opened.id(), opened);
            }
        }
        for (SocketInfo updated : change.updated()) {
            latest.computeIfPresent(updated.id(), (id, was) -> updated);
        }
        for (SocketInfo closed : change.closed()) {
            latest.remove(closed.id());
        }
        if (live) {
            applyToRows(change, closedNow);
        }
    }

    private void applyToRows(ScopeModel.Change change, Set<Long> closedNow) {
        long now = clock.getAsLong();
        List<SocketRow> added = new ArrayList<>();
        for (SocketInfo opened : change.opened()) {
            // Opened and closed within one batch: in the log and counts, never a row (as in the graph).
            if (!closedNow.contains(opened.id()) && !byId.containsKey(opened.id())) {
                SocketRow row = new SocketRow(opened, now);
                row.setHostName(names.getOrDefault(opened.host(), ""));
                byId.put(row.id(), row);
                added.add(row);
                fresh.add(row);
            }
        }
        rows.addAll(added);
        for (SocketInfo updated : change.updated()) {
            SocketRow row = byId.get(updated.id());
            if (row != null) {
                row.update(updated);
            }
        }
        Set<SocketRow> gone = new HashSet<>();
        for (SocketInfo closed : change.closed()) {
            SocketRow row = byId.remove(closed.id());
            if (row == null) {
                continue;
            }
            row.update(closed);
            if (lingering.size() < MAX_LINGERING) {
                row.setStatus(SocketRow.Status.CLOSED, now);
                lingering.add(row);
            } else {
                gone.add(row);
            }
        }
        remove(gone);
    }

    /**
     * Takes rows off the list: a few one by one, many (a release of thousands) in one replacement, since
     * a sorted view pays for each removal with a pass over all its rows.
     */
    private void remove(Set<SocketRow> gone) {
        if (gone.isEmpty()) {
            return;
        }
        if (gone.size() <= BULK) {
            rows.removeAll(gone);
        } else {
            List<SocketRow> keep = new ArrayList<>(Math.max(0, rows.size() - gone.size()));
            for (SocketRow row : rows) {
                if (!gone.contains(row)) {
                    keep.add(row);
                }
            }
            rows.setAll(keep);
        }
    }

    /** Called on a timer: new rows turn normal, closed rows leave when their moment is over. */
    public void tick() {
        long now = clock.getAsLong();
        fresh.removeIf(row -> {
            if (row.status() != SocketRow.Status.NEW) {
                return true;
            }
            if (now - row.statusSince >= NEW_NANOS) {
                row.setStatus(SocketRow.Status.OPEN, now);
                return true;
            }
            return false;
        });
        Set<SocketRow> leaving = new HashSet<>();
        lingering.removeIf(row -> {
            if (now - row.statusSince >= CLOSED_NANOS) {
                leaving.add(row);
                return true;
            }
            return false;
        });
        remove(leaving);
    }

    /** A reverse-DNS name arrived: shown on that host's rows, and on its rows to come. */
    public void hostNamed(String ip, String name) {
        if (names.size() > 10_000) {
            names.clear();
        }
        names.put(ip, name);
        for (SocketRow row : byId.values()) {
            if (row.clientIp().equals(ip)) {
                row.setHostName(name);
            }
        }
    }
}
