package io.socketscope.ui.sockets;

import io.socketscope.model.SocketInfo;
import io.socketscope.model.SocketState;
import io.socketscope.server.Protocol;
import java.time.Instant;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the Sockets table: one open socket or live UDP flow, keyed by the socket's id, whose figures
 * are properties updated in place as its events arrive (the table redraws just those cells).
 */
public final class SocketRow {

    /** Where the row is in its short life on screen: new for a moment, open, closed for a moment, gone. */
    enum Status {
        NEW("new"), OPEN("open"), CLOSED("closed");

        final String words;

        Status(String words) {
            this.words = words;
        }
    }

    private final long id;
    private final String protocol;
    private final String client;
    private final String clientIp;
    private final String server;
    private final String descriptor;
    private final Instant openedAt;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.NEW);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyStringWrapper host = new ReadOnlyStringWrapper(this, "host", "");
    private final ReadOnlyStringWrapper kernel = new ReadOnlyStringWrapper(this, "kernel", "");
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper requests = new ReadOnlyLongWrapper(this, "requests");
    /** When its status last changed (nanoTime): new and closed rows return to normal or leave after a while. */
    long statusSince;
    private String hostName = "";
    private String device = "";

    SocketRow(SocketInfo info, long now) {
        this.id = info.id();
        this.protocol = info.protocol().name();
        this.client = info.connection().client().toString();
        this.clientIp = info.host();
        this.server = info.connection().server().toString();
        this.descriptor = info.connection().descriptor().label();
        this.openedAt = info.openedAt();
        this.statusSince = now;
        update(info);
    }

    /** Takes the socket's current figures and state. */
    void update(SocketInfo info) {
        state.set(stateWords(info));
        kernel.set(kernelWords(info));
        received.set(info.traffic().received());
        sent.set(info.traffic().sent());
        requests.set(info.requests());
        String guess = info.device() == io.socketscope.model.DeviceKind.UNKNOWN ? "" : info.device().words() + "?";
        if (!guess.equals(device)) {
            device = guess;
            writeHost();
        }
    }

    void setHostName(String name) {
        if (!name.equals(hostName)) {
            hostName = name;
            writeHost();
        }
    }

    private void writeHost() {
        host.set(hostName.isEmpty() ? device : device.isEmpty() ? hostName : hostName + " · " + device);
    }

    void setStatus(Status now, long at) {
        status.set(now);
        statusSince = at;
    }

    /**
     * The kernel's state ({@code ESTABLISHED}, {@code CLOSE_WAIT}); a closed socket's, once its fd is gone,
     * is in the graph's ghosts; {@code —} where the kernel was not read.
     */
    private static String kernelWords(SocketInfo info) {
        if (info.protocol() == Protocol.UDP) {
            return "no connection";
        }
        if (!info.isOpen()) {
            return "fd closed";
        }
        return info.kernel() == null ? "—" : info.kernel().name();
    }

    public javafx.beans.property.ReadOnlyStringProperty kernelProperty() {
        return kernel.getReadOnlyProperty();
    }

    private static String stateWords(SocketInfo info) {
        if (info.protocol() == Protocol.UDP) {
            return info.isOpen() ? "flow" : "quiet";
        }
        return switch (info.state()) {
            case OPEN -> "open";
            case LIVE_VIEW -> "live view";
            case HELD -> "held";
            case HALF_CLOSED -> "half-closed";
            case RESET -> "reset";
            case CLOSED_BY_SERVER -> "closed by server";
            case CLOSED_BY_PEER -> "closed by peer";
            case ERROR -> "error";
            default -> info.state() == SocketState.FLOW ? "flow" : "ended";
        };
    }

    public long id() {
        return id;
    }

    String protocol() {
        return protocol;
    }

    public String client() {
        return client;
    }

    /** The client's address alone, as the graph keys hosts. */
    String clientIp() {
        return clientIp;
    }

    String server() {
        return server;
    }

    public String descriptor() {
        return descriptor;
    }

    Instant openedAt() {
        return openedAt;
    }

    Status status() {
        return status.get();
    }

    ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty hostProperty() {
        return host.getReadOnlyProperty();
    }

    ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    ReadOnlyLongProperty requestsProperty() {
        return requests.getReadOnlyProperty();
    }

    /** Every word the filter may match: protocol, client, host, server, descriptor, state. */
    String haystack() {
        return protocol + " " + client + " " + host.get() + " " + server + " " + state.get() + " " + status.get().words;
    }
}
