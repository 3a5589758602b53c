package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the walls standing: the server and the model never import JavaFX, so each is testable alone. */
class ArchitectureTest {

    @ParameterizedTest
    @ValueSource(strings = {"server", "model", "layout"})
    void layerImportsNoJavaFx(String layer) throws IOException {
        Path dir = Path.of("src/main/java/io/socketscope", layer);
        assertTrue(Files.isDirectory(dir), dir + " exists");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.matches("\\s*import\\s+(static\\s+)?javafx\\..*")
                            || l.contains("io.socketscope.ui."));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
