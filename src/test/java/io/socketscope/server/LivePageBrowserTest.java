package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The live phone page in a real browser engine: headless Chromium at a phone's size, on loopback. The page
 * follows other clients, its buttons make real sockets (checked with the kernel's own tables, never with the
 * app's figures), and its stream ends when the port stops.
 */
class LivePageBrowserTest {

    private static final Pattern HELD = Pattern.compile("fd (\\d+) · your port (\\d+) · held.*");
    private static final Pattern LIVE = Pattern.compile("This live view is socket fd (\\d+) \\(your port (\\d+)\\).*");
    private static PhoneBrowser phone;

    @BeforeAll
    static void browser() {
        String missing = PhoneBrowser.missing();
        if (missing != null) {
            System.out.println("LivePageBrowserTest: " + missing);
        }
        assumeTrue(missing == null, missing);
        assumeTrue(Kernel.available(), "the kernel's socket tables are Linux's");
        phone = PhoneBrowser.open();
    }

    @AfterAll
    static void quit() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void thePageFollowsOtherClientsAndSaysWhichSocketItsLiveViewIs() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.start(ServerConfig.of(0, BindMode.LOCAL)).port();
            phone.driver.get("http://127.0.0.1:" + port + "/");
            Matcher live = liveView();
            // The page's own words against the kernel: the stream's fd is the server's descriptor of that socket.
            assertEquals(Kernel.tcpDescriptor(port, "127.0.0.1", Integer.parseInt(live.group(2))),
                    Integer.parseInt(live.group(1)), "the live view's fd as the kernel has it");
            assertTrue(text("mine").contains("fd " + live.group(1) + " · port " + live.group(2) + " · this live view"),
                    text("mine"));

            int before = Kernel.establishedFrom(port, "127.0.0.1").size();
            assertEquals(count(before), text("count"));
            List<Socket> others = new ArrayList<>();
            long joined = System.nanoTime();
            for (int i = 1; i <= 3; i++) {
                others.add(Clients.connectFrom("127.0.2." + i, port));
            }
            phone.await(10, "the page's count to reach " + (before + 3), d -> text("count").equals(count(before + 3)));
            long seen = System.nanoTime();
            assertEquals("from 4 devices", text("devices"));
            phone.await(10, "the newcomers in \"Just now\"", d -> text("recent").contains("127.0.2.3 opened fd "));
            for (Socket s : others) {
                s.close();
            }
            long left = System.nanoTime();
            phone.await(10, "the page's count back to " + before, d -> text("count").equals(count(before)));
            System.out.printf("LivePageBrowserTest: the page showed 3 new clients after %.0f ms, their close after"
                    + " %.0f ms%n", (seen - joined) / 1e6, (System.nanoTime() - left) / 1e6);
            assertEquals("from 1 device", text("devices"));
        }
    }

    @Test
    void holdThreeMakesThreeRealSocketsAndCloseLetsThemGo() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            int port = fixture.start(ServerConfig.of(0, BindMode.LOCAL)).port();
            phone.driver.get("http://127.0.0.1:" + port + "/");
            liveView();
            TreeSet<Integer> before = Kernel.establishedFrom(port, "127.0.0.1");

            phone.driver.findElement(By.id("hold3")).click();
            List<Matcher> held = phone.await(10, "three held connections listed with their fds", d -> {
                List<Matcher> found = new ArrayList<>();
                for (WebElement li : d.findElements(By.cssSelector("#held li.held"))) {
                    Matcher m = HELD.matcher(li.getText());
                    if (m.matches()) {
                        found.add(m);
                    }
                }
                return found.size() == 3 ? found : null;
            });
            TreeSet<Integer> after = Kernel.establishedFrom(port, "127.0.0.1");
            Set<Integer> heldPorts = new TreeSet<>();
            for (Matcher m : held) {
                int clientPort = Integer.parseInt(m.group(2));
                heldPorts.add(clientPort);
                assertEquals(Kernel.tcpDescriptor(port, "127.0.0.1", clientPort), Integer.parseInt(m.group(1)),
                        "held fd as the kernel has it: " + m.group());
                assertFalse(before.contains(clientPort), "a new socket, not one the browser had: " + m.group());
            }
            assertEquals(3, heldPorts.size(), "three different sockets");
            assertEquals(before.size() + 3, after.size(), "the kernel's connections from the browser: " + before
                    + " then " + after);
            // The server's own list of this address's sockets reaches the page with the next update.
            for (Matcher m : held) {
                phone.await(10, "the server's list to show " + m.group(), d -> text("mine")
                        .contains("fd " + m.group(1) + " · port " + m.group(2) + " · held by this page"));
            }
            phone.await(10, "three HELD answers reported", d -> fixture.events.of(ServerEvent.Request.class).stream()
                    .filter(r -> r.role() == SocketRole.HELD).count() == 3);

            phone.driver.findElement(By.id("release")).click();
            phone.await(10, "the held sockets gone from the kernel's table",
                    d -> {
                        try {
                            TreeSet<Integer> now = Kernel.establishedFrom(port, "127.0.0.1");
                            now.retainAll(heldPorts);
                            return now.isEmpty();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            phone.await(10, "the page to list none held", d -> d.findElements(By.cssSelector("#held li.held")).isEmpty());
            phone.await(10, "three CLOSE events for them", d -> fixture.events.of(ServerEvent.Closed.class).stream()
                    .filter(c -> heldPorts.contains(c.connection().client().port())).count() == 3);
            phone.await(10, "the page's list without them", d -> !text("mine").contains("held by this page"));
        }
    }

    @Test
    void theStreamEndsWhenThePortStops() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL));
            phone.driver.get("http://127.0.0.1:" + server.port() + "/");
            liveView();
            server.stop();
            phone.await(10, "the page to say the port stopped", d -> text("live-says").contains("stopped listening on port "
                    + server.port()));
            assertEquals("dot", phone.driver.findElement(By.id("live-dot")).getAttribute("class"));
            assertTrue(phone.driver.findElement(By.id("hold3")).getAttribute("disabled") != null);
        }
    }

    private static Matcher liveView() throws InterruptedException {
        return phone.await(15, "the live view to say which socket it is", d -> {
            Matcher m = LIVE.matcher(text("live-says"));
            return m.matches() ? m : null;
        });
    }

    private static String count(int n) {
        return n == 1 ? "1 socket is" : n + " sockets are";
    }

    private static String text(String id) {
        return phone.driver.findElement(By.id(id)).getText();
    }
}
