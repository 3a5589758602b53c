package io.socketscope.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the Linux kernel says about this process's sockets, read with no code of the app: the socket's inode
 * from {@code /proc/net/{tcp,tcp6,udp,udp6}}, then the {@code /proc/self/fd} entry whose link points at
 * {@code socket:[inode]}. Tests compare the descriptors the app shows with these, never with the app's own.
 */
public final class Kernel {

    private static final int LISTEN = 0x0A;
    private static final int UDP_UNCONNECTED = 0x07;

    private Kernel() {
    }

    /** Whether this system has the files read here (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** The server side's descriptor of the TCP connection from {@code clientPort} to local port {@code port}. */
    public static int tcpDescriptor(int port, int clientPort) throws IOException {
        return tcpDescriptor("self", port, clientPort);
    }

    /**
     * The server side's descriptor of the TCP connection from IPv4 {@code clientIp}:{@code clientPort} to local
     * port {@code port}: with many client addresses (a classroom on 127.0.1.x) two may share a client port.
     */
    public static int tcpDescriptor(int port, String clientIp, int clientPort) throws IOException {
        String remote = hex(clientIp) + ":" + String.format("%04X", clientPort);
        List<String> found = new ArrayList<>();
        for (String[] f : tcpRows(port)) {
            if (f[2].endsWith(remote) && !f[9].equals("0")) {
                found.add(f[9]);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("the kernel lists " + found.size() + " sockets for port " + port + " from "
                    + clientIp + ":" + clientPort + ", not one");
        }
        return descriptorOf("self", found.get(0), "TCP " + clientIp + ":" + clientPort + " -> " + port);
    }

    /** The same, in another process of this machine ({@code pid}), such as a child app. */
    public static int tcpDescriptor(String pid, int port, int clientPort) throws IOException {
        return descriptorOf(pid, inode(List.of("tcp", "tcp6"), port, clientPort, -1),
                "TCP " + clientPort + " -> " + port);
    }

    /**
     * The client ports of the ESTABLISHED TCP connections from IPv4 {@code clientIp} to local port {@code port}
     * (this machine's whole table: the server side of each, as {@code ss -tn state established} lists it).
     */
    public static TreeSet<Integer> establishedFrom(int port, String clientIp) throws IOException {
        String remote = hex(clientIp) + ":";
        TreeSet<Integer> ports = new TreeSet<>();
        for (String[] f : tcpRows(port)) {
            if (f[2].contains(remote) && f[3].equals("01")) {
                ports.add(Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1), 16));
            }
        }
        return ports;
    }

    /**
     * The bytes the kernel holds unsent on this machine's side of the TCP connection from {@code clientPort} to
     * local port {@code port} (the tx_queue column, Send-Q in {@code ss}); 0 when there is no such connection.
     */
    public static long sendQueue(int port, int clientPort) throws IOException {
        String remote = String.format(":%04X", clientPort);
        for (String[] f : tcpRows(port)) {
            if (f[2].endsWith(remote)) {
                return Long.parseLong(f[4].substring(0, f[4].indexOf(':')), 16);
            }
        }
        return 0;
    }

    /**
     * The rows of {@code /proc/net/tcp} and {@code tcp6} whose local port is {@code port}, split into their
     * fields. In tcp6 an IPv4 client of a dual-stack socket is ::ffff:a.b.c.d, whose last four bytes read the
     * same as in tcp.
     */
    private static List<String[]> tcpRows(int port) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc/net", table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].contains(":")
                        && Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16) == port) {
                    rows.add(f);
                }
            }
        }
        return rows;
    }

    /** An IPv4 address as the kernel's tables write it: its four bytes in hex, in host (little-endian) order. */
    private static String hex(String ip) {
        String[] b = ip.split("\\.");
        return String.format("%02X%02X%02X%02X", Integer.parseInt(b[3]), Integer.parseInt(b[2]),
                Integer.parseInt(b[1]), Integer.parseInt(b[0]));
    }

    /** The descriptors of the TCP sockets listening on {@code port} (one per address family), ascending. */
    public static List<Integer> listeningDescriptors(int port) throws IOException {
        TreeSet<Integer> fds = new TreeSet<>();
        for (String inode : inodes(List.of("tcp", "tcp6"), port, 0, LISTEN)) {
            fds.add(descriptorOf("self", inode, "TCP listening on " + port));
        }
        return new ArrayList<>(fds);
    }

    /** The descriptors of the UDP sockets bound to {@code port}, ascending. */
    public static List<Integer> udpDescriptors(int port) throws IOException {
        TreeSet<Integer> fds = new TreeSet<>();
        for (String inode : inodes(List.of("udp", "udp6"), port, 0, UDP_UNCONNECTED)) {
            fds.add(descriptorOf("self", inode, "UDP " + port));
        }
        return new ArrayList<>(fds);
    }

    private static String inode(List<String> tables, int port, int remotePort, int state) throws IOException {
        List<String> found = inodes(tables, port, remotePort, state);
        if (found.size() != 1) {
            throw new AssertionError("the kernel lists " + found.size() + " sockets for port " + port + " from "
                    + remotePort + ", not one");
        }
        return found.get(0);
    }

    /** Inodes of sockets with local port {@code port}, remote port {@code remotePort}, and (unless -1) a state. */
    private static List<String> inodes(List<String> tables, int port, int remotePort, int state) throws IOException {
        List<String> inodes = new ArrayList<>();
        for (String table : tables) {
            Path file = Path.of("/proc/net", table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].contains(":") && f[2].contains(":")
                        && Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16) == port
                        && Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1), 16) == remotePort
                        && (state < 0 || Integer.parseInt(f[3], 16) == state) && !f[9].equals("0")) {
                    inodes.add(f[9]);
                }
            }
        }
        return inodes;
    }

    private static int descriptorOf(String pid, String inode, String what) throws IOException {
        try (var fds = Files.list(Path.of("/proc", pid, "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals("socket:[" + inode + "]")) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        throw new AssertionError("no descriptor of this process points at the socket of " + what);
    }
}
