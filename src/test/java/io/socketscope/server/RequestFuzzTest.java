package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded, deterministic fuzzing of the connection handler (request parser, limits, answers) on in-memory
 * streams: 100,000 generated and mutated inputs, no exception may escape and every answer is well-formed.
 */
class RequestFuzzTest {

    private static final int RUNS = 100_000;
    private static final Pattern RESPONSE_HEAD = Pattern.compile("HTTP/1\\.1 (\\d{3}) [A-Za-z ]+\r\n(?:[A-Za-z-]+: [^\r\n]*\r\n)+\r\n");
    private static final List<String> SEEDS = List.of(
            "GET / HTTP/1.1\r\nHost: a\r\nUser-Agent: curl/8.5.0\r\n\r\n",
            "GET /socket.json HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\n",
            "HEAD / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
            "GET /another HTTP/1.1\r\n\r\n",
            "hello\nworld\n",
            "GET /" + "a".repeat(8200) + " HTTP/1.1\r\n\r\n",
            "\r\n\r\nGET / HTTP/2.0\r\n\r\n");

    private final ConnectionRef ref;

    RequestFuzzTest() throws IOException {
        ref = new ConnectionRef(1, new Endpoint(InetAddress.getByName("127.0.0.1"), 40000),
                new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(7));
    }

    @Test
    void noInputThrowsAndEveryAnswerIsWellFormed() {
        Random random = new Random(20261125);
        ServerConfig config = ServerConfig.of(8080, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(1))
                .withFinLinger(Duration.ZERO);
        int http = 0;
        int text = 0;
        for (int run = 0; run < RUNS; run++) {
            byte[] input = next(random);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ConnectionHandler handler = new ConnectionHandler(new ByteArrayInputStream(input), out, ms -> { }, ref,
                    config, () -> 1, (line, status, agent) -> {
                        assertNotNull(line);
                        assertTrue(line.length() <= ConnectionHandler.MAX_LOGGED + 32, "logged lines are bounded");
                    });
            CloseReason reason;
            try {
                reason = handler.serve();
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("run " + run + " threw on input "
                        + new String(input, 0, Math.min(200, input.length), StandardCharsets.ISO_8859_1), e);
            }
            assertNotNull(reason);
            String answer = out.toString(StandardCharsets.ISO_8859_1);
            if (answer.isEmpty()) {
                continue;
            }
            if (answer.startsWith("HTTP/1.1 ")) {
                http++;
                Matcher m = RESPONSE_HEAD.matcher(answer);
                if (!m.lookingAt()) {
                    fail("run " + run + ": malformed response head: " + answer.substring(0, Math.min(300, answer.length())));
                }
                assertTrue(m.group(0).contains("Content-Length: "), "every response has a length");
            } else if (answer.startsWith("SocketScope: You are socket fd 7: 127.0.0.1:40000 -> 127.0.0.1:8080 (TCP).")) {
                text++;
            } else {
                fail("run " + run + ": neither HTTP nor the banner: " + answer.substring(0, Math.min(200, answer.length())));
            }
        }
        System.out.println("fuzz: " + RUNS + " inputs, " + http + " answered as HTTP, " + text + " as text");
        assertTrue(http > RUNS / 10 && text > RUNS / 10, "the fuzzer reaches both paths");
    }

    private static byte[] next(Random random) {
        switch (random.nextInt(4)) {
            case 0: {
                byte[] junk = new byte[random.nextInt(300)];
                random.nextBytes(junk);
                return junk;
            }
            default: {
                byte[] seed = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.ISO_8859_1);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(seed);
                byte[] m = b.toByteArray();
                int mutations = random.nextInt(6);
                for (int i = 0; i < mutations && m.length > 0; i++) {
                    int at = random.nextInt(m.length);
                    switch (random.nextInt(6)) {
                        case 0 -> m[at] = (byte) random.nextInt(256);
                        case 1 -> m[at] = "\r\n\0: /"
                                .getBytes(StandardCharsets.ISO_8859_1)[random.nextInt(6)];
                        case 2 -> m = java.util.Arrays.copyOf(m, at); // truncate
                        case 3 -> { // duplicate a slice
                            int len = Math.min(m.length - at, 1 + random.nextInt(40));
                            byte[] grown = new byte[m.length + len];
                            System.arraycopy(m, 0, grown, 0, at + len);
                            System.arraycopy(m, at, grown, at + len, m.length - at);
                            m = grown;
                        }
                        case 4 -> { // insert many header lines
                            String many = "X-A: b\r\n".repeat(random.nextInt(150));
                            byte[] ins = many.getBytes(StandardCharsets.ISO_8859_1);
                            byte[] grown = new byte[m.length + ins.length];
                            System.arraycopy(m, 0, grown, 0, at);
                            System.arraycopy(ins, 0, grown, at, ins.length);
                            System.arraycopy(m, at, grown, at + ins.length, m.length - at);
                            m = grown;
                        }
                        default -> m[at] = (byte) (0x80 | random.nextInt(128)); // invalid UTF-8
                    }
                }
                return m;
            }
        }
    }
}
