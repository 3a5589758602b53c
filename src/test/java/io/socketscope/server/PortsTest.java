package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''        | Type a port number: a whole number from 0 to 65535.",
        "abc       | \"abc\" is not a port number. A port is a whole number from 0 to 65535.",
        "80.5      | \"80.5\" is not a port number. A port is a whole number from 0 to 65535.",
        "-1        | Ports cannot be negative: they are 16-bit unsigned numbers, 0–65535.",
        "65536     | Ports are 16-bit unsigned: 0–65535, so 65536 does not fit.",
        "99999999999 | Ports are 16-bit unsigned: 0–65535, so 99999999999 does not fit.",
    })
    void invalidPortsAreExplained(String typed, String message) {
        PortInput.Result r = PortInput.parse(typed);
        assertFalse(r.ok());
        assertEquals(message, r.error());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "65535,65535", "' 8080 ',8080", "+80,80", "00022,22"})
    void validPortsParse(String typed, int port) {
        PortInput.Result r = PortInput.parse(typed);
        assertTrue(r.ok(), r.error());
        assertEquals(port, r.port());
    }

    @Test
    void privilegedAndWellKnownPortsGetANote() {
        assertEquals("Port 80 is commonly used for HTTP. Ports below 1024 are privileged: only an"
                + " administrator (root) may listen on them.", PortInput.note(80));
        assertTrue(PortInput.note(25).contains("SMTP"));
        assertTrue(PortInput.note(443).contains("HTTPS"));
        assertTrue(PortInput.note(0).contains("operating system pick"));
        assertEquals("", PortInput.note(50_000));
    }

    @Test
    void portInUseNamesThePortAndSuggestsAFreeOne() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = squatter.getLocalPort();
            EventRecorder events = new EventRecorder();
            BindFailure f = assertThrows(BindFailure.class, () -> SocketServer.start(
                    ServerConfig.of(port, BindMode.LOCAL), events, DescriptorLookup.forThisSystem()));
            assertEquals(BindFailure.Kind.IN_USE, f.kind());
            assertTrue(f.suggestedPort() > port);
            assertEquals("Port " + port + " is already in use by another program, so it cannot listen there."
                    + " Try port " + f.suggestedPort() + ", which is free.", f.getMessage());
            assertTrue(events.all().isEmpty(), "nothing started, nothing reported");
            // The suggestion really is free.
            SocketServer.start(ServerConfig.of(f.suggestedPort(), BindMode.LOCAL), events,
                    DescriptorLookup.forThisSystem()).stop();
        }
    }

    @Test
    void portInUseLeavesNothingHalfStarted() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            // Squat on ::1 only: the LOCAL bind gets 127.0.0.1 first, then fails on ::1 and must let go of both.
            try {
                squatter.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            } catch (java.io.IOException noIpv6) {
                org.junit.jupiter.api.Assumptions.abort("this machine has no IPv6 loopback: " + noIpv6.getMessage());
                return;
            }
            int port = squatter.getLocalPort();
            assertThrows(BindFailure.class, () -> SocketServer.start(ServerConfig.of(port, BindMode.LOCAL),
                    new EventRecorder(), DescriptorLookup.forThisSystem()));
            try (ServerSocket v4 = new ServerSocket()) {
                v4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                assertEquals(port, v4.getLocalPort(), "127.0.0.1:" + port + " was released");
            }
        }
    }

    @Test
    void portZeroLetsTheOsPickAndReportsThePick() throws Exception {
        EventRecorder events = new EventRecorder();
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), events,
                DescriptorLookup.forThisSystem());
        try {
            assertTrue(server.port() > 0);
            ServerEvent.Listening l = events.await(ServerEvent.Listening.class, 1).get(0);
            assertEquals(server.port(), l.port());
            assertTrue(l.sockets().stream().allMatch(s -> s.local().port() == server.port()));
        } finally {
            server.stop();
        }
    }

    @Test
    void privilegedPortRefusalIsExplained() throws Exception {
        // Real refusal needs an unprivileged user; as root (CI) binding port 1-1023 succeeds.
        assumeFalse("root".equals(System.getProperty("user.name")), "root may bind privileged ports");
        BindFailure f = assertThrows(BindFailure.class, () -> SocketServer.start(
                ServerConfig.of(81, BindMode.LOCAL), new EventRecorder(), DescriptorLookup.forThisSystem()));
        assertEquals(BindFailure.Kind.PERMISSION_DENIED, f.kind());
    }

    @Test
    void permissionDeniedIsTranslatedIntoPlainWords() {
        BindFailure f = BindErrors.explain(new java.net.BindException("Permission denied"), 80, BindMode.ALL);
        assertEquals(BindFailure.Kind.PERMISSION_DENIED, f.kind());
        assertTrue(f.getMessage().startsWith("Port 80 is privileged (below 1024): only an administrator (root)"
                + " may listen on it. Pick a port of 1024 or above"), f.getMessage());
    }

    @Test
    void configRejectsOutOfRangePorts() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.of(65536, BindMode.ALL));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.of(-1, BindMode.ALL));
        assertNull(BindMode.fromOption("everywhere"));
    }
}
