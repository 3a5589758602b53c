package io.socketscope.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socketscope.server.ServerEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a session file, or says in plain words (naming the file and line) why it cannot. Blocking. */
public final class SessionReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionReader() {
    }

    public static Session read(Path file) throws SessionException {
        List<String> lines = new ArrayList<>();
        boolean endsWithNewline;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            long size = Files.size(file);
            endsWithNewline = size > 0 && lastByte(file) == '\n';
        } catch (NoSuchFileException e) {
            throw new SessionException(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new SessionException(file, 0, "not a SocketScope session (not UTF-8 text)");
        } catch (IOException e) {
            throw new SessionException(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty() || (lines.size() == 1 && lines.get(0).isBlank())) {
            throw new SessionException(file, 0, "the file is empty: a session starts with a line"
                    + " {\"format\":\"" + Session.FORMAT + "\",...}");
        }
        JsonNode header = parse(file, 1, lines.get(0), lines.size() == 1 && !endsWithNewline);
        if (!Session.FORMAT.equals(header.path("format").asText(null))) {
            throw new SessionException(file, 1, "not a SocketScope session (its first line has no \"format\":\""
                    + Session.FORMAT + "\")");
        }
        int version = header.path("version").asInt(-1);
        if (version > Session.VERSION) {
            throw new SessionException(file, 1, "recorded by a newer SocketScope (session version " + version
                    + "); this one reads version " + Session.VERSION + ". Update SocketScope to replay it.");
        }
        if (version < 1) {
            throw new SessionException(file, 1, "no valid \"version\" in the first line");
        }
        Instant started;
        try {
            started = Instant.parse(header.path("started").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new SessionException(file, 1, "no valid \"started\" time in the first line");
        }
        List<ServerEvent> events = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.size() - 1 && !endsWithNewline;
            JsonNode node = parse(file, i + 1, line, last);
            try {
                events.add(EventJson.read(node));
            } catch (IllegalArgumentException e) {
                throw new SessionException(file, i + 1, "not a SocketScope event: " + e.getMessage());
            }
        }
        return new Session(header.path("app").asText(""), header.path("host").asText(""), started,
                header.path("descriptorKind").asText(""), events);
    }

    private static JsonNode parse(Path file, int number, String line, boolean unterminatedLast)
            throws SessionException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new SessionException(file, number, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            if (unterminatedLast) {
                throw new SessionException(file, number, "the last line is cut short (the recording ended in the"
                        + " middle of it); the lines before it are whole");
            }
            throw new SessionException(file, number, "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static int lastByte(Path file) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            f.seek(f.length() - 1);
            return f.read();
        }
    }
}
