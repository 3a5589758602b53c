package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * From the command line, with real processes: {@code --host-sockets} lists a port held by another process
 * with that process's pid, and a second app on a held port names the holder in its error.
 */
class HostSocketsCommandTest {

    @Test
    void hostSocketsPrintsTheHoldersListeningSocketWithItsPidAndExits() throws Exception {
        try (ChildApp holder = ChildApp.start(0, "--port", "0", "--bind", "local")) {
            // The table is read once its holder listens (port() waits for that line): started together, the
            // two JVMs raced, and the table could be read before the port was bound.
            int port = holder.port();
            try (ChildApp table = ChildApp.start(0, "--host-sockets")) {
                assertHolderListed(table, holder, port);
            }
        }
    }

    private static void assertHolderListed(ChildApp table, ChildApp holder, int port) throws Exception {
        table.waitForLine(" socket");
        List<String> lines = table.lines();
        assertTrue(lines.get(0).startsWith("Proto State"), lines.get(0));
        String row = lines.stream().filter(l -> l.contains("127.0.0.1:" + port + " ") && l.contains("LISTEN"))
                .findFirst().orElseThrow(() -> new AssertionError("no LISTEN row for " + port + " in " + lines));
        assertTrue(row.matches("TCP\\s+LISTEN\\s+127\\.0\\.0\\.1:" + port + "\\s+\\*:\\*\\s+" + holder.pid() + "\\s+java.*"), row);
        assertTrue(lines.contains("# TCP port " + port), "grouped under its port: " + lines);
    }

    @Test
    void aSecondAppOnAHeldPortNamesTheHolderAndExitsWithOne() throws Exception {
        try (ChildApp holder = ChildApp.start(0, "--port", "0", "--bind", "local")) {
            int port = holder.port();
            try (ChildApp second = ChildApp.start(0, "--port", Integer.toString(port), "--bind", "local")) {
                String error = second.waitForLine("in use");
                assertEquals("socketscope: Port " + port + " is in use by `java` (pid " + holder.pid()
                        + "), so it cannot listen there.", error.substring(0, error.indexOf(" there.") + 7));
                assertTrue(second.exited(10, TimeUnit.SECONDS));
                assertEquals(1, second.exitCode());
            }
        }
    }
}
