package io.socketscope.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;

/**
 * The kernel's TCP connections of one port as OSHI reads them from the system's own table (macOS, Windows,
 * FreeBSD: where Linux's {@code /proc/net/tcp} is not): each connection's 4-tuple and state, and no timer, so
 * a TIME_WAIT's time left is not known ("kept by the kernel a while"). OSHI reads every connection of the
 * machine and the process that owns each: slow beside /proc, which {@link KernelWatch} answers by spacing its
 * reads out.
 */
final class OshiKernelReader implements KernelReader {

    private final InternetProtocolStats stats;

    OshiKernelReader(InternetProtocolStats stats) {
        this.stats = stats;
    }

    /** A reader where the system is not Linux (Linux has {@link KernelTable}); null where OSHI cannot run. */
    static OshiKernelReader ofOtherSystems() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null; // /proc hidden: OSHI reads the same files
        }
        return ofThisSystem();
    }

    /** OSHI's reader on this system (on Linux too: the tests compare it with ss), or null where it cannot run. */
    static OshiKernelReader ofThisSystem() {
        try {
            return new OshiKernelReader(new SystemInfo().getOperatingSystem().getInternetProtocolStats());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * @throws IOException when the table could not be read: OSHI then answers with an empty list, and a table
     *                     read in full has at least the port's own listening socket, so a table without it was not read
     */
    @Override
    public List<KernelReader.Row> read(int port) throws IOException {
        List<InternetProtocolStats.IPConnection> all;
        try {
            all = stats.getConnections();
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("the system's connection table could not be read: " + e.getMessage(), e);
        }
        List<KernelReader.Row> rows = new ArrayList<>();
        boolean listener = false;
        for (InternetProtocolStats.IPConnection c : all) {
            if (c.getLocalPort() != port || !c.getType().toLowerCase(Locale.ROOT).startsWith("tcp")) {
                continue;
            }
            TcpState state = of(c.getState());
            if (state == TcpState.LISTEN) {
                listener = true;
                continue;
            }
            Endpoint server = endpoint(c.getLocalAddress(), port);
            Endpoint client = endpoint(c.getForeignAddress(), c.getForeignPort());
            if (state != null && server != null && client != null) {
                rows.add(new KernelReader.Row(server, client, state, -1));
            }
        }
        if (!listener) {
            throw new IOException("port " + port + "'s listening socket is not in the table read: it was not read");
        }
        return rows;
    }

    @Override
    public void close() {
        // OSHI keeps nothing open between reads
    }

    /** OSHI's names for the states; null for one it does not know. */
    static TcpState of(InternetProtocolStats.TcpState s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case ESTABLISHED -> TcpState.ESTABLISHED;
            case SYN_SENT -> TcpState.SYN_SENT;
            case SYN_RECV -> TcpState.SYN_RECV;
            case FIN_WAIT_1 -> TcpState.FIN_WAIT1;
            case FIN_WAIT_2 -> TcpState.FIN_WAIT2;
            case TIME_WAIT -> TcpState.TIME_WAIT;
            case CLOSED -> TcpState.CLOSE;
            case CLOSE_WAIT -> TcpState.CLOSE_WAIT;
            case LAST_ACK -> TcpState.LAST_ACK;
            case LISTEN -> TcpState.LISTEN;
            case CLOSING -> TcpState.CLOSING;
            default -> null;
        };
    }

    /** Raw address bytes (an IPv4-mapped IPv6 address becomes the IPv4 it stands for, as the JDK names it). */
    private static Endpoint endpoint(byte[] raw, int port) {
        if (raw == null || (raw.length != 4 && raw.length != 16)) {
            return null;
        }
        try {
            return new Endpoint(InetAddress.getByAddress(raw), port);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }
}
