package io.socketscope.server;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** One end of a TCP connection (an IP address and a port), printed the way people write it. */
public record Endpoint(InetAddress address, int port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        address = unmap(address);
    }

    public static Endpoint of(InetSocketAddress socketAddress) {
        return new Endpoint(socketAddress.getAddress(), socketAddress.getPort());
    }

    /** The address alone: {@code 127.0.0.1}, {@code ::1}, never {@code /127.0.0.1} or {@code ::ffff:127.0.0.1}. */
    public String ip() {
        return formatAddress(address);
    }

    /** {@code 127.0.0.1:8080} or {@code [::1]:8080}. */
    @Override
    public String toString() {
        return address instanceof Inet6Address ? "[" + ip() + "]:" + port : ip() + ":" + port;
    }

    /** Formats an address as people write it: dotted IPv4, or compressed IPv6 (RFC 5952), zone if link-local. */
    public static String formatAddress(InetAddress address) {
        InetAddress a = unmap(address);
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        Inet6Address v6 = (Inet6Address) a;
        String text = compressIpv6(v6.getAddress());
        if (!v6.isLinkLocalAddress()) {
            return text; // a zone only means something on link-local addresses
        }
        if (v6.getScopedInterface() != null) {
            text += "%" + v6.getScopedInterface().getName();
        } else if (v6.getScopeId() != 0) {
            text += "%" + v6.getScopeId();
        }
        return text;
    }

    /** Turns an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) into the IPv4 address it stands for. */
    static InetAddress unmap(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String compressIpv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // Find the longest run (length >= 2) of zero groups; the first one wins a tie (RFC 5952 4.2.3).
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
