package io.socketscope.machine;

import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups this machine's sockets by listening port, as people ask about them ("who is on 8080, and who is
 * connected to it"): each port that something listens on gets its listening sockets and the connections
 * accepted on it; every other socket (this machine's own client side) goes to one group of outgoing ones.
 */
public final class SocketGroups {

    /** The key of the group of sockets that belong to no listening port of this machine. */
    public static final String OUTGOING = "outgoing";

    private final Set<String> listening = new HashSet<>();

    /** @param sockets a snapshot: its listening sockets decide which ports are groups */
    public SocketGroups(List<HostSocket> sockets) {
        for (HostSocket s : sockets) {
            if (s.isListening()) {
                listening.add(portKey(s.protocol(), s.localPort()));
            }
        }
    }

    /** Groups in port order (TCP before UDP on one number), the outgoing group last. */
    public static final Comparator<String> ORDER = Comparator.comparing((String g) -> g.equals(OUTGOING))
            .thenComparingInt(g -> g.equals(OUTGOING) ? 0 : Integer.parseInt(g.split(" ")[1]))
            .thenComparing(g -> g);

    /** {@code TCP 8080}, {@code UDP 53}, or {@link #OUTGOING}. */
    public String groupOf(HostSocket s) {
        String key = portKey(s.protocol(), s.localPort());
        return listening.contains(key) ? key : OUTGOING;
    }

    public static String portKey(Protocol protocol, int port) {
        return protocol + " " + port;
    }

    /** The group's title: {@code TCP port 22 · ssh} or {@code Outgoing and other connections}. */
    public static String title(String group) {
        if (group.equals(OUTGOING)) {
            return "Outgoing and other connections";
        }
        String[] parts = group.split(" ");
        Protocol protocol = Protocol.valueOf(parts[0]);
        int port = Integer.parseInt(parts[1]);
        String service = io.socketscope.server.PortInput.wellKnownName(port, protocol);
        return protocol + " port " + port + (service == null ? "" : " · " + service);
    }

    /** The snapshot in group order (ports ascending, TCP before UDP, outgoing last), listeners first in each. */
    public Map<String, List<HostSocket>> grouped(List<HostSocket> sockets) {
        List<HostSocket> sorted = new ArrayList<>(sockets);
        sorted.sort(Comparator.comparing(this::groupOf, ORDER)
                .thenComparing(HostSocket::protocol)
                .thenComparing(s -> !s.isListening())
                .thenComparing(HostSocket::remotePort)
                .thenComparing(HostSocket::localPort));
        Map<String, List<HostSocket>> out = new LinkedHashMap<>();
        for (HostSocket s : sorted) {
            out.computeIfAbsent(groupOf(s), g -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
