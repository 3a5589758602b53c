package io.socketscope.server;

import java.io.IOException;
import java.util.List;

/**
 * Where the kernel's TCP connections of one port are read from: Linux's {@code /proc/net/tcp} tables
 * ({@link KernelTable}, with each TIME_WAIT's timer), or elsewhere the system's own table through OSHI
 * ({@link OshiKernelReader}: states, no timer). Blocking reads: call them on a background thread.
 */
interface KernelReader {

    /** The connections whose local port is {@code port}, listening sockets left out. */
    List<KernelTable.Row> read(int port) throws IOException;

    /** Lets go of what the reader keeps open. */
    void close();

    /** This system's reader, or null where the kernel's connections cannot be read. */
    static KernelReader ofThisSystem() {
        KernelTable proc = KernelTable.ofThisSystem();
        return proc != null ? proc : OshiKernelReader.ofOtherSystems();
    }
}
