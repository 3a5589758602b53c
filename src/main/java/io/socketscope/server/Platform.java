package io.socketscope.server;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What this platform can tell about a socket's descriptor, found once at start: its operating system, whether
 * this JVM lets SocketScope read a channel's descriptor (the {@code --add-opens} the launchers carry), and
 * whether Linux's {@code /proc} tables can be read. {@link #lookup} turns the facts into the descriptors the
 * user sees; the facts are plain values, so that each platform's choice can be tested on any machine.
 */
public record Platform(String osName, boolean channelsReadable, boolean procReadable) {

    /** The facts of the system this JVM runs on. */
    public static Platform ofThisSystem() {
        boolean channels;
        try (SocketChannel probe = SocketChannel.open()) {
            channels = ChannelFds.of(probe).isPresent();
        } catch (IOException | RuntimeException e) {
            channels = false;
        }
        return new Platform(System.getProperty("os.name", ""), channels,
                Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd")));
    }

    public boolean isWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /**
     * The lookup for these facts. Windows: the socket's handle read from its channel. Linux: the descriptor
     * read from the channel, else found through /proc. macOS and other Unixes: the descriptor read from the
     * channel. Wherever none of that can be read: SocketScope's own surrogate ids, labeled as such.
     */
    public DescriptorLookup lookup() {
        SurrogateIds surrogates = new SurrogateIds();
        return switch (kind()) {
            case HANDLE -> new ChannelLookup(Descriptor.Kind.HANDLE, surrogates);
            // Linux: reads the channel first, searches /proc when it cannot.
            case OS -> isLinux() && procReadable ? new ProcFdLookup(surrogates)
                    : new ChannelLookup(Descriptor.Kind.OS, surrogates);
            case SURROGATE -> surrogates;
        };
    }

    /** What the numbers shown on this platform are. */
    public Descriptor.Kind kind() {
        if (isWindows()) {
            return channelsReadable ? Descriptor.Kind.HANDLE : Descriptor.Kind.SURROGATE;
        }
        return channelsReadable || (isLinux() && procReadable) ? Descriptor.Kind.OS : Descriptor.Kind.SURROGATE;
    }

    /** In words, for the log and the README: what the numbers on the edges are on this system. */
    public String describe() {
        return switch (kind()) {
            case OS -> "descriptors are the operating system's own (fd N, as accept() returns it)";
            case HANDLE -> "descriptors are Windows socket handles (handle 0x…, as Winsock's accept() returns it)";
            case SURROGATE -> "this system does not let SocketScope read descriptors: ids are its own (id N)";
        };
    }
}
