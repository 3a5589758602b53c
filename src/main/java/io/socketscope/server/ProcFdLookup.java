package io.socketscope.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the real file descriptor of a socket on Linux without JVM internals: the socket's addresses are
 * matched in {@code /proc/net/tcp} and {@code /proc/net/tcp6} to its inode, and the inode to the
 * {@code /proc/self/fd/N -> socket:[inode]} link. Falls back to a surrogate id if the socket is not found.
 * Given the socket's channel, it first asks {@link ChannelFds}, which answers in O(1) where the JVM allows.
 */
public final class ProcFdLookup implements DescriptorLookup {

    private static final Logger LOG = LoggerFactory.getLogger(ProcFdLookup.class);
    private static final Path PROC_NET = Path.of("/proc/net");
    private static final Path SELF_FD = Path.of("/proc/self/fd");
    private static final String LISTEN_STATE = "0A";
    private static final boolean LITTLE_ENDIAN =
            java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    private final DescriptorLookup fallback;

    public ProcFdLookup(DescriptorLookup fallback) {
        this.fallback = fallback;
    }

    /** True where {@code /proc} offers what this lookup reads. */
    public static boolean isAvailable() {
        return Files.isReadable(PROC_NET.resolve("tcp")) && Files.isDirectory(SELF_FD);
    }

    @Override
    public Descriptor listening(InetSocketAddress local) {
        for (TcpEntry entry : readTables()) {
            if (entry.state.equals(LISTEN_STATE) && entry.localPort == local.getPort()
                    && sameAddress(entry.localAddress, local.getAddress())) {
                OptionalInt fd = fdOfInode(entry.inode);
                if (fd.isPresent()) {
                    return Descriptor.os(fd.getAsInt());
                }
            }
        }
        LOG.debug("no OS descriptor found for listening socket {}", local);
        return fallback.listening(local);
    }

    @Override
    public Descriptor connection(java.nio.channels.Channel channel, InetSocketAddress local, InetSocketAddress remote) {
        OptionalInt fd = ChannelFds.of(channel);
        return fd.isPresent() ? Descriptor.os(fd.getAsInt()) : connection(local, remote);
    }

    @Override
    public Descriptor listening(java.nio.channels.Channel channel, InetSocketAddress local) {
        OptionalInt fd = ChannelFds.of(channel);
        return fd.isPresent() ? Descriptor.os(fd.getAsInt()) : listening(local);
    }

    @Override
    public Descriptor datagram(InetSocketAddress local) {
        for (TcpEntry entry : readUdpTables()) {
            if (entry.inode != 0 && entry.localPort == local.getPort() && sameAddress(entry.localAddress, local.getAddress())) {
                OptionalInt fd = fdOfInode(entry.inode);
                if (fd.isPresent()) {
                    return Descriptor.os(fd.getAsInt());
                }
            }
        }
        LOG.debug("no OS descriptor found for UDP socket {}", local);
        return fallback.datagram(local);
    }

    @Override
    public Descriptor connection(InetSocketAddress local, InetSocketAddress remote) {
        for (TcpEntry entry : readTables()) {
            if (entry.inode != 0 && entry.localPort == local.getPort() && entry.remotePort == remote.getPort()
                    && sameAddress(entry.localAddress, local.getAddress())
                    && sameAddress(entry.remoteAddress, remote.getAddress())) {
                OptionalInt fd = fdOfInode(entry.inode);
                if (fd.isPresent()) {
                    return Descriptor.os(fd.getAsInt());
                }
            }
        }
        LOG.debug("no OS descriptor found for connection {} -> {}", remote, local);
        return fallback.connection(local, remote);
    }

    /** The descriptor number whose {@code /proc/self/fd} link names {@code socket:[inode]}, if any. */
    public static OptionalInt fdOfInode(long inode) {
        String wanted = "socket:[" + inode + "]";
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(SELF_FD)) {
            for (Path fd : fds) {
                try {
                    if (wanted.equals(Files.readSymbolicLink(fd).toString())) {
                        return OptionalInt.of(Integer.parseInt(fd.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException closedMeanwhile) {
                    // The descriptor closed between listing and reading: not ours.
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", SELF_FD, e.toString());
        }
        return OptionalInt.empty();
    }

    /** The inode named by {@code /proc/self/fd/N}, or -1 if it is not a socket. */
    public static long inodeOfFd(int fd) {
        try {
            String target = Files.readSymbolicLink(SELF_FD.resolve(Integer.toString(fd))).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Long.parseLong(target.substring(8, target.length() - 1));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("cannot read fd {}: {}", fd, e.toString());
        }
        return -1;
    }

    /** Every row of {@code /proc/net/tcp} and {@code /proc/net/tcp6}. */
    public static List<TcpEntry> readTables() {
        List<TcpEntry> entries = new ArrayList<>();
        readTable(PROC_NET.resolve("tcp6"), entries);
        readTable(PROC_NET.resolve("tcp"), entries);
        return entries;
    }

    /** Every row of {@code /proc/net/udp} and {@code /proc/net/udp6} (same columns as the TCP tables). */
    public static List<TcpEntry> readUdpTables() {
        List<TcpEntry> entries = new ArrayList<>();
        readTable(PROC_NET.resolve("udp6"), entries);
        readTable(PROC_NET.resolve("udp"), entries);
        return entries;
    }

    private static void readTable(Path table, List<TcpEntry> into) {
        if (!Files.isReadable(table)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(table)) {
            reader.readLine(); // column headings
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                TcpEntry entry = TcpEntry.parse(line);
                if (entry != null) {
                    into.add(entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", table, e.toString());
        }
    }

    private static boolean sameAddress(InetAddress fromTable, InetAddress fromJava) {
        InetAddress a = Endpoint.unmap(fromTable);
        InetAddress b = Endpoint.unmap(fromJava);
        if (a.isAnyLocalAddress() && b.isAnyLocalAddress()) {
            return true;
        }
        return java.util.Arrays.equals(a.getAddress(), b.getAddress());
    }

    /** One row of a {@code /proc/net/tcp*} or {@code /proc/net/udp*} table. */
    public record TcpEntry(InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort,
                           String state, long inode) {

        /** Parses a row such as {@code 0: 0100007F:1F90 00000000:0000 0A ... 0 12345 ...}; null if malformed. */
        static TcpEntry parse(String line) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                return null;
            }
            try {
                String[] local = f[1].split(":");
                String[] remote = f[2].split(":");
                return new TcpEntry(decodeAddress(local[0]), Integer.parseInt(local[1], 16),
                        decodeAddress(remote[0]), Integer.parseInt(remote[1], 16), f[3], Long.parseLong(f[9]));
            } catch (RuntimeException | UnknownHostException e) {
                return null;
            }
        }

        /** The kernel prints each 32-bit word of the address in host byte order (little-endian on x86/ARM). */
        static InetAddress decodeAddress(String hex) throws UnknownHostException {
            byte[] bytes = new byte[hex.length() / 2];
            for (int word = 0; word < bytes.length / 4; word++) {
                for (int i = 0; i < 4; i++) {
                    int at = (word * 4 + (LITTLE_ENDIAN ? 3 - i : i)) * 2;
                    bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                }
            }
            return InetAddress.getByAddress(bytes);
        }
    }
}
