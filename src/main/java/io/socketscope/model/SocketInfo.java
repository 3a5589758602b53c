package io.socketscope.model;

import io.socketscope.server.ConnectionRef;
import java.time.Instant;

/** What the model knows of one open socket; keyed by the connection's own id, never by descriptor. */
public record SocketInfo(ConnectionRef connection, Instant openedAt, int requests, String userAgent) {

    public long id() {
        return connection.id();
    }

    /** The client host this socket comes from: its IP as people write it. */
    public String host() {
        return connection.client().ip();
    }

    /** {@code 192.168.1.251:53422 · fd 57}: the edge label. */
    public String label() {
        return connection.client() + " · " + connection.descriptor().label();
    }

    /** The guess from the last User-Agent this socket sent. */
    public DeviceKind device() {
        return DeviceKind.fromUserAgent(userAgent);
    }

    SocketInfo withRequest(String agent) {
        return new SocketInfo(connection, openedAt, requests + 1, agent.isEmpty() ? userAgent : agent);
    }
}
