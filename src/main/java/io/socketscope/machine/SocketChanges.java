package io.socketscope.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Follows this machine's sockets from one snapshot to the next with TCPView's convention: a socket that
 * appears is marked new for a moment, one that disappears stays marked gone for a moment, then leaves.
 * Pure (the time is passed in); used by one thread.
 */
public final class SocketChanges {

    /** How a row is shown now. */
    public enum Mark { NEW, SAME, GONE }

    /** One socket as shown, with its group and mark. */
    public record Row(HostSocket socket, String group, Mark mark, long since) {
        public String key() {
            return socket.key();
        }
    }

    /** What changed since the last snapshot: rows to add, rows whose content or mark changed, keys to drop. */
    public record Changes(List<Row> added, List<Row> changed, List<Row> removed) {
        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    private final long markNanos;
    private final Map<String, Row> rows = new HashMap<>();

    /** @param markNanos how long a new or gone row keeps its mark */
    public SocketChanges(long markNanos) {
        this.markNanos = markNanos;
    }

    /** Folds in a new snapshot taken at {@code now} (nanoseconds, any origin). */
    public Changes update(List<HostSocket> snapshot, long now) {
        SocketGroups groups = new SocketGroups(snapshot);
        List<Row> added = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        List<Row> removed = new ArrayList<>();
        Map<String, HostSocket> present = new HashMap<>();
        for (HostSocket s : snapshot) {
            present.putIfAbsent(s.key(), s);
        }
        for (HostSocket s : present.values()) {
            String group = groups.groupOf(s);
            Row before = rows.get(s.key());
            if (before == null || !before.group().equals(group)) {
                if (before != null) {
                    removed.add(before); // its port started or stopped listening: it moves group
                }
                Row row = new Row(s, group, Mark.NEW, now);
                rows.put(s.key(), row);
                added.add(row);
            } else if (before.mark() == Mark.GONE) {
                Row row = new Row(s, group, Mark.NEW, now); // back again (the same 5-tuple)
                rows.put(s.key(), row);
                changed.add(row);
            } else if (before.mark() == Mark.NEW && now - before.since() >= markNanos) {
                Row row = new Row(s, group, Mark.SAME, now);
                rows.put(s.key(), row);
                changed.add(row);
            } else if (!before.socket().equals(s)) {
                Row row = new Row(s, group, before.mark(), before.since());
                rows.put(s.key(), row);
                changed.add(row);
            }
        }
        for (Iterator<Row> it = rows.values().iterator(); it.hasNext(); ) {
            Row row = it.next();
            if (present.containsKey(row.key())) {
                continue;
            }
            if (row.mark() != Mark.GONE) {
                Row gone = new Row(row.socket(), row.group(), Mark.GONE, now);
                changed.add(gone);
                rows.put(row.key(), gone);
            } else if (now - row.since() >= markNanos) {
                it.remove();
                removed.add(row);
            }
        }
        return new Changes(added, changed, removed);
    }

    /** Every row shown now (new, same and gone). */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }
}
