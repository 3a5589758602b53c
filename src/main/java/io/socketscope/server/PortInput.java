package io.socketscope.server;

import java.util.Map;

/**
 * Checks what a person typed as a port before anything is bound, and explains in plain words what is
 * wrong with it. A port is a 16-bit unsigned number: 0 to 65535.
 */
public final class PortInput {

    public static final int MAX_PORT = 65535;
    public static final int FIRST_UNPRIVILEGED = 1024;

    private static final Map<Integer, String> WELL_KNOWN = Map.ofEntries(
            Map.entry(20, "FTP data"), Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"),
            Map.entry(25, "SMTP"), Map.entry(53, "DNS"), Map.entry(80, "HTTP"), Map.entry(110, "POP3"),
            Map.entry(143, "IMAP"), Map.entry(443, "HTTPS"), Map.entry(3306, "MySQL"),
            Map.entry(5432, "PostgreSQL"), Map.entry(8080, "HTTP (alternate)"));

    /** Services found on UDP ports; a UDP port number names a different port than the same TCP number. */
    private static final Map<Integer, String> WELL_KNOWN_UDP = Map.ofEntries(
            Map.entry(53, "DNS"), Map.entry(67, "DHCP server"), Map.entry(68, "DHCP client"), Map.entry(69, "TFTP"),
            Map.entry(123, "NTP"), Map.entry(161, "SNMP"), Map.entry(443, "HTTP/3 (QUIC)"), Map.entry(514, "syslog"),
            Map.entry(1900, "SSDP"), Map.entry(5353, "mDNS"));

    private PortInput() {
    }

    /** The outcome of checking a typed port: a port number, or an error in plain words. */
    public record Result(int port, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Result parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return error("Type a port number: a whole number from 0 to 65535.");
        }
        if (!t.matches("[+-]?\\d+")) {
            return error("\"" + shorten(t) + "\" is not a port number. A port is a whole number from 0 to 65535.");
        }
        if (t.startsWith("-")) {
            return error("Ports cannot be negative: they are 16-bit unsigned numbers, 0–65535.");
        }
        String digits = t.replaceFirst("^\\+", "").replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 5 || Integer.parseInt(digits) > MAX_PORT) {
            return error("Ports are 16-bit unsigned: 0–65535, so " + shorten(digits) + " does not fit.");
        }
        return new Result(Integer.parseInt(digits), null);
    }

    /** A short note about a valid port: privileged, well known, or "the OS picks". Empty if nothing to say. */
    public static String note(int port) {
        return note(port, Protocol.TCP);
    }

    /** The note for a port of the given protocol (UDP 53 is DNS; UDP 8080 is nobody's in particular). */
    public static String note(int port, Protocol protocol) {
        if (port == 0) {
            return "Port 0 means: let the operating system pick a free port.";
        }
        String name = wellKnownName(port, protocol);
        String known = name == null ? "" : (protocol == Protocol.UDP ? "UDP port " : "Port ") + port
                + " is commonly used for " + name + ". ";
        if (port < FIRST_UNPRIVILEGED) {
            return known + "Ports below 1024 are privileged: only an administrator (root) may listen on them.";
        }
        return known.strip();
    }

    /** The well-known ports of a protocol, in port order, with their services. */
    public static java.util.SortedMap<Integer, String> wellKnown(Protocol protocol) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(
                protocol == Protocol.UDP ? WELL_KNOWN_UDP : WELL_KNOWN));
    }

    /** The service conventionally found on this port of this protocol, or null. */
    public static String wellKnownName(int port, Protocol protocol) {
        return protocol == Protocol.UDP ? WELL_KNOWN_UDP.get(port) : WELL_KNOWN.get(port);
    }

    /** The service conventionally found on this TCP port, or null. */
    public static String wellKnownName(int port) {
        return WELL_KNOWN.get(port);
    }

    private static Result error(String message) {
        return new Result(-1, message);
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 21) + "…" : s;
    }
}
