package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/**
 * Descriptors by what the platform can tell, with the platform's facts injected: each platform's choice is
 * checked here on a real loopback connection, and the numbers against the kernel (on this Linux machine the
 * channel holds the same number on every platform's path: the descriptor, or what Windows would call the
 * handle).
 */
class PlatformTest {

    /** A real accepted connection on loopback: the server side's channel, with its addresses. */
    private record Accepted(SocketChannel server, SocketChannel client, int port) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            client.close();
        }

        InetSocketAddress local() throws Exception {
            return (InetSocketAddress) server.getLocalAddress();
        }

        InetSocketAddress remote() throws Exception {
            return (InetSocketAddress) server.getRemoteAddress();
        }

        int kernelFd() throws Exception {
            return Kernel.tcpDescriptor(port, ((InetSocketAddress) client.getLocalAddress()).getPort());
        }
    }

    private static Accepted connect(ServerSocketChannel listening) throws Exception {
        int port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
        SocketChannel client = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new Accepted(listening.accept(), client, port);
    }

    private static ServerSocketChannel listen() throws Exception {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Test
    void windowsShowsTheSocketHandleReadFromTheChannel() throws Exception {
        assumeTrue(Kernel.available() && ChannelFds.readable(SocketChannel.open()), "Linux /proc and --add-opens");
        DescriptorLookup lookup = new Platform("Windows 11", true, false).lookup();
        assertEquals(Descriptor.Kind.HANDLE, lookup.kind());
        try (ServerSocketChannel listening = listen(); Accepted c = connect(listening)) {
            Descriptor d = lookup.connection(c.server(), c.local(), c.remote());
            assertEquals(Descriptor.Kind.HANDLE, d.kind());
            assertEquals(c.kernelFd(), d.number());
            assertEquals("handle 0x" + Integer.toHexString(c.kernelFd()).toUpperCase(java.util.Locale.ROOT), d.label());
            ConnectionRef ref = new ConnectionRef(1, Endpoint.of(c.remote()), Endpoint.of(c.local()), d);
            assertTrue(Pages.json(ref, 1).contains("\"fdKind\":\"handle\""), Pages.json(ref, 1));
            assertTrue(Pages.html(ref, 1).contains("Windows' equivalent of a descriptor"), Pages.html(ref, 1));
        }
        assertEquals(Descriptor.Kind.SURROGATE, new Platform("Windows 11", false, false).lookup().kind(),
                "a Windows JVM that does not let the channel be read gets surrogate ids");
    }

    @Test
    void macOsShowsTheDescriptorReadFromTheChannelWithoutProc() throws Exception {
        assumeTrue(Kernel.available() && ChannelFds.readable(SocketChannel.open()), "Linux /proc and --add-opens");
        DescriptorLookup lookup = new Platform("Mac OS X", true, false).lookup();
        assertEquals(Descriptor.Kind.OS, lookup.kind());
        try (ServerSocketChannel listening = listen(); Accepted c = connect(listening)) {
            Descriptor d = lookup.connection(c.server(), c.local(), c.remote());
            assertEquals(Descriptor.os(c.kernelFd()), d);
            Descriptor l = lookup.listening(listening, (InetSocketAddress) listening.getLocalAddress());
            assertEquals(Kernel.listeningDescriptors(c.port()), java.util.List.of(l.number()));
            // A UDP socket has no channel at hand: without /proc its id is SocketScope's own, and says so.
            assertEquals(Descriptor.Kind.SURROGATE, lookup.datagram(c.local()).kind());
        }
        assertEquals(Descriptor.Kind.SURROGATE, new Platform("Mac OS X", false, false).lookup().kind());
    }

    @Test
    void linuxSearchesProcWhenTheChannelCannotBeReadAndAgreesWithTheChannelWhenItCan() throws Exception {
        assumeTrue(Kernel.available(), "Linux /proc");
        DescriptorLookup withProc = new Platform("Linux", false, true).lookup();
        DescriptorLookup channelsOnly = new Platform("Linux", true, false).lookup();
        assertEquals(Descriptor.Kind.OS, withProc.kind());
        assertEquals(Descriptor.Kind.OS, channelsOnly.kind());
        try (ServerSocketChannel listening = listen(); Accepted c = connect(listening)) {
            assertEquals(Descriptor.os(c.kernelFd()), withProc.connection(c.local(), c.remote()), "found through /proc");
            assumeTrue(ChannelFds.readable(c.server()), "--add-opens");
            assertEquals(Descriptor.os(c.kernelFd()), channelsOnly.connection(c.server(), c.local(), c.remote()));
        }
        assertEquals(Descriptor.Kind.SURROGATE, new Platform("Linux", false, false).lookup().kind());
        assertEquals(Descriptor.Kind.SURROGATE, new Platform("FreeBSD", false, false).lookup().kind());
    }

    @Test
    void thisMachineIsDecidedOnceAndDescribedInWords() {
        Platform here = Platform.ofThisSystem();
        assumeTrue(here.isLinux(), "the tests' machine is Linux");
        assertEquals(Kernel.available(), here.procReadable());
        assertTrue(here.describe().startsWith("descriptors are the operating system's own"), here.describe());
        assertTrue(new Platform("Windows 10", true, false).describe().contains("Windows socket handles"));
        assertTrue(new Platform("Plan 9", false, false).describe().contains("ids are its own"));
    }
}
