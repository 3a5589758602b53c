package io.socketscope.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a UDP port: one socket (one descriptor) receives every peer's datagrams, with no accept and
 * no connections. Each datagram is answered with a line saying which socket got it. Peers are tracked as
 * flows only to draw them: a flow starts with a peer's first datagram and ends after a quiet period.
 *
 * <p>A UDP port that answers anyone can be made to send traffic to anyone (the source address of a datagram
 * is the sender's word), so answers are limited: none to a source port below 1024 (no reflection onto
 * services), at most {@value #REPLIES_PER_PEER} a second to one peer and {@value #REPLIES_PER_PORT} a second
 * in all; each datagram left unanswered says why in its event. Flows are capped like TCP sockets
 * ({@code maxSockets}); datagrams from new peers past the cap are counted and reported, not tracked. Flows
 * are kept least recently heard first, so expiring the quiet ones costs nothing per datagram.
 */
public final class DatagramServer implements PortListener {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramServer.class);
    /** The largest UDP payload (65,535 minus the IP and UDP headers). */
    static final int MAX_DATAGRAM = 65_507;
    static final int PREVIEW_CHARS = 80;
    private static final int SWEEP_MILLIS = 250;
    /** Replies to one peer in one second, at most. */
    static final int REPLIES_PER_PEER = 10;
    /** Replies from the port in one second, at most. */
    static final int REPLIES_PER_PORT = 1000;
    private static final long SECOND = 1_000_000_000L;

    private final ServerConfig config;
    private final ServerListener listener;
    private final DescriptorLookup lookup;
    private final long runId = Ids.nextRun();
    private final Object lock = new Object();
    private final List<Bound> sockets = new ArrayList<>();
    private final List<Thread> receivers = new ArrayList<>();
    /** Least recently heard first (access order): the quiet ones are at the head. */
    private final Map<FlowKey, Flow> flows = new LinkedHashMap<>(64, 0.75f, true);
    private long portSecond;
    private int portReplies;
    /** Datagrams from new peers past the flow cap, not yet reported, and when that was last reported. */
    private long ignored;
    private long ignoredReportedAt = System.nanoTime() - SECOND;
    private volatile boolean running;
    private int port;

    private DatagramServer(ServerConfig config, ServerListener listener, DescriptorLookup lookup) {
        this.config = config;
        this.listener = new SafeListener(listener);
        this.lookup = lookup;
    }

    /** Binds the UDP port, or throws a {@link BindFailure} that explains why not. */
    public static DatagramServer start(ServerConfig config, ServerListener listener, DescriptorLookup lookup)
            throws BindFailure {
        Background.lowerCompilers();
        DatagramServer server = new DatagramServer(config, listener, lookup);
        server.bindAndReceive();
        return server;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public Protocol protocol() {
        return Protocol.UDP;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int openSockets() {
        synchronized (lock) {
            return flows.size();
        }
    }

    /** UDP has no connection to close: a peer's next datagram simply arrives again. */
    @Override
    public boolean closeSocket(long socketId) {
        return false;
    }

    private void bindAndReceive() throws BindFailure {
        List<ListeningSocket> bound = new ArrayList<>();
        port = PortBinding.bindAll(config, Protocol.UDP, at -> bindOne(at, bound), () -> {
            closeSockets();
            sockets.clear();
            bound.clear();
        });
        running = true;
        emit(new ServerEvent.Listening(runId, Instant.now(), Protocol.UDP, config.bind(), port, bound));
        for (Bound b : sockets) {
            String family = b.socket.getLocalAddress().getAddress().length == 16 ? "-v6" : "";
            Thread receiver = Background.thread(() -> receiveLoop(b), "socketscope-udp-" + port + family);
            receiver.setDaemon(true);
            receivers.add(receiver);
            receiver.start();
        }
    }

    /** Binds one UDP socket; on failure it is closed and the error passed on. */
    private InetSocketAddress bindOne(InetSocketAddress at, List<ListeningSocket> bound) throws IOException {
        // No SO_REUSEADDR: for UDP it would let a second program share the port silently.
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(at);
            socket.setSoTimeout(SWEEP_MILLIS);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
        Descriptor descriptor = lookup.datagram(local);
        sockets.add(new Bound(socket, Endpoint.of(local), descriptor));
        bound.add(new ListeningSocket(Endpoint.of(local), descriptor));
        return local;
    }

    private void receiveLoop(Bound bound) {
        byte[] buffer = new byte[MAX_DATAGRAM + 1];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                bound.socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                forgetQuietFlows();
                continue;
            } catch (IOException e) {
                if (!running || bound.socket.isClosed()) {
                    return;
                }
                // An ICMP error from an earlier reply, or a transient failure: report, keep receiving.
                emit(new ServerEvent.Failed(runId, Instant.now(), null, "UDP port " + port + ": " + e.getMessage()));
                continue;
            }
            answer(bound, packet);
            forgetQuietFlows();
        }
    }

    private void answer(Bound bound, DatagramPacket packet) {
        InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
        Endpoint peer = Endpoint.of(from);
        int size = packet.getLength();
        long now = System.nanoTime();
        Flow flow;
        long number = 0;
        String unanswered = "";
        byte[] reply = null;
        String ignoredReport = null;
        synchronized (lock) {
            if (!running) {
                return;
            }
            FlowKey key = new FlowKey(bound.local, peer);
            flow = flows.get(key); // moves it to the end: the most recently heard
            if (flow == null && flows.size() >= config.maxSockets()) {
                ignored++;
                if (now - ignoredReportedAt >= SECOND) {
                    ignoredReportedAt = now;
                    ignoredReport = String.format(java.util.Locale.ROOT, "UDP port %d: %,d datagram%s from new peers"
                            + " ignored: the flow limit (%,d) is reached", port, ignored, ignored == 1 ? "" : "s",
                            config.maxSockets());
                    ignored = 0;
                }
            } else {
                if (flow == null) {
                    flow = new Flow(new ConnectionRef(Ids.nextSocket(), peer, bound.local, bound.descriptor,
                            Protocol.UDP));
                    flows.put(key, flow);
                }
                number = ++flow.datagrams;
                flow.lastSeen = now;
                unanswered = refusal(flow, from.getPort(), now);
                if (unanswered.isEmpty()) {
                    reply = Pages.datagramReply(flow.ref, number, size, flows.size()).getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        if (flow == null) {
            if (ignoredReport != null) {
                emit(new ServerEvent.Failed(runId, Instant.now(), null, ignoredReport));
            }
            return;
        }
        String preview = ConnectionHandler.forLog(preview(packet.getData(), packet.getOffset(), size));
        int sent = 0;
        if (reply != null) {
            try {
                bound.socket.send(new DatagramPacket(reply, reply.length, from));
                sent = reply.length;
            } catch (IOException e) {
                LOG.debug("could not answer {}: {}", peer, e.toString());
            }
        }
        Traffic traffic;
        synchronized (lock) {
            if (!running) {
                return;
            }
            flow.traffic = flow.traffic.plus(size, sent);
            traffic = flow.traffic;
        }
        // Outside the lock: no listener runs under it. Stop reports its CLOSEs only after this thread is done.
        emit(new ServerEvent.Datagram(runId, Instant.now(), flow.ref, size, preview, number, traffic, unanswered));
    }

    /** Why this datagram gets no reply ("" when it does); counts the reply against the limits. Under the lock. */
    private String refusal(Flow flow, int peerPort, long now) {
        if (peerPort < 1024) {
            return "its source port " + peerPort + " is below 1024, and SocketScope never answers a privileged port"
                    + " (a forged sender could turn this port against a service there)";
        }
        long second = now / SECOND;
        if (flow.second != second) {
            flow.second = second;
            flow.replies = 0;
        }
        if (flow.replies >= REPLIES_PER_PEER) {
            return "rate limit, at most " + REPLIES_PER_PEER + " replies a second to one peer";
        }
        if (portSecond != second) {
            portSecond = second;
            portReplies = 0;
        }
        if (portReplies >= REPLIES_PER_PORT) {
            return "rate limit, at most " + REPLIES_PER_PORT + " replies a second from this port";
        }
        flow.replies++;
        portReplies++;
        return "";
    }

    /** The start of a datagram as text (the log escapes what is not printable). */
    private static String preview(byte[] data, int offset, int length) {
        int n = Math.min(length, PREVIEW_CHARS);
        String text = new String(data, offset, n, StandardCharsets.ISO_8859_1).strip();
        return text + (length > n ? "…" : "");
    }

    private void forgetQuietFlows() {
        long quietNanos = config.flowQuiet().toNanos();
        long now = System.nanoTime();
        List<Flow> quiet = new ArrayList<>();
        synchronized (lock) {
            if (!running) {
                return;
            }
            // Least recently heard first: stop at the first flow that is not quiet.
            for (Iterator<Flow> it = flows.values().iterator(); it.hasNext(); ) {
                Flow flow = it.next();
                if (now - flow.lastSeen < quietNanos) {
                    break;
                }
                it.remove();
                quiet.add(flow);
            }
        }
        for (Flow flow : quiet) {
            emit(new ServerEvent.Closed(runId, Instant.now(), flow.ref, CloseReason.QUIET, flow.traffic));
        }
    }

    @Override
    public void stop() {
        List<Flow> open;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            closeSockets();
            open = new ArrayList<>(flows.values());
            flows.clear();
        }
        // The port is free only once no receiver is left inside receive(); and once none is left, none can
        // report a datagram after the CLOSEs below.
        ServerThreads.joinAll(receivers);
        for (Flow flow : open) {
            emit(new ServerEvent.Closed(runId, Instant.now(), flow.ref, CloseReason.SERVER_STOP, flow.traffic));
        }
        emit(new ServerEvent.Stopped(runId, Instant.now(), Protocol.UDP, port));
    }

    private void closeSockets() {
        for (Bound b : sockets) {
            b.socket.close();
        }
    }

    private void emit(ServerEvent event) {
        listener.onEvent(event);
    }

    /** A bound UDP socket with its address and descriptor. */
    private record Bound(DatagramSocket socket, Endpoint local, Descriptor descriptor) {
    }

    /** A flow is one peer talking to one of the port's sockets. */
    private record FlowKey(Endpoint local, Endpoint peer) {
    }

    /** What is known of one peer's datagrams; guarded by the server's lock. */
    private static final class Flow {
        final ConnectionRef ref;
        long datagrams;
        long lastSeen;
        Traffic traffic = Traffic.NONE;
        /** The second (of nanoTime) its replies are counted in, and how many went out in it. */
        long second = Long.MIN_VALUE;
        int replies;

        Flow(ConnectionRef ref) {
            this.ref = ref;
        }
    }
}
