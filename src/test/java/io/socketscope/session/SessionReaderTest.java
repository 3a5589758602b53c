package io.socketscope.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad session file gets a message naming the file and the line. */
class SessionReaderTest {

    private static final String HEADER = "{\"format\":\"socketscope-session\",\"version\":1,\"app\":\"t\",\"host\":\"h\","
            + "\"started\":\"2026-12-01T10:00:00Z\",\"descriptorKind\":\"os\"}\n";
    private static final String ACCEPT = "{\"type\":\"ACCEPT\",\"time\":\"2026-12-01T10:00:01Z\",\"run\":1,"
            + "\"protocol\":\"TCP\",\"id\":1,\"client\":{\"ip\":\"127.0.0.1\",\"port\":5000},"
            + "\"server\":{\"ip\":\"127.0.0.1\",\"port\":8080},\"fd\":23,\"fdKind\":\"os\"}\n";

    @TempDir
    Path dir;

    private String message(String content) throws Exception {
        Path f = dir.resolve("s.jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return assertThrows(SessionException.class, () -> SessionReader.read(f)).getMessage();
    }

    @Test
    void aGoodFileReads() throws Exception {
        Path f = dir.resolve("good.jsonl");
        Files.writeString(f, HEADER + ACCEPT);
        Session s = SessionReader.read(f);
        assertEquals(1, s.events().size());
        assertEquals("fd 23", ((io.socketscope.server.ServerEvent.Accepted) s.events().get(0)).connection().descriptor().label());
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws Exception {
        Path f = dir.resolve("s.jsonl");
        assertEquals(dir.resolve("missing.jsonl") + ": no such file",
                assertThrows(SessionException.class, () -> SessionReader.read(dir.resolve("missing.jsonl"))).getMessage());
        assertEquals(f + ": the file is empty: a session starts with a line {\"format\":\"socketscope-session\",...}",
                message(""));
        assertEquals(f + " line 3: the last line is cut short (the recording ended in the middle of it); the lines"
                + " before it are whole", message(HEADER + ACCEPT + ACCEPT.substring(0, 40)));
        assertEquals(f + " line 2: not JSON (Unrecognized token 'hello': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false'))", message(HEADER + "hello world\n" + ACCEPT));
        assertEquals(f + " line 1: not a SocketScope session (its first line has no \"format\":\"socketscope-session\")",
                message("{\"format\":\"pcap\"}\n"));
        assertEquals(f + " line 1: recorded by a newer SocketScope (session version 2); this one reads version 1."
                + " Update SocketScope to replay it.", message(HEADER.replace("\"version\":1", "\"version\":2")));
        assertEquals(f + " line 2: not a SocketScope event: unknown event type \"WAVE\"",
                message(HEADER + ACCEPT.replace("ACCEPT", "WAVE")));
        assertEquals(f + " line 2: not a SocketScope event: \"ip\" is not an IP address: \"example.com\"",
                message(HEADER + ACCEPT.replace("\"127.0.0.1\",\"port\":5000", "\"example.com\",\"port\":5000")));
        assertEquals(f + " line 2: not a SocketScope event: \"fd\" is missing",
                message(HEADER + ACCEPT.replace("\"fd\":23,", "")));
    }
}
