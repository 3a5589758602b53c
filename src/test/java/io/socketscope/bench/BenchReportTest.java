package io.socketscope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results writer: every "pass" follows from the figures beside it, and the file is JSON a parser reads. */
class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(BenchReport report) throws Exception {
        return JSON.readTree(report.json());
    }

    @Test
    void aFailingFigureYieldsPassFalse() throws Exception {
        BenchReport report = new BenchReport();
        report.section("accept_throughput").put("ratio_note", "app / bare").atLeast("ratio", 0.719, 0.90);
        JsonNode section = parse(report).get("accept_throughput");
        assertEquals(0.719, section.get("ratio").asDouble());
        assertEquals(">= 0.9", section.get("target_ratio").asText());
        assertFalse(section.get("pass").asBoolean(), section.toString());
    }

    @Test
    void aSectionPassesOnlyWhenEveryCheckDoes() throws Exception {
        BenchReport report = new BenchReport();
        report.section("good").atMost("p99_ms", 20.5, 33).atLeast("ratio", 1.2, 1.0).require("drained", true);
        report.section("one_bad").atMost("p99_ms", 20.5, 33).atMost("longest_pulse_ms", 100.01, 100);
        report.section("edge").atMost("p99_ms", 33, 33);
        report.section("not_drained").require("drained", false);
        JsonNode root = parse(report);
        assertTrue(root.get("good").get("pass").asBoolean());
        assertFalse(root.get("one_bad").get("pass").asBoolean());
        assertTrue(root.get("edge").get("pass").asBoolean(), "a figure equal to its target meets it");
        assertFalse(root.get("not_drained").get("pass").asBoolean());
    }

    @Test
    void aFigureThatCouldNotBeMeasuredFails() throws Exception {
        BenchReport report = new BenchReport();
        report.section("http").atLeast("vs_python", Double.NaN, 20).atMost("p99_ms", Double.NaN, 5);
        BenchReport.Section only = new BenchReport().section("x").atLeast("y", Double.NaN, 1);
        assertFalse(only.pass());
        assertFalse(parse(report).get("http").get("pass").asBoolean());
    }

    @Test
    void plainFiguresHaveNoVerdictAndAPassWrittenByHandIsReplaced() throws Exception {
        BenchReport report = new BenchReport();
        report.section("machine").put("cores", 2L).put("java", "17");
        report.section("liar").put("pass", true).atMost("p99_ms", 50, 33);
        JsonNode root = parse(report);
        assertFalse(root.get("machine").has("pass"));
        assertFalse(root.get("liar").get("pass").asBoolean(), "the verdict comes from the figure, not from a put");
    }

    @Test
    void writesNestedFiguresListsAndAFile(@TempDir Path dir) throws Exception {
        BenchReport report = new BenchReport();
        BenchReport.Section http = report.section("http");
        http.object("app").put("req_per_s", 9123.456).put("p99_ms", 1.23456);
        http.put("runs", List.of(812L, 790L)).put("per_thread", java.util.Map.of("acceptor", 1.5));
        Path file = dir.resolve("bench").resolve("results.json");
        report.write(file);
        JsonNode root = JSON.readTree(Files.readString(file));
        assertEquals(9123.456, root.get("http").get("app").get("req_per_s").asDouble());
        assertEquals(1.235, root.get("http").get("app").get("p99_ms").asDouble(), "rounded to 3 decimals");
        assertEquals(2, root.get("http").get("runs").size());
        assertEquals(1.5, root.get("http").get("per_thread").get("acceptor").asDouble());
    }
}
