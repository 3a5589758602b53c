package io.socketscope.server;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The addresses at which other devices on the network can reach this computer: one per usable interface
 * address, loopback, down and virtual-only interfaces skipped, the likeliest Wi-Fi/LAN IPv4 address first.
 * Reads the interface table only; sends nothing.
 */
public final class LocalAddresses {

    /** One reachable address and the interface it is on. */
    public record Reachable(String interfaceName, InetAddress address) {
        /** {@code http://192.168.1.245:8080/} or {@code http://[2001:db8::5]:8080/}. */
        public String url(int port) {
            return "http://" + new Endpoint(address, port) + "/";
        }
    }

    private LocalAddresses() {
    }

    public static List<Reachable> find() {
        List<Reachable> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || isVirtualBridge(nic.getName())) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (usable(a)) {
                        found.add(new Reachable(nic.getName(), a));
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(LocalAddresses::rank));
        return found;
    }

    private static boolean usable(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        // Link-local IPv6 (fe80::) needs a zone that a phone cannot type; global and unique-local are fine.
        return a instanceof Inet4Address || !a.isLinkLocalAddress();
    }

    /** Docker, libvirt and VPN-like bridges rarely face the Wi-Fi. */
    private static boolean isVirtualBridge(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("docker") || n.startsWith("br-") || n.startsWith("veth") || n.startsWith("virbr")
                || n.startsWith("vmnet") || n.startsWith("vboxnet") || n.startsWith("tun") || n.startsWith("tap");
    }

    /** Lower is likelier: private IPv4 on wireless, then other private IPv4, other IPv4, then IPv6. */
    private static int rank(Reachable r) {
        String n = r.interfaceName().toLowerCase(Locale.ROOT);
        boolean wireless = n.startsWith("wl") || n.startsWith("wifi") || n.startsWith("en0");
        if (r.address() instanceof Inet6Address) {
            return 10;
        }
        int rank = r.address().isSiteLocalAddress() ? 0 : 4;
        return rank + (wireless ? 0 : 1) + (r.address().isLinkLocalAddress() ? 6 : 0);
    }
}
