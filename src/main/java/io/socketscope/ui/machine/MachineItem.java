package io.socketscope.ui.machine;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.SocketChanges;
import io.socketscope.machine.SocketGroups;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of the This machine view: a port's group heading (no row) or one socket under it, with the
 * descriptor SocketScope shows for it when the socket is SocketScope's own (else empty). A socket's state and
 * mark change in place, through {@link #rowProperty()}: replacing a tree item's value would fire an event up
 * the tree for each of thousands of rows whose "new" mark ends at once.
 */
public final class MachineItem {

    private final String group;
    private final String ownDescriptor;
    private final ReadOnlyObjectWrapper<SocketChanges.Row> row;

    MachineItem(String group, SocketChanges.Row row, String ownDescriptor) {
        this.group = group;
        this.ownDescriptor = ownDescriptor;
        this.row = new ReadOnlyObjectWrapper<>(this, "row", row);
    }

    static MachineItem heading(String group) {
        return new MachineItem(group, null, "");
    }

    public String group() {
        return group;
    }

    public String ownDescriptor() {
        return ownDescriptor;
    }

    ReadOnlyObjectProperty<SocketChanges.Row> rowProperty() {
        return row.getReadOnlyProperty();
    }

    void update(SocketChanges.Row now) {
        row.set(now);
    }

    boolean isHeading() {
        return row.get() == null;
    }

    public HostSocket socket() {
        return row.get() == null ? null : row.get().socket();
    }

    String protocol() {
        return isHeading() ? "" : socket().protocol().name();
    }

    public String local() {
        return isHeading() ? SocketGroups.title(group) : socket().local();
    }

    String remote() {
        return isHeading() ? "" : socket().remote();
    }

    public String state() {
        return isHeading() ? "" : socket().state();
    }

    public String process() {
        return isHeading() ? "" : !socket().ownerKnown() ? "? (not told)" : socket().process();
    }

    /** The pid, or -1 for a heading or an owner the OS did not tell. */
    public int pid() {
        return isHeading() ? -1 : socket().pid();
    }

    String service() {
        return isHeading() ? "" : socket().service();
    }

    /** In words, so colour is never the only sign: {@code new}, {@code gone} or empty. */
    String change() {
        if (isHeading()) {
            return "";
        }
        return switch (row.get().mark()) {
            case NEW -> "new";
            case GONE -> "gone";
            case SAME -> "";
        };
    }

    /** What the filter words are matched against. */
    String haystack() {
        return isHeading() ? local() : String.join(" ", protocol(), local(), remote(), state(), process(),
                "pid " + pid(), service(), ownDescriptor, ownDescriptor.isEmpty() ? "" : "socketscope", change());
    }
}
