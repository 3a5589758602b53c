package io.socketscope.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The --host-sockets text: grouped by port, owners said or marked unknown, an empty table explained. */
class HostSocketsTextTest {

    @Test
    void groupsByPortMarksTheAppAndSaysWhatTheOsDidNotTell() {
        List<HostSocket> sockets = List.of(
                new HostSocket(Protocol.TCP, false, "0.0.0.0", 22, "0.0.0.0", 0, "LISTEN", -1, ""),
                new HostSocket(Protocol.TCP, false, "127.0.0.1", 8080, "0.0.0.0", 0, "LISTEN", 7, "java"),
                new HostSocket(Protocol.TCP, false, "127.0.0.1", 8080, "127.0.0.1", 50000, "ESTABLISHED", 7, "java"));
        List<String> lines = HostSocketsText.format(sockets, 7).lines().toList();
        assertEquals("# TCP port 22 · " + io.socketscope.server.PortInput.wellKnownName(22, Protocol.TCP), lines.get(1));
        assertTrue(lines.get(2).matches("TCP\\s+LISTEN\\s+0\\.0\\.0\\.0:22\\s+\\*:\\*\\s+\\?\\s+\\?.*"), lines.get(2));
        assertTrue(lines.get(4).matches("TCP\\s+LISTEN\\s+127\\.0\\.0\\.1:8080\\s+\\*:\\*\\s+7\\s+java \\(SocketScope itself\\).*"),
                lines.get(4));
        assertTrue(lines.get(5).contains("127.0.0.1:50000"), lines.get(5));
        assertEquals("3 sockets", lines.get(6));
        assertTrue(lines.get(7).startsWith("? = the operating system does not tell"));
        assertTrue(HostSocketsText.format(List.of(), 7).contains("did not tell this program its socket table"));
    }
}
