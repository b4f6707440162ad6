package dev.flof.host.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.host.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin-authoring walk-through end to end: the third-party example of docs/plugin-authoring.md, built by
 * the reactor (flof-conformance runs its build with flof-maven-plugin), dropped into a plugins folder beside
 * the bundled plugins, selected in the config, and its factor appears on every graded setup of the report.
 */
class ThirdPartyExamplePluginTest {
    static final Path BUNDLED = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));
    static final Path EXAMPLE_ZIP = BUNDLED.toAbsolutePath().getParent()
            .resolve("flof-conformance/target/examples/weekly-bias-grader/target/weekly-bias-grader-1.0.0.zip");

    @Test
    void theWeeklyBiasGraderIsSelectedByConfigAndExplainsEverySetup(@TempDir Path work) throws IOException {
        assertTrue(Files.isRegularFile(EXAMPLE_ZIP), "the example is built by the reactor (./flof test): " + EXAMPLE_ZIP);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (Stream<Path> s = Files.list(BUNDLED)) {
            for (Path z : s.filter(p -> p.getFileName().toString().endsWith(".zip")).toList()) {
                Files.copy(z, plugins.resolve(z.getFileName()));
            }
        }
        Files.copy(EXAMPLE_ZIP, plugins.resolve(EXAMPLE_ZIP.getFileName()));
        Path cfg = work.resolve("flof.yaml");
        Files.writeString(cfg, "engine:\n  graders: [default-rubric, weekly-bias]\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"backtest", "--config", cfg.toString()}, new Main.CliContext(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                plugins, work, Map.of()));
        assertEquals(0, code, err.toString());

        JsonNode report = new ObjectMapper().readTree(work.resolve("out/backtest/report.json").toFile());
        assertTrue(report.get("summary").get("run").get("plugins").has("weekly-bias-grader"));
        JsonNode setups = report.get("gradedSetups");
        assertTrue(setups.size() > 0, "the embedded default grades setups");
        for (JsonNode s : setups) {
            JsonNode weekly = null;
            for (JsonNode f : s.get("factors")) {
                if (f.get("id").asText().equals("weekly-bias")) {
                    weekly = f;
                }
            }
            assertTrue(weekly != null, "every setup carries the third-party factor: " + s);
            assertTrue(!weekly.get("reason").asText().isBlank());
            assertEquals(11, s.get("maxPoints").asInt(), "the rubric's 10 points plus the example's 1");
        }
    }
}
