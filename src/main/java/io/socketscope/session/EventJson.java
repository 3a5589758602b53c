package io.socketscope.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Descriptor;
import io.socketscope.server.Endpoint;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.SocketRole;
import io.socketscope.server.Traffic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One server event as one JSON object of a session file, and back: {@code type} (LISTEN, ACCEPT, REQUEST,
 * GREET, FIN, DATAGRAM, CLOSE, ERROR, STOP), {@code time}, {@code run}, {@code protocol}, the client and
 * server {@code {ip, port}}, {@code fd} with {@code fdKind}, and the event's own details.
 */
final class EventJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventJson() {
    }

    static ObjectNode write(ServerEvent event) {
        ObjectNode o = JSON.objectNode();
        if (event instanceof ServerEvent.Listening e) {
            head(o, "LISTEN", e).put("protocol", e.protocol().name()).put("bind", e.bind().optionValue())
                    .put("port", e.port());
            ArrayNode sockets = o.putArray("sockets");
            for (ListeningSocket s : e.sockets()) {
                ObjectNode n = sockets.addObject();
                n.put("ip", s.local().ip()).put("port", s.local().port());
                descriptor(n, s.descriptor());
            }
        } else if (event instanceof ServerEvent.Accepted e) {
            connection(head(o, "ACCEPT", e), e.connection());
        } else if (event instanceof ServerEvent.Request e) {
            connection(head(o, "REQUEST", e), e.connection()).put("line", e.line()).put("status", e.status())
                    .put("userAgent", e.userAgent());
            if (e.role() != SocketRole.NONE) {
                o.put("role", e.role().name());
            }
            traffic(o, e.traffic());
        } else if (event instanceof ServerEvent.Greeted e) {
            traffic(connection(head(o, "GREET", e), e.connection()).put("silent", e.silent()), e.traffic());
        } else if (event instanceof ServerEvent.HalfClosed e) {
            traffic(connection(head(o, "FIN", e), e.connection()), e.traffic());
        } else if (event instanceof ServerEvent.Datagram e) {
            connection(head(o, "DATAGRAM", e), e.flow()).put("size", e.size()).put("preview", e.preview())
                    .put("number", e.number()).put("unanswered", e.unanswered());
            traffic(o, e.traffic());
        } else if (event instanceof ServerEvent.Closed e) {
            traffic(connection(head(o, "CLOSE", e), e.connection()).put("reason", e.reason().code()), e.traffic());
        } else if (event instanceof ServerEvent.KernelState e) {
            connection(head(o, "KERNEL", e), e.connection()).put("state", e.state().name())
                    .put("remainingMillis", e.remainingMillis()).put("fdOpen", e.fdOpen());
        } else if (event instanceof ServerEvent.Failed e) {
            head(o, "ERROR", e).put("message", e.message());
            if (e.connection() != null) {
                connection(o, e.connection());
            }
        } else if (event instanceof ServerEvent.Stopped e) {
            head(o, "STOP", e).put("protocol", e.protocol().name()).put("port", e.port());
        }
        return o;
    }

    /** The event a line describes; an {@link IllegalArgumentException} says what is missing or wrong. */
    static ServerEvent read(JsonNode o) {
        String type = text(o, "type");
        long run = number(o, "run");
        Instant time;
        try {
            time = Instant.parse(text(o, "time"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"time\" is not a time: " + o.get("time"));
        }
        return switch (type) {
            case "LISTEN" -> {
                List<ListeningSocket> sockets = new ArrayList<>();
                for (JsonNode n : o.path("sockets")) {
                    sockets.add(new ListeningSocket(endpoint(n), descriptorOf(n)));
                }
                yield new ServerEvent.Listening(run, time, protocol(o), BindMode.fromOption(text(o, "bind")),
                        (int) number(o, "port"), sockets);
            }
            case "ACCEPT" -> new ServerEvent.Accepted(run, time, connectionOf(o), 0);
            case "REQUEST" -> new ServerEvent.Request(run, time, connectionOf(o), text(o, "line"),
                    (int) number(o, "status"), o.path("userAgent").asText(""), trafficOf(o), role(o));
            case "GREET" -> new ServerEvent.Greeted(run, time, connectionOf(o), o.path("silent").asBoolean(),
                    trafficOf(o));
            case "FIN" -> new ServerEvent.HalfClosed(run, time, connectionOf(o), trafficOf(o));
            case "DATAGRAM" -> new ServerEvent.Datagram(run, time, connectionOf(o), (int) number(o, "size"),
                    o.path("preview").asText(""), number(o, "number"), trafficOf(o), o.path("unanswered").asText(""));
            case "CLOSE" -> new ServerEvent.Closed(run, time, connectionOf(o), reason(text(o, "reason")), trafficOf(o));
            case "KERNEL" -> new ServerEvent.KernelState(run, time, connectionOf(o), tcpState(text(o, "state")),
                    o.path("remainingMillis").asLong(-1), o.path("fdOpen").asBoolean());
            case "ERROR" -> new ServerEvent.Failed(run, time, o.has("client") ? connectionOf(o) : null, text(o, "message"));
            case "STOP" -> new ServerEvent.Stopped(run, time, protocol(o), (int) number(o, "port"));
            default -> throw new IllegalArgumentException("unknown event type \"" + type + "\"");
        };
    }

    private static ObjectNode head(ObjectNode o, String type, ServerEvent e) {
        return o.put("type", type).put("time", e.time().toString()).put("run", e.runId());
    }

    private static ObjectNode connection(ObjectNode o, ConnectionRef c) {
        o.put("protocol", c.protocol().name()).put("id", c.id());
        o.putObject("client").put("ip", c.client().ip()).put("port", c.client().port());
        o.putObject("server").put("ip", c.server().ip()).put("port", c.server().port());
        return descriptor(o, c.descriptor());
    }

    private static ObjectNode descriptor(ObjectNode o, Descriptor d) {
        return o.put("fd", d.number()).put("fdKind", d.kind().jsonName());
    }

    private static ObjectNode traffic(ObjectNode o, Traffic t) {
        return o.put("bytesIn", t.received()).put("bytesOut", t.sent());
    }

    private static ConnectionRef connectionOf(JsonNode o) {
        return new ConnectionRef(number(o, "id"), endpoint(field(o, "client")), endpoint(field(o, "server")),
                descriptorOf(o), protocol(o));
    }

    private static Descriptor descriptorOf(JsonNode o) {
        String kind = text(o, "fdKind");
        for (Descriptor.Kind k : Descriptor.Kind.values()) {
            if (k.jsonName().equals(kind)) {
                return new Descriptor((int) number(o, "fd"), k);
            }
        }
        throw new IllegalArgumentException("unknown \"fdKind\": \"" + kind + "\"");
    }

    private static Endpoint endpoint(JsonNode o) {
        String ip = text(o, "ip");
        int port = (int) number(o, "port");
        if (!ip.matches("[0-9A-Fa-f:.%\\w-]+") || !(ip.indexOf(':') >= 0 || ip.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("\"ip\" is not an IP address: \"" + ip + "\"");
        }
        try {
            // A literal address: no name is looked up. A zone that this machine does not have is dropped.
            return new Endpoint(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            try {
                return new Endpoint(InetAddress.getByName(ip.replaceAll("%.*", "")), port);
            } catch (UnknownHostException again) {
                throw new IllegalArgumentException("\"ip\" is not an IP address: \"" + ip + "\"");
            }
        }
    }

    private static Traffic trafficOf(JsonNode o) {
        return new Traffic(o.path("bytesIn").asLong(0), o.path("bytesOut").asLong(0));
    }

    private static Protocol protocol(JsonNode o) {
        try {
            return Protocol.valueOf(text(o, "protocol"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown \"protocol\": " + o.get("protocol"));
        }
    }

    private static SocketRole role(JsonNode o) {
        String name = o.path("role").asText("NONE");
        for (SocketRole r : SocketRole.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown socket \"role\": \"" + name + "\"");
    }

    private static io.socketscope.server.TcpState tcpState(String name) {
        try {
            return io.socketscope.server.TcpState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown TCP \"state\": \"" + name + "\"");
        }
    }

    private static CloseReason reason(String code) {
        for (CloseReason r : CloseReason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown close \"reason\": \"" + code + "\"");
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return v;
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" is not text");
        }
        return v.asText();
    }

    private static long number(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a whole number");
        }
        return v.asLong();
    }
}
