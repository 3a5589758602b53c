package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.server.Clients;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The app started the plain way, without {@code --add-opens java.base/sun.nio.ch}: no descriptor read from
 * the channel and no {@code poll(2)} through the JDK. Every way a socket can begin and end still works and
 * is told apart, through the fallbacks ({@code /proc} for descriptors, a non-blocking first read).
 */
class PlainJvmTest {

    @Test
    void withoutTheJdkInternalsEverySocketIsStillTakenAndToldApart() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "a shell to start the child");
        try (ChildApp app = ChildApp.start(0, "--port", "0", "--bind", "local", "--banner-delay", "200")) {
            int port = app.port();
            Socket reset = Clients.connect(port);
            int resetPort = reset.getLocalPort();
            reset.setSoLinger(true, 0);
            reset.close();
            Socket closed = Clients.connect(port);
            int closedPort = closed.getLocalPort();
            closed.close();
            try (Socket browser = Clients.connect(port)) {
                assertEquals(200, Clients.get(browser, "/").status());
                // The descriptor it shows, found by the /proc search, is the one the kernel holds for this
                // connection in the child (read from /proc/<pid> with none of the app's code).
                String json = Clients.get(browser, "/socket.json").body();
                java.util.regex.Matcher fd = java.util.regex.Pattern.compile("\"fd\":(\\d+),\"fdKind\":\"os\"")
                        .matcher(json);
                assertTrue(fd.find(), json);
                assertEquals(io.socketscope.server.Kernel.tcpDescriptor(app.pid(), port, browser.getLocalPort()),
                        Integer.parseInt(fd.group(1)));
            }
            try (Socket person = Clients.connect(port)) {
                assertTrue(Clients.readLine(person).startsWith("SocketScope: "), "a silent client is greeted");
            }
            String resetLine = app.waitForLine("127.0.0.1:" + resetPort + " ");
            String closeOfReset = app.waitForLine("CLOSE   127.0.0.1:" + resetPort);
            String closeOfClosed = app.waitForLine("CLOSE   127.0.0.1:" + closedPort);
            assertTrue(resetLine.contains("ACCEPT"), resetLine);
            assertTrue(closeOfReset.contains(" reset"), closeOfReset);
            assertTrue(closeOfClosed.contains("peer-closed"), closeOfClosed);
            assertTrue(app.lines().stream().noneMatch(l -> l.contains("ERROR")), "no error: " + app.lines());
        }
    }
}
