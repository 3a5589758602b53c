package io.socketscope.server;

/** One port to listen on: a protocol and a port number, written {@code tcp:8080} or {@code udp:53}. */
public record ListenSpec(Protocol protocol, int port) {

    public ListenSpec {
        if (protocol == null) {
            throw new IllegalArgumentException("protocol is required");
        }
        if (port < 0 || port > PortInput.MAX_PORT) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static ListenSpec tcp(int port) {
        return new ListenSpec(Protocol.TCP, port);
    }

    public static ListenSpec udp(int port) {
        return new ListenSpec(Protocol.UDP, port);
    }

    /**
     * Parses {@code tcp:8080}, {@code udp:8080} or a bare port (TCP); the error says in plain words what
     * is wrong.
     */
    public static ListenSpec parse(String text) throws IllegalArgumentException {
        String t = text == null ? "" : text.strip();
        Protocol protocol = Protocol.TCP;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            protocol = Protocol.fromText(t.substring(0, colon));
            if (protocol == null) {
                throw new IllegalArgumentException("\"" + t.substring(0, colon) + "\" is not a protocol: write tcp:PORT or udp:PORT.");
            }
            t = t.substring(colon + 1);
        }
        PortInput.Result r = PortInput.parse(t);
        if (!r.ok()) {
            throw new IllegalArgumentException(r.error());
        }
        return new ListenSpec(protocol, r.port());
    }

    /** {@code TCP :8080}: how a port node is titled. */
    public String title() {
        return protocol + " :" + port;
    }

    /** {@code tcp:8080}: the command-line form. */
    @Override
    public String toString() {
        return protocol.option() + ":" + port;
    }
}
