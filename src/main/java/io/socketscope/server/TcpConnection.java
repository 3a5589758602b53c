package io.socketscope.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted TCP socket: its channel, its byte counts, the handler that speaks to it (from its first
 * serving turn on), and the guarantee that its close is reported exactly once, after its accept.
 */
final class TcpConnection implements ConnectionHandler.Reporter, WaitingRoom.Guest {

    /** The server a connection belongs to: where it reports, and what it tells when it closes. */
    interface Home {
        long runId();

        /** Hands an event to the server's listener (which only enqueues). */
        void emit(ServerEvent event);

        /** Just before its CLOSE goes out: it no longer counts as open. */
        void closing(TcpConnection c);

        /** Once its CLOSE is out: the server forgets it, and any selector lets go of its channel. */
        void closed(TcpConnection c);

        /** Counts a live view or held connection from {@code ip}: null when admitted, else why not. */
        String admitLive(String ip);
    }

    private final Home home;
    final SocketChannel channel;
    final ConnectionRef ref;
    final AtomicBoolean closed = new AtomicBoolean();
    final TrafficCounter traffic = new TrafficCounter();
    /** When it leaves the room it waits in: a silent client to be greeted, a parked one at its idle timeout. */
    volatile long leaveAt;
    /** Speaks to it, from its first serving turn on; a parked socket resumes with it. */
    volatile ConnectionHandler handler;
    /** A live view or a held connection of the phone page (set when admitted), else NONE. */
    volatile SocketRole role = SocketRole.NONE;

    TcpConnection(SocketChannel channel, ConnectionRef ref, long bannerAt, Home home) {
        this.channel = channel;
        this.ref = ref;
        this.leaveAt = bannerAt;
        this.home = home;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public long leaveAt() {
        return leaveAt;
    }

    /** Writes a short text to a parked (non-blocking) socket; it fits its empty send buffer at once. */
    void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        int n = channel.write(bytes);
        traffic.sent(n);
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void answered(String line, int status, String userAgent) {
        home.emit(new ServerEvent.Request(home.runId(), Instant.now(), ref, line, status, userAgent, traffic.snapshot()));
    }

    @Override
    public void answered(String line, int status, String userAgent, SocketRole as) {
        home.emit(new ServerEvent.Request(home.runId(), Instant.now(), ref, line, status, userAgent, traffic.snapshot(),
                as));
    }

    /**
     * Asks to become a live view or held connection: counted against the limits under this socket's monitor,
     * so that its close (which gives the count back) sees the role it was admitted with.
     */
    @Override
    public String admitLive(SocketRole as) {
        synchronized (this) {
            if (closed.get()) {
                return "The connection closed.";
            }
            String refused = home.admitLive(ref.client().ip());
            if (refused == null) {
                role = as;
            }
            return refused;
        }
    }

    /** Whether the client's FIN has arrived. */
    boolean finSeen() {
        ConnectionHandler h = handler;
        return h != null && h.finSeen();
    }

    @Override
    public void finReceived() {
        home.emit(new ServerEvent.HalfClosed(home.runId(), Instant.now(), ref, traffic.snapshot()));
    }

    @Override
    public void greeted(boolean silent) {
        home.emit(new ServerEvent.Greeted(home.runId(), Instant.now(), ref, silent, traffic.snapshot()));
    }

    @Override
    public void tlsClient() {
        home.emit(new ServerEvent.Failed(home.runId(), Instant.now(), ref, "a TLS (https://) client: SocketScope speaks plain"
                + " http, open http://" + ref.server() + "/ instead"));
    }

    /**
     * Closes the socket and reports it, once. Under this socket's monitor, not the server's lock: its
     * ACCEPT is out before (see admit), and a second caller waits here until the first one's CLOSE is out.
     */
    void close(CloseReason reason) {
        synchronized (this) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
            home.closing(this);
            home.emit(new ServerEvent.Closed(home.runId(), Instant.now(), ref, reason, traffic.snapshot()));
            home.closed(this);
        }
    }
}
