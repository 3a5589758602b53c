package io.socketscope.machine;

import io.socketscope.server.PortInput;
import io.socketscope.server.Protocol;

/**
 * One socket of this machine as the operating system reports it (any program's, not only SocketScope's).
 *
 * @param localIp    the local address as people write it ({@code 0.0.0.0}, {@code ::}, {@code 127.0.0.1})
 * @param remoteIp   the peer's address, or the any-address for a listening or unconnected socket
 * @param remotePort the peer's port, 0 for a listening or unconnected socket
 * @param state      TCP state as the OS names it ({@code LISTEN}, {@code ESTABLISHED}, {@code TIME_WAIT}, …);
 *                   for UDP {@code UNCONNECTED} or {@code CONNECTED}
 * @param pid        the owning process, or -1 when the OS does not tell (see {@link #ownerKnown()})
 * @param process    the owning process's name, or empty when not known
 */
public record HostSocket(Protocol protocol, boolean ipv6, String localIp, int localPort, String remoteIp,
                         int remotePort, String state, int pid, String process) {

    /** A TCP socket in LISTEN, or a UDP socket with no peer: the socket that owns its port. */
    public boolean isListening() {
        return protocol == Protocol.TCP ? "LISTEN".equals(state) : remotePort == 0;
    }

    public boolean ownerKnown() {
        return pid >= 0;
    }

    /** The well-known service of the local port (for a listener) or of the remote port (a client's), or empty. */
    public String service() {
        String local = PortInput.wellKnownName(localPort, protocol);
        if (local != null) {
            return local;
        }
        String remote = remotePort == 0 ? null : PortInput.wellKnownName(remotePort, protocol);
        return remote == null ? "" : remote;
    }

    /** {@code 127.0.0.1:8080} or {@code [::1]:8080}; {@code *:*} for an unset peer. */
    public String local() {
        return endpoint(localIp, localPort);
    }

    public String remote() {
        return remotePort == 0 && isAny(remoteIp) ? "*:*" : endpoint(remoteIp, remotePort);
    }

    /** {@code python3 (pid 4242)}, or {@code pid 4242}, or the plain words for an owner the OS did not name. */
    public String owner() {
        if (!ownerKnown()) {
            return "not told by the OS";
        }
        return process.isEmpty() ? "pid " + pid : process + " (pid " + pid + ")";
    }

    /** Identifies the socket across refreshes (the same 5-tuple and family is the same socket). */
    public String key() {
        return protocol + (ipv6 ? "6 " : "4 ") + local() + " " + remote() + " " + (isListening() ? "L" : "");
    }

    private static String endpoint(String ip, int port) {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    static boolean isAny(String ip) {
        return ip.equals("0.0.0.0") || ip.equals("::") || ip.isEmpty();
    }
}
