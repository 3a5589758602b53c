package io.socketscope.model;

import io.socketscope.server.ConnectionRef;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.Preload;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.Traffic;
import java.util.stream.Collectors;

/** Turns a server event into the log entry people read. */
public final class EventLines {

    static {
        // The lines are made on server threads, which must not need a class file when descriptors run out:
        // load every class an entry can touch now, while the first event is printed.
        Preload.classes(LogEntry.class, LogEntry.Kind.class, Sizes.class, Traffic.class,
                io.socketscope.server.TextEscapes.class, io.socketscope.server.Protocol.class,
                io.socketscope.server.CloseReason.class, io.socketscope.server.SocketRole.class,
                io.socketscope.server.TcpState.class);
        Preload.classes(ServerEvent.class.getPermittedSubclasses());
    }

    private EventLines() {
    }

    /**
     * Whether the event has no line of its own: the kernel's word that a new socket is ESTABLISHED (every
     * socket is, once accepted; the Sockets table shows it), so that the log keeps one line per socket.
     */
    public static boolean quiet(ServerEvent event) {
        return event instanceof ServerEvent.KernelState k && k.fdOpen()
                && k.state() == io.socketscope.server.TcpState.ESTABLISHED;
    }

    public static LogEntry entry(ServerEvent event) {
        if (event instanceof ServerEvent.Listening e) {
            String sockets = ListeningSocket.descriptorLabels(e.sockets());
            String where = e.sockets().stream().map(s -> s.local().toString()).collect(Collectors.joining(", "));
            return new LogEntry(e.time(), LogEntry.Kind.LISTEN, where, sockets,
                    e.protocol() + " port " + e.port() + " on " + e.bind().description());
        }
        if (event instanceof ServerEvent.Accepted e) {
            return about(e, e.connection(), LogEntry.Kind.ACCEPT, "-> " + e.connection().server());
        }
        if (event instanceof ServerEvent.Request e) {
            String detail = e.isHttp() ? "\"" + e.line() + "\" " + e.status() : "text \"" + e.line() + "\" echoed";
            if (e.role() != io.socketscope.server.SocketRole.NONE) {
                return about(e, e.connection(), e.role() == io.socketscope.server.SocketRole.LIVE_VIEW
                        ? LogEntry.Kind.LIVE : LogEntry.Kind.HELD, detail + ": " + e.role().words());
            }
            return about(e, e.connection(), LogEntry.Kind.REQUEST, detail);
        }
        if (event instanceof ServerEvent.Greeted e) {
            return about(e, e.connection(), LogEntry.Kind.GREET, (e.silent()
                    ? "said nothing for the banner delay: greeted as a text client (nc, telnet)"
                    : "not HTTP: greeted as a text client") + "; its lines are echoed back · "
                    + Sizes.bytes(e.traffic().sent()) + " sent");
        }
        if (event instanceof ServerEvent.HalfClosed e) {
            return about(e, e.connection(), LogEntry.Kind.FIN,
                    "peer-half-closed: the client shut its sending side (FIN); the server can still send");
        }
        if (event instanceof ServerEvent.Datagram e) {
            return about(e, e.flow(), LogEntry.Kind.DATAGRAM, "#" + e.number() + ", " + e.size()
                    + (e.size() == 1 ? " byte" : " bytes") + " -> " + e.flow().server() + " \"" + e.preview()
                    + (e.answered() ? "\", answered" : "\", not answered: " + e.unanswered()));
        }
        if (event instanceof ServerEvent.Closed e) {
            return about(e, e.connection(), LogEntry.Kind.CLOSE,
                    e.reason().code() + ": " + e.reason().words() + " · " + figures(e.traffic()));
        }
        if (event instanceof ServerEvent.KernelState e) {
            return kernel(e);
        }
        if (event instanceof ServerEvent.Failed e) {
            return e.connection() == null ? new LogEntry(e.time(), LogEntry.Kind.ERROR, "", "", e.message())
                    : about(e, e.connection(), LogEntry.Kind.ERROR, e.message());
        }
        ServerEvent.Stopped e = (ServerEvent.Stopped) event;
        return new LogEntry(e.time(), LogEntry.Kind.STOP, "", "",
                "stopped " + (e.protocol() == io.socketscope.server.Protocol.TCP ? "listening on " : "receiving on ")
                        + e.protocol() + " port " + e.port());
    }

    /**
     * {@code TIMEWAIT 127.0.0.1:51234 -> 127.0.0.1:8080 (fd 34 closed) kept by the kernel 60 s: the server closed
     * first}; {@code KERNEL 127.0.0.1:51234 fd 34 CLOSE_WAIT: ...}; {@code KERNEL ... dropped by the kernel ...}.
     */
    private static LogEntry kernel(ServerEvent.KernelState e) {
        ConnectionRef c = e.connection();
        io.socketscope.server.TcpState state = e.state();
        if (e.fdOpen()) {
            return about(e, c, LogEntry.Kind.KERNEL, state + ": " + state.words());
        }
        String after = "-> " + c.server() + " (" + c.descriptor().label() + " closed) ";
        if (state == io.socketscope.server.TcpState.TIME_WAIT) {
            return afterFd(e, LogEntry.Kind.TIMEWAIT, after + "kept by the kernel " + seconds(e.remainingMillis())
                    + ": the server closed first");
        }
        if (state == io.socketscope.server.TcpState.GONE) {
            return afterFd(e, LogEntry.Kind.KERNEL, after + "dropped by the kernel: its 4-tuple is free again");
        }
        return afterFd(e, LogEntry.Kind.KERNEL, after + state + " kept by the kernel: " + state.words());
    }

    /** A line of a connection whose fd is closed: no descriptor column (the number may be someone else's now). */
    private static LogEntry afterFd(ServerEvent.KernelState e, LogEntry.Kind kind, String detail) {
        return new LogEntry(e.time(), kind, e.connection().client().toString(), "", detail, e.connection().id());
    }

    /** {@code 60 s} for a remaining time, rounded up: a timer of 59.4 s has most of a minute left. */
    static String seconds(long millis) {
        return millis < 0 ? "a while" : ((millis + 999) / 1000) + " s";
    }

    private static LogEntry about(ServerEvent e, ConnectionRef c, LogEntry.Kind kind, String detail) {
        return new LogEntry(e.time(), kind, c.client().toString(), c.descriptor().label(), detail, c.id());
    }

    private static String figures(Traffic t) {
        return Sizes.bytes(t.received()) + " in, " + Sizes.bytes(t.sent()) + " out";
    }
}
