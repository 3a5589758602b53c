package io.socketscope.machine;

import java.util.List;
import java.util.Map;

/**
 * This machine's sockets as a plain text table, grouped by listening port like the window's This machine
 * view (for {@code --headless --host-sockets} and scripts, in the spirit of {@code ss -tanp}).
 */
public final class HostSocketsText {

    private HostSocketsText() {
    }

    /** The table; {@code ownPid}'s sockets are marked as SocketScope's own. */
    public static String format(List<HostSocket> sockets, int ownPid) {
        String row = "%-5s %-12s %-46s %-46s %-7s %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(row, "Proto", "State", "Local", "Remote", "Pid", "Process / service"));
        SocketGroups groups = new SocketGroups(sockets);
        boolean hidden = false;
        for (Map.Entry<String, List<HostSocket>> group : groups.grouped(sockets).entrySet()) {
            out.append("# ").append(SocketGroups.title(group.getKey())).append('\n');
            for (HostSocket s : group.getValue()) {
                hidden |= !s.ownerKnown();
                String who = !s.ownerKnown() ? "?" : (s.process().isEmpty() ? "" : s.process())
                        + (s.pid() == ownPid ? " (SocketScope itself)" : "");
                String service = s.service().isEmpty() ? "" : " · " + s.service();
                out.append(String.format(row, s.protocol(), s.state(), s.local(), s.remote(),
                        s.ownerKnown() ? Integer.toString(s.pid()) : "?", who + service));
            }
        }
        out.append(String.format("%,d %s%n", sockets.size(), sockets.size() == 1 ? "socket" : "sockets"));
        if (sockets.isEmpty()) {
            out.append("The operating system did not tell this program its socket table (no permission, or a"
                    + " system SocketScope cannot ask); nothing is guessed.\n");
        }
        if (hidden) {
            out.append("? = the operating system does not tell this user which process owns the socket"
                    + " (other users' processes; run as administrator to see them).\n");
        }
        return out.toString();
    }
}
