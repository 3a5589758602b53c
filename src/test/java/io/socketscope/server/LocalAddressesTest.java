package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    @Test
    void loopbackAndLinkLocalIpv6AreNeverOffered() {
        List<LocalAddresses.Reachable> found = LocalAddresses.find();
        for (LocalAddresses.Reachable r : found) {
            assertFalse(r.address().isLoopbackAddress(), r.toString());
            assertFalse(r.address() instanceof java.net.Inet6Address && r.address().isLinkLocalAddress(), r.toString());
            assertFalse(r.interfaceName().isEmpty());
        }
        for (int i = 1; i < found.size(); i++) {
            boolean v6Before = found.get(i - 1).address() instanceof java.net.Inet6Address;
            boolean v4After = found.get(i).address() instanceof java.net.Inet4Address;
            assertFalse(v6Before && v4After, "IPv4 addresses come first: " + found);
        }
    }

    @Test
    void urlsAreWrittenAsABrowserExpects() throws Exception {
        assertEquals("http://192.168.1.245:8080/",
                new LocalAddresses.Reachable("wlan0", InetAddress.getByName("192.168.1.245")).url(8080));
        assertEquals("http://[2001:db8::5]:8080/",
                new LocalAddresses.Reachable("eth0", InetAddress.getByName("2001:db8::5")).url(8080));
    }
}
