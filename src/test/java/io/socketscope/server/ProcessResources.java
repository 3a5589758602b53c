package io.socketscope.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** What the OS says this process holds: descriptors, threads, and the server sockets of a port. */
public final class ProcessResources {

    private ProcessResources() {
    }

    public static boolean available() {
        return ProcFdLookup.isAvailable();
    }

    /** How many descriptors this process has open. */
    public static int openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }

    /** How many accepted (non-listening) sockets on {@code port} this process holds, by the kernel's tables. */
    public static int acceptedSocketsOn(int port) throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // gone
                }
            }
        }
        return (int) ProcFdLookup.readTables().stream()
                .filter(e -> e.localPort() == port && !e.state().equals("0A") && inodes.contains(e.inode()))
                .map(ProcFdLookup.TcpEntry::inode).distinct().count();
    }

    public static int liveThreads() {
        return Thread.activeCount();
    }
}
