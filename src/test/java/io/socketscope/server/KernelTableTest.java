package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The app's reader of the kernel's TCP tables against {@code ss}: the same connections, states and addresses. */
class KernelTableTest {

    @Test
    void readsThePortsConnectionsAsSsListsThemIpv4AndIpv6() throws Exception {
        KernelTable table = KernelTable.ofThisSystem();
        Assumptions.assumeTrue(table != null && Ss.available(), "Linux /proc and ss");
        List<Socket> open = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("::"), 0)); // dual-stack: v4 as ::ffff:a.b.c.d
            int port = listener.getLocalPort();
            open.add(Clients.connectFrom("127.0.5.1", port));
            open.add(Clients.connectFrom("127.0.5.2", port));
            boolean v6 = true;
            try {
                open.add(Clients.connect("::1", port));
            } catch (java.io.IOException noV6) {
                v6 = false;
            }
            int clients = open.size();
            for (int i = 0; i < clients; i++) {
                open.add(listener.accept());
            }
            // Only this test's clients: another test (the other fork) may leave a connection whose local port has
            // the same number, such as a client socket's TIME_WAIT from before the port was bound.
            Set<String> mine = new TreeSet<>();
            for (Socket c : open.subList(0, clients)) {
                mine.add(new Endpoint(c.getLocalAddress(), c.getLocalPort()).ip() + " " + c.getLocalPort());
            }
            Set<String> app = new TreeSet<>();
            for (KernelReader.Row row : table.read(port)) {
                assertEquals(port, row.server().port());
                if (mine.contains(row.client().ip() + " " + row.client().port())) {
                    app.add(row.state() + " " + row.client().ip() + " " + row.client().port());
                }
            }
            Set<String> ss = new TreeSet<>();
            for (Ss.Row row : Ss.rows("established", "sport", port)) {
                if (mine.contains(row.peerIp() + " " + row.peerPort())) {
                    ss.add("ESTABLISHED " + row.peerIp() + " " + row.peerPort());
                }
            }
            assertEquals(ss, app);
            assertEquals(v6 ? 3 : 2, app.size(), app.toString());
            assertTrue(app.contains("ESTABLISHED 127.0.5.1 " + open.get(0).getLocalPort()), app.toString());
            if (v6) {
                assertTrue(app.contains("ESTABLISHED ::1 " + open.get(2).getLocalPort()), app.toString());
            }
        } finally {
            table.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void parsesAKernelLineOfEachFamily() {
        // Lines as Linux writes them (the header, then one row each): the v6 row is a dual-stack socket's v4 client.
        String v4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0100007F:1F90 0201007F:C822 06 00000000:00000000 03:00001770 00000000     0        0 0 3"
                + " 0000000000000000\n";
        String v6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue"
                + " tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000201007F:C822 08 00000000:00000000"
                + " 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 0 10 -1\n";
        Assumptions.assumeTrue(java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN,
                "these lines are a little-endian machine's");
        List<KernelReader.Row> rows = new ArrayList<>();
        KernelTable.parse(v4.getBytes(), v4.length(), 8080, rows);
        KernelTable.parse(v6.getBytes(), v6.length(), 8080, rows);
        KernelTable.parse(v4.getBytes(), v4.length(), 8081, rows); // another port: nothing
        assertEquals(2, rows.size());
        assertEquals(TcpState.TIME_WAIT, rows.get(0).state());
        assertEquals(60_000, rows.get(0).timerMillis());
        assertEquals("127.0.1.2:51234", rows.get(0).client().toString());
        assertEquals("127.0.0.1:8080", rows.get(0).server().toString());
        assertEquals(TcpState.CLOSE_WAIT, rows.get(1).state());
        assertEquals(-1, rows.get(1).timerMillis());
        assertEquals("127.0.1.2:51234", rows.get(1).client().toString());
    }
}
