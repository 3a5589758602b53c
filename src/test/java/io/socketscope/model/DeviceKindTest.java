package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Descriptor;
import io.socketscope.server.Endpoint;
import io.socketscope.server.ServerEvent;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceKindTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | PHONE",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 | PHONE",
        "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | TABLET",
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1 | TABLET",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 | COMPUTER",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0 | COMPUTER",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15 | COMPUTER",
        "curl/8.5.0 | COMMAND_LINE",
        "Wget/1.21.3 | COMMAND_LINE",
        "python-requests/2.32.3 | COMMAND_LINE",
        "SomethingElse/1.0 | UNKNOWN",
        "'' | UNKNOWN",
    })
    void userAgentsAreGuessed(String userAgent, DeviceKind kind) {
        assertEquals(kind, DeviceKind.fromUserAgent(userAgent));
    }

    @Test
    void ipv4MappedPeersAreOneHostWithTheirIpv4Address() throws Exception {
        ScopeModel model = new ScopeModel();
        Endpoint server = new Endpoint(InetAddress.getByName("192.168.1.245"), 8080);
        ConnectionRef mapped = new ConnectionRef(1, new Endpoint(InetAddress.getByName("::ffff:192.168.1.251"), 5000),
                server, Descriptor.os(10));
        ConnectionRef plain = new ConnectionRef(2, new Endpoint(InetAddress.getByName("192.168.1.251"), 5001),
                server, Descriptor.os(11));
        ConnectionRef v6 = new ConnectionRef(3, new Endpoint(InetAddress.getByName("2001:db8::5"), 5002),
                server, Descriptor.os(12));
        Instant t = Instant.now();
        model.apply(List.of(new ServerEvent.Listening(1, t, io.socketscope.server.BindMode.ALL, 8080, List.of()),
                new ServerEvent.Accepted(1, t, mapped), new ServerEvent.Accepted(1, t, plain),
                new ServerEvent.Accepted(1, t, v6)));
        assertEquals(List.of("192.168.1.251", "2001:db8::5"), List.copyOf(model.socketsByHost().keySet()));
        assertEquals(2, model.socketsByHost().get("192.168.1.251").size());
    }

    @Test
    void aRequestsUserAgentUpdatesItsSocket() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef c = new ConnectionRef(1, new Endpoint(InetAddress.getByName("127.0.0.1"), 5000),
                new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(10));
        Instant t = Instant.now();
        model.apply(List.of(new ServerEvent.Listening(1, t, io.socketscope.server.BindMode.ALL, 8080, List.of()),
                new ServerEvent.Accepted(1, t, c)));
        ScopeModel.Change change = model.apply(List.of(new ServerEvent.Request(1, t, c, "GET / HTTP/1.1", 200, "curl/8.5.0")));
        assertEquals(1, change.updated().size());
        assertEquals(DeviceKind.COMMAND_LINE, change.updated().get(0).device());
        ScopeModel.Change same = model.apply(List.of(new ServerEvent.Request(1, t, c, "GET / HTTP/1.1", 200, "curl/8.5.0")));
        assertEquals(2, same.updated().get(0).requests(), "the count grows");
        assertEquals(DeviceKind.COMMAND_LINE, same.updated().get(0).device(), "the guess stays");
    }
}
