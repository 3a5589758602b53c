package io.socketscope.ui;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.SocketChanges;
import io.socketscope.machine.SocketGroups;

/**
 * One line of the This machine view: a port's group heading ({@code row} null) or one socket under it, with
 * the descriptor SocketScope shows for it when the socket is SocketScope's own (else empty).
 */
record MachineItem(String group, SocketChanges.Row row, String ownDescriptor) {

    static MachineItem heading(String group) {
        return new MachineItem(group, null, "");
    }

    boolean isHeading() {
        return row == null;
    }

    HostSocket socket() {
        return row == null ? null : row.socket();
    }

    String protocol() {
        return isHeading() ? (group.equals(SocketGroups.OUTGOING) ? "" : group.split(" ")[0]) : socket().protocol().name();
    }

    String local() {
        return isHeading() ? SocketGroups.title(group) : socket().local();
    }

    String remote() {
        return isHeading() ? "" : socket().remote();
    }

    String state() {
        return isHeading() ? "" : socket().state();
    }

    String process() {
        return isHeading() ? "" : !socket().ownerKnown() ? "? (not told)" : socket().process();
    }

    /** The pid, or -1 for a heading or an owner the OS did not tell. */
    int pid() {
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
        return switch (row.mark()) {
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
