package dev.flof.feeds.databento.dbn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared DBN test files and their manifest. */
final class SharedData {
  private SharedData() {}

  static final Path DIR = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("data/dbn");

  /** One manifest entry. */
  record Entry(String file, String format, int version, boolean compressed, int records, String expected) {
    Path path() {
      return DIR.resolve(file);
    }

    Path expectedPath() {
      return DIR.resolve(expected);
    }

    boolean isFragment() {
      return format.startsWith("DBN-fragment");
    }

    boolean isDbz() {
      return format.equals("DBZ");
    }
  }

  static List<Entry> manifest() throws IOException {
    JsonNode root = new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());
    List<Entry> out = new ArrayList<>();
    for (JsonNode e : root) {
      out.add(new Entry(e.get("file").asText(), e.get("format").asText(), e.get("version").asInt(),
          e.get("compressed").asBoolean(), e.get("records").asInt(),
          e.hasNonNull("expected") ? e.get("expected").asText() : null));
    }
    return out;
  }
}
