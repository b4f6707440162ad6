package dev.flof.feeds.databento.dbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flof data inspect}: limit, errors after partial output, usage errors. */
class InspectCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return InspectCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void limitPrintsMetadataAndTheFirstRecords() throws Exception {
    Path f = SharedData.DIR.resolve("dbn/test_data.trades.v3.dbn.zst");
    assertEquals(0, run(f.toString(), "--limit", "1"));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> expected = Files.readAllLines(SharedData.DIR.resolve("expected/dbn/test_data.trades.v3.dbn.zst.jsonl"));
    assertEquals(expected.subList(0, 2), lines);
  }

  @Test
  void corruptFilePrintsTheRecordsBeforeTheDamageThenTheError(@TempDir Path tmp) throws Exception {
    byte[] b = Files.readAllBytes(SharedData.DIR.resolve("dbn/test_data.mbo.v3.dbn"));
    Path f = tmp.resolve("cut.dbn");
    Files.write(f, Arrays.copyOf(b, b.length - 3));
    assertEquals(1, run(f.toString()));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size()); // metadata + first record
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("at byte offset 416") && e.contains("truncated record"), e);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run());
    assertEquals(2, run("a.dbn", "--limit", "x"));
  }

  @Test
  void missingFileIsAnInputError() {
    assertEquals(1, run("/nonexistent/x.dbn"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("/nonexistent/x.dbn"));
  }
}
