package io.socketscope.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's results, written as JSON with Jackson. A section's figures are put in as they are measured;
 * a figure with a target is a check, and the section's {@code "pass"} is computed when the report is written,
 * from the checks it sits beside and nothing else: every check's figure, target and verdict are in the file.
 * A figure that could not be measured (NaN) fails its check.
 */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final List<Section> sections = new ArrayList<>();

    /** A new section, written in the order sections were made. */
    Section section(String name) {
        Section section = new Section(root.putObject(name));
        sections.add(section);
        return section;
    }

    String json() {
        for (Section section : sections) {
            section.conclude();
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json());
    }

    /** One group of figures, with its checks. */
    static final class Section {
        private final ObjectNode node;
        private final List<Boolean> verdicts = new ArrayList<>();

        private Section(ObjectNode node) {
            this.node = node;
        }

        Section put(String key, double value) {
            node.put(key, round(value));
            return this;
        }

        Section put(String key, long value) {
            node.put(key, value);
            return this;
        }

        Section put(String key, String value) {
            node.put(key, value);
            return this;
        }

        Section put(String key, boolean value) {
            node.put(key, value);
            return this;
        }

        Section put(String key, List<? extends Number> values) {
            ArrayNode array = node.putArray(key);
            for (Number n : values) {
                array.add(n instanceof Double || n instanceof Float ? round(n.doubleValue()) : n.longValue());
            }
            return this;
        }

        Section put(String key, Map<String, Double> values) {
            ObjectNode object = node.putObject(key);
            values.forEach((k, v) -> object.put(k, round(v)));
            return this;
        }

        /** A sub-object of figures, e.g. one server's in a comparison. */
        Section object(String key) {
            return new Section(node.putObject(key));
        }

        /** {@code key} with its target beside it ({@code target_key: "<= target"}); passes when {@code figure <= target}. */
        Section atMost(String key, double figure, double target) {
            put(key, figure);
            node.put("target_" + key, "<= " + plain(target));
            verdicts.add(figure <= target);
            return this;
        }

        /** {@code key} with its target beside it; passes when {@code figure >= target}. */
        Section atLeast(String key, double figure, double target) {
            put(key, figure);
            node.put("target_" + key, ">= " + plain(target));
            verdicts.add(figure >= target);
            return this;
        }

        /** A condition measured as yes or no (e.g. "drained within 30 s"); passes when true. */
        Section require(String key, boolean figure) {
            node.put(key, figure);
            verdicts.add(figure);
            return this;
        }

        /** Whether every check of this section passed; true for a section of plain figures. */
        boolean pass() {
            return !verdicts.contains(Boolean.FALSE);
        }

        int checks() {
            return verdicts.size();
        }

        private void conclude() {
            if (!verdicts.isEmpty()) {
                node.remove("pass");
                node.put("pass", pass());
            }
        }

        private static double round(double value) {
            return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
        }

        private static String plain(double target) {
            return target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target);
        }
    }
}
