package io.socketscope.server;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the OS, without waiting and without changing the socket, what a new socket has for us: nothing yet,
 * something to read (bytes or the client's FIN), or an error (the client's reset). That is {@code poll(2)}
 * with a zero timeout, through the JDK's own {@code sun.nio.ch.Net.poll}, which Java lets a program call only
 * when started with {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (as the pom does; see also
 * {@link ChannelFds}). It spares the accepting thread two things a plain read costs: switching the socket
 * to non-blocking mode and back, and an exception (with its stack trace) for every reset: on the
 * benchmark's churn clients the exception alone was a fifth of the acceptor's CPU. Without the access
 * {@link #check} answers {@link State#UNKNOWN} and the caller reads the plain way.
 */
final class Readiness {

    /** What {@code poll} says of a socket. */
    enum State { QUIET, READABLE, ERROR, UNKNOWN }

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final MethodHandle POLL;
    private static final MethodHandle FD;
    private static final MethodHandle AVAILABLE;
    private static final int POLLIN;
    private static final int POLLERR;

    static {
        MethodHandle poll = null;
        MethodHandle fd = null;
        MethodHandle available = null;
        int pollin = 0;
        int pollerr = 0;
        try {
            Class<?> net = Class.forName("sun.nio.ch.Net");
            Class<?> channel = Class.forName("sun.nio.ch.SocketChannelImpl");
            MethodHandles.Lookup netLookup = MethodHandles.privateLookupIn(net, MethodHandles.lookup());
            poll = netLookup.findStatic(net, "poll", MethodType.methodType(int.class, FileDescriptor.class, int.class,
                    long.class));
            MethodHandles.Lookup channelLookup = MethodHandles.privateLookupIn(channel, MethodHandles.lookup());
            fd = channelLookup.findVirtual(channel, "getFD", MethodType.methodType(FileDescriptor.class))
                    .asType(MethodType.methodType(FileDescriptor.class, SocketChannel.class));
            available = channelLookup.findVirtual(channel, "available", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, SocketChannel.class));
            pollin = netLookup.findStaticGetter(net, "POLLIN", short.class).invoke() instanceof Short s ? s : 0;
            pollerr = netLookup.findStaticGetter(net, "POLLERR", short.class).invoke() instanceof Short s ? s : 0;
        } catch (Throwable denied) {
            LOG.debug("poll(2) is not reachable ({}); new sockets are read the plain way", denied.toString());
            poll = null;
            fd = null;
            available = null;
        }
        POLL = pollin != 0 && pollerr != 0 ? poll : null;
        FD = fd;
        AVAILABLE = available;
        POLLIN = pollin;
        POLLERR = pollerr;
    }

    private Readiness() {
    }

    /** Whether {@link #check} can answer in this JVM. */
    static boolean available() {
        return POLL != null && FD != null && AVAILABLE != null;
    }

    /** What the socket has for us right now; {@link State#UNKNOWN} when this JVM does not let us ask. */
    static State check(SocketChannel channel) throws IOException {
        return await(channel, 0);
    }

    /**
     * What the socket has for us within {@code millis} (0: right now), waiting no longer than that for it;
     * {@link State#UNKNOWN} at once when this JVM does not let us ask.
     */
    static State await(SocketChannel channel, long millis) throws IOException {
        if (!available()) {
            return State.UNKNOWN;
        }
        int events;
        try {
            FileDescriptor fd = (FileDescriptor) FD.invokeExact(channel);
            events = (int) POLL.invokeExact(fd, POLLIN, millis);
        } catch (IOException e) {
            throw e;
        } catch (Throwable unexpected) {
            return State.UNKNOWN;
        }
        if ((events & POLLERR) != 0) {
            return State.ERROR;
        }
        return (events & POLLIN) != 0 ? State.READABLE : State.QUIET;
    }

    /**
     * Whether bytes surely wait to be read (FIONREAD above zero): false when they do not, and when this JVM
     * does not let us ask.
     */
    static boolean bytesWaiting(SocketChannel channel) {
        if (!available()) {
            return false;
        }
        try {
            return (int) AVAILABLE.invokeExact(channel) > 0;
        } catch (Throwable unknown) {
            return false;
        }
    }

    /**
     * Whether bytes wait to be read (FIONREAD), in either blocking mode. After a reset there may still be
     * bytes the client sent before it; those are read and served first, as a plain read would.
     */
    static boolean hasBytes(SocketChannel channel) throws IOException {
        if (!available()) {
            return true;
        }
        try {
            return (int) AVAILABLE.invokeExact(channel) > 0;
        } catch (IOException e) {
            throw e;
        } catch (Throwable unexpected) {
            return true;
        }
    }
}
