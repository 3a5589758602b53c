package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Where no OS descriptor can be read, the surrogate is labeled "id" and never called "fd". */
class SurrogateTest {

    @Test
    void surrogateIdsAreLabeledAsSuch() throws Exception {
        EventRecorder events = new EventRecorder();
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), events, new SurrogateIds());
        try (Socket c = Clients.connect(server.port())) {
            ConnectionRef ref = events.await(ServerEvent.Accepted.class, 1).get(0).connection();
            assertEquals(Descriptor.Kind.SURROGATE, ref.descriptor().kind());
            // A fresh id space counts from 1: the listening sockets first, then this connection.
            int listening = events.await(ServerEvent.Listening.class, 1).get(0).sockets().size();
            assertEquals("id " + (listening + 1), ref.descriptor().label());
            Clients.Response json = Clients.get(c, "/socket.json");
            assertTrue(json.body().contains("\"fdKind\":\"surrogate\""), json.body());
            Clients.Response html = Clients.get(c, "/");
            assertTrue(html.body().contains("You are socket <span class=\"fd\">" + ref.descriptor().label()));
            assertTrue(html.body().contains("SocketScope's own id"));
        } finally {
            server.stop();
        }
    }

    @Test
    void oneLookupForSeveralPortsNeverGivesTheSameIdTwice() throws Exception {
        SurrogateIds ids = new SurrogateIds();
        EventRecorder events = new EventRecorder();
        SocketServer a = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), events, ids);
        SocketServer b = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), events, ids);
        DatagramServer u = DatagramServer.start(ServerConfig.of(0, BindMode.LOCAL), events, ids);
        try (Socket c1 = Clients.connect(a.port()); Socket c2 = Clients.connect(b.port());
             Socket c3 = Clients.connect(a.port())) {
            events.await(ServerEvent.Accepted.class, 3);
            java.util.List<String> labels = new java.util.ArrayList<>();
            for (ServerEvent.Listening l : events.of(ServerEvent.Listening.class)) {
                l.sockets().forEach(s -> labels.add(s.descriptor().label()));
            }
            events.of(ServerEvent.Accepted.class).forEach(e -> labels.add(e.connection().descriptor().label()));
            assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), "every id is its own: " + labels);
            assertTrue(labels.size() >= 3 + 3 + 3, labels.toString());
        } finally {
            a.stop();
            b.stop();
            u.stop();
        }
    }
}
