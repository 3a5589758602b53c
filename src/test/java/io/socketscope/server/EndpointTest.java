package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "::ffff:192.168.1.251, 192.168.1.251",
        "::1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:db8:0:0:0:0:0:5, 2001:db8::5",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "fe80:0:0:0:1:2:3:4, fe80::1:2:3:4",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
    })
    void addressesAreWrittenAsPeopleWriteThem(String in, String shown) throws Exception {
        assertEquals(shown, Endpoint.formatAddress(InetAddress.getByName(in)));
    }

    @Test
    void endpointsPutIpv6InBrackets() throws Exception {
        assertEquals("[::1]:53422", new Endpoint(InetAddress.getByName("::1"), 53422).toString());
        assertEquals("127.0.0.1:8080", new Endpoint(InetAddress.getByName("::ffff:127.0.0.1"), 8080).toString());
    }

    @Test
    void procTableRowsDecode() throws Exception {
        ProcFdLookup.TcpEntry v4 = ProcFdLookup.TcpEntry.parse(
                "   0: 0100007F:1F90 0100007F:D0CE 01 00000000:00000000 00:00000000 00000000     0        0 4242 1");
        assertEquals(InetAddress.getByName("127.0.0.1"), v4.localAddress());
        assertEquals(8080, v4.localPort());
        assertEquals(53454, v4.remotePort());
        assertEquals(4242, v4.inode());
        ProcFdLookup.TcpEntry mapped = ProcFdLookup.TcpEntry.parse("   1: 0000000000000000FFFF00000100007F:1F90 "
                + "00000000000000000000000001000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 77 1");
        assertEquals("127.0.0.1", Endpoint.formatAddress(mapped.localAddress()));
        assertEquals("::1", Endpoint.formatAddress(mapped.remoteAddress()));
        assertEquals("0A", mapped.state());
    }
}
