package io.socketscope.server;

import java.io.IOException;
import java.util.List;

/**
 * Where the kernel's TCP connections of one port are read from: Linux's {@code /proc/net/tcp} tables
 * ({@link KernelTable}, with each TIME_WAIT's timer), or elsewhere the system's own table through OSHI
 * ({@link OshiKernelReader}: states, no timer). Blocking reads: call them on a background thread.
 */
interface KernelReader {

    /**
     * One connection: its server side is the port's, its client side the peer; the kernel's timer (TIME_WAIT),
     * or -1 when it has none or gives none.
     */
    record Row(Endpoint server, Endpoint client, TcpState state, long timerMillis) {
        public Tuple tuple() {
            return new Tuple(client, server);
        }
    }

    /** What identifies a TCP connection on this machine (the protocol is TCP). */
    record Tuple(Endpoint client, Endpoint server) {
        public static Tuple of(ConnectionRef ref) {
            return new Tuple(ref.client(), ref.server());
        }
    }

    /** The connections whose local port is {@code port}, listening sockets left out. */
    List<Row> read(int port) throws IOException;

    /** Lets go of what the reader keeps open. */
    void close();

    /** This system's reader, or null where the kernel's connections cannot be read. */
    static KernelReader ofThisSystem() {
        KernelTable proc = KernelTable.ofThisSystem();
        return proc != null ? proc : OshiKernelReader.ofOtherSystems();
    }
}
