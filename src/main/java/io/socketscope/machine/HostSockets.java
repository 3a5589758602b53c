package io.socketscope.machine;

import io.socketscope.server.Endpoint;
import io.socketscope.server.Protocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads every TCP and UDP socket of this machine with its owning process, through OSHI (which asks each
 * operating system its own way: /proc on Linux, the system's tables on macOS and Windows). Blocking: call it
 * off the FX thread. Not thread-safe; one reader per thread.
 */
public final class HostSockets {

    private final OperatingSystem os;
    /** Process names by pid, kept between reads: a pid's name is read once while it lives. */
    private Map<Integer, String> names = new HashMap<>();

    public HostSockets() {
        this.os = new SystemInfo().getOperatingSystem();
    }

    /** This machine's sockets now; an empty list (never an exception) when the OS cannot be asked. */
    public List<HostSocket> read() {
        List<InternetProtocolStats.IPConnection> connections;
        try {
            connections = os.getInternetProtocolStats().getConnections();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
        Map<Integer, String> seen = new HashMap<>();
        List<HostSocket> out = new ArrayList<>(connections.size());
        for (InternetProtocolStats.IPConnection c : connections) {
            String type = c.getType().toLowerCase(Locale.ROOT);
            Protocol protocol = type.startsWith("udp") ? Protocol.UDP : Protocol.TCP;
            int pid = c.getowningProcessId();
            String name = pid < 0 ? "" : seen.computeIfAbsent(pid, this::nameOf);
            String state = protocol == Protocol.TCP ? stateName(c.getState())
                    : c.getForeignPort() == 0 ? "UNCONNECTED" : "CONNECTED";
            out.add(new HostSocket(protocol, type.endsWith("6"), ip(c.getLocalAddress()), c.getLocalPort(),
                    ip(c.getForeignAddress()), c.getForeignPort(), state, pid, name));
        }
        names = seen; // forget the pids that have gone
        return out;
    }

    /** The pid of this program, as the OS numbers it. */
    public static int ownPid() {
        return (int) ProcessHandle.current().pid();
    }

    private String nameOf(int pid) {
        String known = names.get(pid);
        if (known != null) {
            return known;
        }
        try {
            OSProcess p = os.getProcess(pid);
            return p == null ? "" : p.getName();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String stateName(InternetProtocolStats.TcpState state) {
        return state == null || state == InternetProtocolStats.TcpState.NONE ? "UNKNOWN" : state.name();
    }

    /** Raw address bytes as people write them; an IPv4-mapped IPv6 address as the IPv4 it stands for. */
    private static String ip(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return "0.0.0.0";
        }
        try {
            return Endpoint.formatAddress(InetAddress.getByAddress(raw));
        } catch (UnknownHostException e) {
            return "?";
        }
    }
}
