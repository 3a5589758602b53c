package io.socketscope.ui.machine;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.SocketGroups;

/** What the This machine view says about a selected row, in plain words, from what the OS told. */
final class MachineWords {

    private MachineWords() {
    }

    static String describe(MachineItem item, boolean ours) {
        if (item.isHeading()) {
            String title = SocketGroups.title(item.group());
            if (item.group().equals(SocketGroups.OUTGOING)) {
                return title + ": sockets whose local port nothing on this machine listens on, mostly this"
                        + " machine's own client side (a browser, an update check), each on an ephemeral port.";
            }
            return title + (ours ? ": SocketScope listens here; Watch this port shows its sockets live."
                    : ": another program listens here. SocketScope cannot attach to another program's sockets;"
                    + " what the operating system tells is listed below it.");
        }
        HostSocket s = item.socket();
        StringBuilder out = new StringBuilder();
        out.append(s.protocol()).append(' ').append(s.local());
        if (s.isListening()) {
            out.append(s.protocol() == io.socketscope.server.Protocol.TCP ? " listens (LISTEN)" : " is bound, unconnected");
        } else {
            out.append(" ↔ ").append(s.remote()).append(", ").append(s.state());
        }
        out.append(". Owner: ");
        if (s.ownerKnown()) {
            out.append(s.process().isEmpty() ? "pid " + s.pid() : s.process() + ", pid " + s.pid());
        } else {
            out.append("the operating system does not tell this user which process owns it (on Linux another"
                    + " user's process needs root to be seen; macOS needs elevated rights). Not guessed.");
        }
        if (!item.ownDescriptor().isEmpty()) {
            out.append(" — SocketScope itself, ").append(item.ownDescriptor()).append(" (as the graph shows it)");
        }
        out.append('.');
        if (!s.service().isEmpty()) {
            out.append(" Well-known service: ").append(s.service()).append('.');
        }
        return out.toString();
    }
}
