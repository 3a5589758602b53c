package io.socketscope.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the kernel's TCP connections of one local port from Linux's {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}: their 4-tuple, state and timer. Blocking file reads: call it on a background
 * thread. The parser only looks at a line's local port before it reads the rest, so the lines of other
 * ports (ten thousand of them) cost little.
 */
public final class KernelTable implements KernelReader {

    /** USER_HZ: the unit of the timer column ({@code jiffies_delta_to_clock_t}), 100 on every Linux. */
    static final int TICKS_PER_SECOND = 100;
    /** The timer column's kind for a TIME_WAIT connection's timer. */
    private static final int TIMEWAIT_TIMER = 3;
    private static final boolean LITTLE_ENDIAN =
            java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    private final List<java.nio.channels.FileChannel> files;
    private java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64 * 1024);

    /**
     * Opens the tables once and keeps them open, each read again from its start: a file opened for every read
     * would take a descriptor for a moment, a few times a second, and an accept() at that moment would be
     * given the next number instead of the lowest free one.
     */
    KernelTable(List<Path> paths) throws IOException {
        List<java.nio.channels.FileChannel> open = new ArrayList<>();
        try {
            for (Path p : paths) {
                open.add(java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.READ));
            }
        } catch (IOException e) {
            for (java.nio.channels.FileChannel c : open) {
                c.close();
            }
            throw e;
        }
        this.files = List.copyOf(open);
    }

    /** This system's tables, open, or null where there are none (not Linux, or /proc hidden). */
    public static KernelTable ofThisSystem() {
        Path v4 = Path.of("/proc/net/tcp");
        if (!Files.isReadable(v4)) {
            return null;
        }
        Path v6 = Path.of("/proc/net/tcp6");
        try {
            return new KernelTable(Files.isReadable(v6) ? List.of(v4, v6) : List.of(v4));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<Row> read(int port) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (java.nio.channels.FileChannel file : files) {
            int length = readAll(file);
            parse(buffer.array(), length, port, rows);
        }
        return rows;
    }

    /** Closes the tables. */
    @Override
    public void close() {
        for (java.nio.channels.FileChannel c : files) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
    }

    private int readAll(java.nio.channels.FileChannel file) throws IOException {
        // A /proc file has no size: read from its start (pread: the kernel writes the table anew) to its end,
        // growing the buffer kept between reads.
        buffer.clear();
        while (true) {
            if (!buffer.hasRemaining()) {
                java.nio.ByteBuffer bigger = java.nio.ByteBuffer.allocate(buffer.capacity() * 2);
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
            int n = file.read(buffer, buffer.position());
            if (n < 0) {
                return buffer.position();
            }
        }
    }

    /** Adds the rows of {@code port} in one table's text (v4 or v6: told apart by the address's length). */
    static void parse(byte[] text, int length, int port, List<Row> out) {
        int line = 0;
        boolean header = true;
        while (line < length) {
            int end = line;
            while (end < length && text[end] != '\n') {
                end++;
            }
            if (!header) {
                Row row = parseLine(text, line, end, port);
                if (row != null) {
                    out.add(row);
                }
            }
            header = false;
            line = end + 1;
        }
    }

    /** {@code sl local rem st tx:rx tr:when ...}; null if not of this port, a listener, or not readable. */
    private static Row parseLine(byte[] t, int from, int to, int port) {
        int[] field = new int[12];
        int count = 0;
        int i = from;
        while (i < to && count < 12) {
            while (i < to && t[i] == ' ') {
                i++;
            }
            if (i >= to) {
                break;
            }
            field[count++] = i;
            while (i < to && t[i] != ' ') {
                i++;
            }
        }
        if (count < 6) {
            return null;
        }
        int local = field[1];
        int colon = indexOf(t, local, to, (byte) ':');
        if (colon < 0 || hex(t, colon + 1, 4) != port) {
            return null;
        }
        TcpState state = TcpState.ofCode((int) hex(t, field[3], 2));
        if (state == null || state == TcpState.LISTEN) {
            return null;
        }
        int remote = field[2];
        int remoteColon = indexOf(t, remote, to, (byte) ':');
        if (remoteColon < 0) {
            return null;
        }
        Endpoint server = endpoint(t, local, colon - local, port);
        Endpoint client = endpoint(t, remote, remoteColon - remote, (int) hex(t, remoteColon + 1, 4));
        if (server == null || client == null) {
            return null;
        }
        int timer = field[5];
        long kind = hex(t, timer, 2);
        long ticks = hex(t, timer + 3, 8);
        long millis = state == TcpState.TIME_WAIT || kind == TIMEWAIT_TIMER ? ticks * 1000 / TICKS_PER_SECOND : -1;
        return new Row(server, client, state, millis);
    }

    private static Endpoint endpoint(byte[] t, int at, int hexChars, int port) {
        if (hexChars != 8 && hexChars != 32) {
            return null;
        }
        byte[] address = new byte[hexChars / 2];
        // Each 32-bit word is printed as the number its four bytes make in this machine's byte order.
        for (int word = 0; word < address.length / 4; word++) {
            long value = hex(t, at + word * 8, 8);
            for (int b = 0; b < 4; b++) {
                int shift = LITTLE_ENDIAN ? 8 * b : 8 * (3 - b);
                address[word * 4 + b] = (byte) (value >>> shift);
            }
        }
        try {
            return new Endpoint(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    private static int indexOf(byte[] t, int from, int to, byte c) {
        for (int i = from; i < to && t[i] != ' '; i++) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static long hex(byte[] t, int at, int digits) {
        long v = 0;
        for (int i = at; i < at + digits && i < t.length; i++) {
            int c = t[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f'
                    ? c - 'a' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
