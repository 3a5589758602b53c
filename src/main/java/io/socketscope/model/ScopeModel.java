package io.socketscope.model;

import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.ServerEvent;
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
 * The state of the port and its sockets, folded from server events with no UI thread involved. Events of
 * any run other than the newest one, or of a run after it stopped, are dropped.
 */
public final class ScopeModel {

    /** Whether a port is being listened on. */
    public enum Phase { IDLE, LISTENING, STOPPED }

    /**
     * What one batch changed: sockets that opened, that learned something new (a User-Agent), and that
     * closed, and log entries added.
     */
    public record Change(List<SocketInfo> opened, List<SocketInfo> updated, List<SocketInfo> closed,
                         List<LogEntry> logged, boolean phaseChanged) {
        public boolean isEmpty() {
            return opened.isEmpty() && updated.isEmpty() && closed.isEmpty() && logged.isEmpty() && !phaseChanged;
        }
    }

    private final int logCapacity;
    private final Deque<LogEntry> log = new ArrayDeque<>();
    private final Map<Long, SocketInfo> open = new LinkedHashMap<>();
    private Phase phase = Phase.IDLE;
    private long newestRun;
    private boolean runLive;
    private int port = -1;
    private BindMode bind = BindMode.ALL;
    private List<ListeningSocket> listening = List.of();
    private long acceptedTotal;
    private long closedTotal;
    private long requestsTotal;
    private long refusedTotal;
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
        List<SocketInfo> updated = new ArrayList<>();
        List<LogEntry> logged = new ArrayList<>();
        boolean phaseChanged = false;
        for (ServerEvent event : batch) {
            if (!accepts(event)) {
                dropped++;
                continue;
            }
            if (event instanceof ServerEvent.Listening e) {
                closed.addAll(open.values());
                open.clear();
                newestRun = e.runId();
                runLive = true;
                phase = Phase.LISTENING;
                port = e.port();
                bind = e.bind();
                listening = e.sockets();
                acceptedTotal = 0;
                closedTotal = 0;
                requestsTotal = 0;
                refusedTotal = 0;
                phaseChanged = true;
            } else if (event instanceof ServerEvent.Accepted e) {
                SocketInfo info = new SocketInfo(e.connection(), e.time(), 0, "");
                open.put(info.id(), info);
                opened.add(info);
                acceptedTotal++;
            } else if (event instanceof ServerEvent.Request e) {
                requestsTotal++;
                SocketInfo before = open.get(e.connection().id());
                if (before != null) {
                    SocketInfo after = before.withRequest(e.userAgent());
                    open.put(after.id(), after);
                    if (!after.userAgent().equals(before.userAgent())) {
                        updated.add(after);
                    }
                }
            } else if (event instanceof ServerEvent.Closed e) {
                SocketInfo info = open.remove(e.connection().id());
                if (e.reason() == CloseReason.REFUSED_LIMIT) {
                    refusedTotal++;
                }
                if (info != null) {
                    closed.add(info);
                    closedTotal++;
                }
            } else if (event instanceof ServerEvent.Stopped) {
                // Every socket was closed with its own event before this; anything left would be a lie.
                closed.addAll(open.values());
                closedTotal += open.size();
                open.clear();
                runLive = false;
                phase = Phase.STOPPED;
                phaseChanged = true;
            }
            logged.add(append(EventLines.entry(event)));
        }
        return new Change(opened, updated, closed, logged, phaseChanged);
    }

    /** Records a problem that belongs to no run, such as a port that could not be bound. */
    public Change noteProblem(String message) {
        LogEntry entry = append(new LogEntry(Instant.now(), LogEntry.Kind.ERROR, "", "", message));
        return new Change(List.of(), List.of(), List.of(), List.of(entry), false);
    }

    private boolean accepts(ServerEvent event) {
        if (event instanceof ServerEvent.Listening) {
            return event.runId() > newestRun;
        }
        return runLive && event.runId() == newestRun;
    }

    private LogEntry append(LogEntry entry) {
        log.addLast(entry);
        while (log.size() > logCapacity) {
            log.removeFirst();
        }
        return entry;
    }

    public Phase phase() {
        return phase;
    }

    public int port() {
        return port;
    }

    public BindMode bind() {
        return bind;
    }

    public List<ListeningSocket> listening() {
        return listening;
    }

    public Collection<SocketInfo> openSockets() {
        return Collections.unmodifiableCollection(open.values());
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

    /** Connections closed at once because the open-socket limit was reached. */
    public long refusedTotal() {
        return refusedTotal;
    }

    /** Events ignored because they belonged to a stopped or superseded run. */
    public long droppedEvents() {
        return dropped;
    }

    public List<LogEntry> log() {
        return List.copyOf(log);
    }

    /** Open sockets grouped by client host, hosts in the order they first connected. */
    public Map<String, List<SocketInfo>> socketsByHost() {
        return open.values().stream().collect(Collectors.groupingBy(SocketInfo::host, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** The status line: what is happening, in plain words. */
    public String statusLine() {
        return switch (phase) {
            case IDLE -> "Not listening. Choose a port and press Start.";
            case LISTENING -> "Listening on " + bind.description() + ", TCP port " + port + " · "
                    + listeningLabel() + " · " + plural(open.size(), "open socket") + " · " + acceptedTotal + " accepted"
                    + (refusedTotal == 0 ? "" : " · " + refusedTotal + " refused: the open-socket limit was reached");
            case STOPPED -> "Stopped. Port " + port + " is closed · " + acceptedTotal + " accepted while it listened.";
        };
    }

    private String listeningLabel() {
        return (listening.size() == 1 ? "listening socket " : "listening sockets ") + listeningDescriptors();
    }

    /** The descriptors of the listening sockets, e.g. {@code fd 41} or {@code fd 41, fd 42}. */
    public String listeningDescriptors() {
        return ListeningSocket.descriptorLabels(listening);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
