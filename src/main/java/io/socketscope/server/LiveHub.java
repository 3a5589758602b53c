package io.socketscope.server;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone page's live views for one server run: every stream is written from this one thread, a few
 * times a second at most, so a thousand pages cost one thread. Server threads only hand it what happened
 * ({@link #changed}: a queue and a flag); it builds each phone's update itself.
 *
 * <p>A stream's socket is non-blocking and its send buffer small: a phone that does not read fills it, and
 * its updates are dropped (at most one half-written update is kept), the next one carries the whole state.
 * A phone that takes nothing for the idle timeout is closed. The hub also counts live views and held
 * connections against {@link LiveLimits}.
 */
final class LiveHub {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    /** Updates to a phone at most this often: a burst of changes is one update. */
    static final long COALESCE_NANOS = 250_000_000L;
    /** A stream with nothing to say hears a comment this often. */
    static final long HEARTBEAT_NANOS = 15_000_000_000L;
    /** What a stream's socket may hold unsent: a few dozen updates. */
    static final int STREAM_SEND_BUFFER = 16 * 1024;
    /** Happenings kept between two updates; a storm past it is counted, not queued. */
    private static final int MAX_QUEUED = 256;

    /** The server's open sockets, as the hub reads them. */
    interface Sockets {
        Collection<TcpConnection> open();

        /** Ends a stream that failed or stalled. */
        void end(TcpConnection c, CloseReason reason, IOException cause);
    }

    private static final class Stream {
        final TcpConnection c;
        ByteBuffer pending;
        boolean stale = true;
        /** When the socket last took a byte: a stream that takes nothing for the idle timeout is ended. */
        long lastWrite;

        Stream(TcpConnection c, long now) {
            this.c = c;
            this.lastWrite = now;
        }
    }

    private final int port;
    private final LiveLimits limits;
    private final long stallNanos;
    private final Sockets sockets;
    private final IntSupplier openCount;
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Queue<TcpConnection> arriving = new ConcurrentLinkedQueue<>();
    private final Queue<ServerEvent> happenings = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger missed = new AtomicInteger();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger streamCount = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;
    // The hub thread's own:
    private final List<Stream> streams = new ArrayList<>();
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private long sequence;
    private long lastUpdate;

    LiveHub(int port, ServerConfig config, Sockets sockets, IntSupplier openCount) {
        this.port = port;
        this.limits = config.live();
        this.stallNanos = config.idleTimeout().isZero() ? Long.MAX_VALUE : config.idleTimeout().toNanos();
        this.sockets = sockets;
        this.openCount = openCount;
        this.thread = Background.thread(this::run, "socketscope-live-" + port);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Counts a new live view or held connection from {@code ip}; null when it may open, else why not (in
     * words for the 429 page). Each admitted one is given back by {@link #released}.
     */
    String admit(String ip) {
        if (total.incrementAndGet() > limits.total()) {
            total.decrementAndGet();
            return "This port already has " + limits.total() + " live views and held connections open, the most it"
                    + " keeps. Try again in a minute.";
        }
        boolean[] room = {false};
        perClient.compute(ip, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limits.perClient()) {
                return n;
            }
            room[0] = true;
            return now + 1;
        });
        if (!room[0]) {
            total.decrementAndGet();
            return "Your address, " + ip + ", already has " + limits.perClient() + " live views and held connections"
                    + " open on this port, the most one address may have. Close some (\"Close my connections\"), or"
                    + " close a tab, and try again.";
        }
        return null;
    }

    /** An admitted live view or held connection from {@code ip} closed. */
    void released(String ip) {
        total.decrementAndGet();
        perClient.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Updates not written because a phone's socket was full (its next update carried the state). */
    long dropped() {
        return dropped.get();
    }

    /** A stream whose head is sent and whose socket is non-blocking: it gets its first update at once. */
    void stream(TcpConnection c) {
        try {
            c.channel.setOption(StandardSocketOptions.SO_SNDBUF, STREAM_SEND_BUFFER);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("stream send buffer: {}", e.toString());
        }
        arriving.add(c);
        streamCount.incrementAndGet();
        LockSupport.unpark(thread);
    }

    /** Something happened on the port. Any thread; only enqueues, and nothing at all while no page watches. */
    void changed(ServerEvent event) {
        if (streamCount.get() == 0) {
            return;
        }
        if (event instanceof ServerEvent.Accepted || event instanceof ServerEvent.Closed
                || (event instanceof ServerEvent.Request r && r.role() != SocketRole.NONE)) {
            if (queued.incrementAndGet() <= MAX_QUEUED) {
                happenings.add(event);
            } else {
                queued.decrementAndGet();
                missed.incrementAndGet();
            }
        }
        if (!dirty.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    /** Says goodbye to every stream (without waiting on any) and ends the thread; before the sockets close. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                once(System.nanoTime());
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("live views", e);
                LockSupport.parkNanos(10_000_000L);
            }
        }
        seat(System.nanoTime());
        byte[] bye = LiveState.bye(port);
        for (Stream s : streams) {
            if (!s.c.isClosed() && s.pending == null) {
                write(s, ByteBuffer.wrap(bye), System.nanoTime());
            }
        }
    }

    private void once(long now) {
        boolean fresh = seat(now);
        boolean due = dirty.get() && now - lastUpdate >= COALESCE_NANOS;
        if (due || fresh || anyStale()) {
            if (due) {
                dirty.set(false);
                lastUpdate = now;
            }
            update(now, due);
        }
        upkeep(now);
        if (streams.isEmpty()) {
            LockSupport.park(this);
        } else {
            long wait = dirty.get() ? lastUpdate + COALESCE_NANOS - now : COALESCE_NANOS;
            LockSupport.parkNanos(this, Math.max(1_000_000L, wait));
        }
    }

    private boolean seat(long now) {
        boolean any = false;
        for (TcpConnection c = arriving.poll(); c != null; c = arriving.poll()) {
            streams.add(new Stream(c, now));
            any = true;
        }
        return any;
    }

    private boolean anyStale() {
        for (Stream s : streams) {
            if (s.stale && s.pending == null) {
                return true;
            }
        }
        return false;
    }

    /** Sends each stream the state: every stream when {@code all}, else those that missed the last one. */
    private void update(long now, boolean all) {
        drainHappenings();
        Map<String, List<TcpConnection>> byClient = new HashMap<>();
        for (Stream s : streams) {
            byClient.putIfAbsent(s.c.ref.client().ip(), new ArrayList<>());
        }
        Set<String> devices = new HashSet<>();
        for (TcpConnection c : sockets.open()) {
            if (c.isClosed()) {
                continue;
            }
            String ip = c.ref.client().ip();
            devices.add(ip);
            List<TcpConnection> mine = byClient.get(ip);
            if (mine != null) {
                mine.add(c);
            }
        }
        LiveState.Port shared = new LiveState.Port(port, openCount.getAsInt(), devices.size(),
                LiveState.recentJson(recent));
        Map<String, String> clientParts = new HashMap<>();
        long id = ++sequence;
        for (Stream s : streams) {
            if (s.c.isClosed() || !(all || s.stale)) {
                continue;
            }
            String ip = s.c.ref.client().ip();
            String part = clientParts.computeIfAbsent(ip, k -> LiveState.client(k, byClient.get(k)));
            if (s.pending != null && !flush(s, now)) {
                s.stale = true;
                dropped.incrementAndGet();
                continue;
            }
            s.stale = false;
            write(s, ByteBuffer.wrap(LiveState.update(id, s.c, part, shared, limits)), now);
        }
    }

    private void drainHappenings() {
        for (ServerEvent e = happenings.poll(); e != null; e = happenings.poll()) {
            queued.decrementAndGet();
            String words = LiveState.happening(e);
            if (words != null) {
                recent.addLast(words);
                if (recent.size() > LiveState.RECENT) {
                    recent.removeFirst();
                }
            }
        }
        int lost = missed.getAndSet(0);
        if (lost > 0) {
            recent.addLast("… and " + lost + " more changes");
            if (recent.size() > LiveState.RECENT) {
                recent.removeFirst();
            }
        }
    }

    /** Drops closed streams; flushes half-written updates; a heartbeat for quiet ones; ends stalled ones. */
    private void upkeep(long now) {
        for (Iterator<Stream> it = streams.iterator(); it.hasNext(); ) {
            Stream s = it.next();
            if (s.c.isClosed()) {
                it.remove();
                streamCount.decrementAndGet();
                continue;
            }
            if (s.pending != null) {
                flush(s, now);
                if (s.pending != null && now - s.lastWrite > stallNanos) {
                    sockets.end(s.c, CloseReason.IDLE_TIMEOUT, null);
                }
            } else if (now - s.lastWrite > HEARTBEAT_NANOS) {
                write(s, ByteBuffer.wrap(LiveState.HEARTBEAT), now);
            }
        }
    }

    /** Writes what the socket takes now; keeps the rest as the stream's one pending update. */
    private void write(Stream s, ByteBuffer bytes, long now) {
        if (s.c.channel.isBlocking()) {
            // Not seated in the idle room yet, or leaving it: never block this thread on one phone.
            s.stale = true;
            return;
        }
        try {
            int n = s.c.channel.write(bytes);
            s.c.traffic.sent(n);
            if (n > 0) {
                s.lastWrite = now;
            }
            if (bytes.hasRemaining()) {
                s.pending = bytes;
            }
        } catch (IOException e) {
            sockets.end(s.c, null, e);
        }
    }

    /** Writes the rest of a half-written update; true when nothing is left. */
    private boolean flush(Stream s, long now) {
        if (s.c.channel.isBlocking()) {
            return false;
        }
        ByteBuffer rest = s.pending;
        s.pending = null;
        write(s, rest, now);
        return s.pending == null;
    }
}
