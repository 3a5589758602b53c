package io.socketscope.model;

import io.socketscope.server.CloseReason;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.SocketRole;
import io.socketscope.server.TcpState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state of the open ports and their sockets, folded from server events with no UI thread involved.
 * Several ports (TCP and UDP) may be open at once, each a run of its own; events of a run that has
 * stopped, or of a run older than the newest one started, are dropped.
 */
public final class ScopeModel {

    /** Whether any port is open. */
    public enum Phase { IDLE, LISTENING, STOPPED }

    /** How many closed sockets the "recently closed" list keeps. */
    public static final int RECENTLY_CLOSED = 200;

    /**
     * What one batch changed: sockets that opened, that changed (requests, bytes, state, User-Agent), and
     * that closed, log entries added (formatted when read), whether the set of ports or their state
     * changed, the problems of listeners themselves (not of one client), to show where people look, and
     * the connections the kernel keeps after their fd that appeared or changed ({@code ghosted}) or that it
     * dropped ({@code unghosted}).
     */
    public record Change(List<SocketInfo> opened, List<SocketInfo> updated, List<SocketInfo> closed,
                         List<LogEntry> logged, boolean phaseChanged, List<String> listenerProblems,
                         List<Ghost> ghosted, List<Ghost> unghosted) {
        public boolean isEmpty() {
            return opened.isEmpty() && updated.isEmpty() && closed.isEmpty() && logged.isEmpty() && !phaseChanged
                    && ghosted.isEmpty() && unghosted.isEmpty();
        }
    }

    /** The mutable side of a {@link PortInfo}. */
    private static final class PortState {
        final ServerEvent.Listening started;
        boolean live = true;
        int open;
        long accepted;

        PortState(ServerEvent.Listening started) {
            this.started = started;
        }

        PortInfo snapshot() {
            return new PortInfo(started.runId(), started.protocol(), started.port(), started.bind(), started.sockets(),
                    live, open, accepted);
        }
    }

    private final int logCapacity;
    private final Deque<LogLine> log = new ArrayDeque<>();
    private final Map<Long, SocketInfo> open = new LinkedHashMap<>();
    private final Deque<SocketInfo> recentlyClosed = new ArrayDeque<>();
    private final Map<Long, PortState> ports = new LinkedHashMap<>();
    private final Ghosts ghosts = new Ghosts();
    private long newestRun;
    private long acceptedTotal;
    private long closedTotal;
    private long requestsTotal;
    private long refusedTotal;
    private long datagramsTotal;
    private long dropped;

    public ScopeModel(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    public ScopeModel() {
        this(10_000);
    }

    /** Folds a batch of events, in order, and says what changed. */
    public Change apply(List<? extends ServerEvent> batch) {
        List<SocketInfo> opened = new ArrayList<>();
        List<SocketInfo> closed = new ArrayList<>();
        Map<Long, SocketInfo> updated = new LinkedHashMap<>();
        List<LogLine> logged = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Ghost> ghosted = new ArrayList<>();
        List<Ghost> unghosted = new ArrayList<>();
        boolean phaseChanged = false;
        for (ServerEvent event : batch) {
            if (!accepts(event)) {
                dropped++;
                continue;
            }
            PortState port = ports.get(event.runId());
            if (event instanceof ServerEvent.Listening e) {
                if (ports.values().stream().noneMatch(p -> p.live)) {
                    // A fresh start: the totals count from here (ports that were stopped leave the picture below).
                    acceptedTotal = 0;
                    closedTotal = 0;
                    requestsTotal = 0;
                    refusedTotal = 0;
                    datagramsTotal = 0;
                }
                ports.put(e.runId(), new PortState(e));
                newestRun = e.runId();
                phaseChanged = true;
            } else if (event instanceof ServerEvent.Accepted e) {
                SocketInfo info = SocketInfo.opened(e.connection(), e.runId(), e.time());
                open.put(info.id(), info);
                opened.add(info);
                acceptedTotal++;
                port.open++;
                port.accepted++;
            } else if (event instanceof ServerEvent.Request e) {
                requestsTotal++;
                update(e.connection().id(), s -> {
                    SocketInfo now = s.withRequest(e.line(), e.userAgent(), e.traffic(), e.time());
                    return e.role() == SocketRole.NONE ? now : now.as(SocketState.of(e.role()));
                }, updated);
            } else if (event instanceof ServerEvent.Greeted e) {
                update(e.connection().id(), s -> s.withTraffic(e.traffic()), updated);
            } else if (event instanceof ServerEvent.HalfClosed e) {
                update(e.connection().id(), s -> s.halfClosed(e.traffic()), updated);
            } else if (event instanceof ServerEvent.KernelState e) {
                long id = e.connection().id();
                boolean isOpen = open.containsKey(id);
                if (isOpen && e.state() != TcpState.GONE) {
                    update(id, s -> s.withKernel(e.state()), updated);
                }
                if (!e.fdOpen()) {
                    ghosts.kernelSaid(e, isOpen, ghosted, unghosted);
                }
            } else if (event instanceof ServerEvent.Datagram e) {
                datagramsTotal++;
                if (!open.containsKey(e.flow().id())) {
                    SocketInfo flow = SocketInfo.opened(e.flow(), e.runId(), e.time());
                    open.put(flow.id(), flow);
                    opened.add(flow);
                    port.open++;
                    port.accepted++;
                }
                update(e.flow().id(), s -> s.withRequest(e.preview(), "", e.traffic(), e.time()), updated);
            } else if (event instanceof ServerEvent.Closed e) {
                if (e.reason() == CloseReason.REFUSED_LIMIT) {
                    refusedTotal++;
                }
                SocketInfo info = open.remove(e.connection().id());
                if (info != null) {
                    SocketInfo last = info.closed(e.reason(), e.time(), e.traffic());
                    closed.add(last);
                    updated.remove(last.id());
                    remember(last);
                    ghosts.closed(last.id(), ghosted, unghosted);
                    port.open--;
                    if (last.protocol() == Protocol.TCP) {
                        closedTotal++;
                    }
                }
            } else if (event instanceof ServerEvent.Stopped e) {
                // Every socket was closed with its own event before this; anything left would be a lie.
                for (var it = open.values().iterator(); it.hasNext(); ) {
                    SocketInfo info = it.next();
                    if (info.runId() == e.runId()) {
                        it.remove();
                        updated.remove(info.id());
                        SocketInfo last = info.closed(CloseReason.SERVER_STOP, e.time(), info.traffic());
                        closed.add(last);
                        remember(last);
                        closedTotal += last.protocol() == Protocol.TCP ? 1 : 0;
                    }
                }
                ghosts.stopped(e.runId(), unghosted);
                port.open = 0;
                port.live = false;
                phaseChanged = true;
            }
            if (event instanceof ServerEvent.Failed f && f.connection() == null) {
                problems.add(f.message());
            }
            if (!EventLines.quiet(event)) {
                logged.add(append(new LogLine(event)));
            }
        }
        if (phaseChanged && ports.values().stream().anyMatch(p -> p.live)) {
            // A port stopped while others go on (or a new one started): the stopped ones leave the picture.
            // When every port stopped at once, they stay, drawn closed, until something starts again.
            ports.values().removeIf(p -> !p.live);
        }
        return new Change(opened, List.copyOf(updated.values()), closed, LogLine.entries(logged), phaseChanged,
                problems, ghosted, unghosted);
    }

    private void update(long id, java.util.function.UnaryOperator<SocketInfo> how, Map<Long, SocketInfo> updated) {
        SocketInfo before = open.get(id);
        if (before != null) {
            SocketInfo after = how.apply(before);
            open.put(id, after);
            updated.put(id, after);
        }
    }

    private void remember(SocketInfo closed) {
        recentlyClosed.addFirst(closed);
        while (recentlyClosed.size() > RECENTLY_CLOSED) {
            recentlyClosed.removeLast();
        }
    }

    /** Records a problem that belongs to no run, such as a port that could not be bound. */
    public Change noteProblem(String message) {
        LogEntry entry = append(new LogLine(new LogEntry(Instant.now(), LogEntry.Kind.ERROR, "", "", message))).entry();
        return new Change(List.of(), List.of(), List.of(), List.of(entry), false, List.of(message), List.of(),
                List.of());
    }

    private boolean accepts(ServerEvent event) {
        if (event instanceof ServerEvent.Listening) {
            return event.runId() > newestRun;
        }
        PortState port = ports.get(event.runId());
        return port != null && port.live;
    }

    private LogLine append(LogLine entry) {
        log.addLast(entry);
        while (log.size() > logCapacity) {
            log.removeFirst();
        }
        return entry;
    }

    public Phase phase() {
        if (ports.isEmpty()) {
            return Phase.IDLE;
        }
        return ports.values().stream().anyMatch(p -> p.live) ? Phase.LISTENING : Phase.STOPPED;
    }

    /** The ports in the picture, in the order they started: the live ones, or the ones stopped last. */
    public List<PortInfo> ports() {
        return ports.values().stream().map(PortState::snapshot).toList();
    }

    /** The port of the given run, or null. */
    public PortInfo port(long runId) {
        PortState p = ports.get(runId);
        return p == null ? null : p.snapshot();
    }

    private PortState first() {
        return ports.values().stream().filter(p -> p.live).findFirst()
                .orElse(ports.isEmpty() ? null : ports.values().iterator().next());
    }

    /** The first port's number (the one started first), or -1. */
    public int port() {
        PortState p = first();
        return p == null ? -1 : p.started.port();
    }

    /** Open sockets and live UDP flows, in the order they opened. */
    public Collection<SocketInfo> openSockets() {
        return Collections.unmodifiableCollection(open.values());
    }

    /** An open socket by id, or a recently closed one, or null. */
    public SocketInfo find(long id) {
        SocketInfo info = open.get(id);
        if (info != null) {
            return info;
        }
        for (SocketInfo closed : recentlyClosed) {
            if (closed.id() == id) {
                return closed;
            }
        }
        return null;
    }

    /** Closed sockets with their final figures, newest first, at most {@link #RECENTLY_CLOSED}. */
    public List<SocketInfo> recentlyClosed() {
        return List.copyOf(recentlyClosed);
    }

    /** The connections the kernel keeps after their fd closed (TIME_WAIT...), in the order they appeared. */
    public Collection<Ghost> ghosts() {
        return ghosts.all();
    }

    public int ghostCount() {
        return ghosts.size();
    }

    public int openCount() {
        return open.size();
    }

    public long acceptedTotal() {
        return acceptedTotal;
    }

    public long closedTotal() {
        return closedTotal;
    }

    public long requestsTotal() {
        return requestsTotal;
    }

    public long datagramsTotal() {
        return datagramsTotal;
    }

    /** Connections closed at once because the open-socket limit was reached. */
    public long refusedTotal() {
        return refusedTotal;
    }

    /** Events ignored because they belonged to a stopped or superseded run. */
    public long droppedEvents() {
        return dropped;
    }

    public List<LogEntry> log() {
        return log.stream().map(LogLine::entry).toList();
    }

    /** Open sockets grouped by client host, hosts in the order they first connected. */
    public Map<String, List<SocketInfo>> socketsByHost() {
        return open.values().stream().collect(Collectors.groupingBy(SocketInfo::host, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** The status line: what is happening, in plain words. */
    public String statusLine() {
        List<PortState> live = ports.values().stream().filter(p -> p.live).toList();
        switch (phase()) {
            case IDLE:
                return "Not listening. Choose a port and press Start.";
            case STOPPED:
                List<PortState> all = List.copyOf(ports.values());
                String numbers = all.stream().map(p -> Integer.toString(p.started.port())).distinct()
                        .collect(Collectors.joining(", "));
                boolean one = numbers.indexOf(',') < 0;
                return "Stopped. " + (one ? "Port " + numbers + " is" : "Ports " + numbers + " are") + " closed · "
                        + acceptedTotal + " accepted while " + (one ? "it" : "they") + " listened.";
            default:
                break;
        }
        long tcpOpen = open.values().stream().filter(s -> s.protocol() == Protocol.TCP).count();
        long flows = open.size() - tcpOpen;
        boolean anyUdp = live.stream().anyMatch(p -> p.started.protocol() == Protocol.UDP);
        boolean anyTcp = live.stream().anyMatch(p -> p.started.protocol() == Protocol.TCP);
        StringBuilder s = new StringBuilder("Listening on ");
        if (live.size() == 1) {
            ServerEvent.Listening l = live.get(0).started;
            s.append(l.bind().description()).append(", ").append(l.protocol()).append(" port ").append(l.port())
                    .append(" · ").append(l.protocol() == Protocol.TCP
                            ? (l.sockets().size() == 1 ? "listening socket " : "listening sockets ")
                            : (l.sockets().size() == 1 ? "socket " : "sockets "))
                    .append(ListeningSocket.descriptorLabels(l.sockets()));
        } else {
            s.append(live.size()).append(" ports: ").append(live.stream()
                    .map(p -> p.started.protocol() + " " + p.started.port() + " ("
                            + ListeningSocket.descriptorLabels(p.started.sockets()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (anyTcp) {
            s.append(" · ").append(plural(tcpOpen, "open socket")).append(" · ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", acceptedTotal)).append(" accepted");
        }
        if (anyUdp) {
            s.append(" · ").append(plural(flows, "UDP peer")).append(" · ").append(plural(datagramsTotal, "datagram"));
        }
        if (refusedTotal != 0) {
            s.append(" · ").append(refusedTotal).append(" refused: the open-socket limit was reached");
        }
        return s.toString();
    }

    static String plural(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }
}
