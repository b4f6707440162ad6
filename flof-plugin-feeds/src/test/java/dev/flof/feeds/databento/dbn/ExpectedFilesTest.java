package dev.flof.feeds.databento.dbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shared DBN file that has an expected decoding is printed by {@code inspect} and compared with the expected
 * lines: first key by key (so a failure names the field), then as whole strings (value formatting, key order).
 */
class ExpectedFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyFileDecodesToTheExpectedLines() throws Exception {
    List<SharedData.Entry> entries = SharedData.manifest().stream().filter(e -> e.expected() != null).toList();
    assertTrue(entries.size() >= 170, "manifest lists " + entries.size() + " files with expected output");
    return entries.stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
  }

  private static void check(SharedData.Entry e) throws Exception {
    List<String> expected = Files.readAllLines(e.expectedPath(), StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int rc = InspectCommand.run(new String[] {e.path().toString()}, new PrintStream(bytes, true, "UTF-8"),
        new PrintStream(errBytes, true, "UTF-8"));
    assertEquals(0, rc, () -> e.file() + ": " + errBytes.toString(StandardCharsets.UTF_8));
    List<String> actual = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    int metaLines = e.isFragment() ? 0 : 1;
    assertEquals(e.records() + metaLines, expected.size(), "expected file line count vs manifest");
    assertEquals(expected.size(), actual.size(), e.file() + ": number of lines");
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = JSON.readTree(expected.get(i));
      JsonNode got = JSON.readTree(actual.get(i));
      compare(e.file() + " line " + (i + 1), want, got);
      assertEquals(expected.get(i), actual.get(i), e.file() + " line " + (i + 1) + " text");
    }
  }

  private static void compare(String where, JsonNode want, JsonNode got) {
    if (want.isObject()) {
      assertTrue(got.isObject(), where + ": object expected");
      for (Map.Entry<String, JsonNode> f : want.properties()) {
        assertTrue(got.has(f.getKey()), where + ": missing key " + f.getKey());
        compare(where + "." + f.getKey(), f.getValue(), got.get(f.getKey()));
      }
      assertEquals(want.size(), got.size(), where + ": key count");
    } else if (want.isArray()) {
      assertEquals(want.size(), got.size(), where + ": array size");
      for (int i = 0; i < want.size(); i++) {
        compare(where + "[" + i + "]", want.get(i), got.get(i));
      }
    } else {
      assertEquals(want, got, where);
    }
  }

  @Test
  void tradeSpotValuesFromTheOfficialTests() throws Exception {
    // docs/databento.md section 7: values asserted by the official C++ tests, identical in v1, v2 and v3 files
    for (String f : List.of("dbn/test_data.trades.v1.dbn.zst", "dbn/test_data.trades.v2.dbn.zst",
        "dbn/test_data.trades.v3.dbn.zst")) {
      try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve(f))) {
        TradeMsg t = (TradeMsg) d.next();
        assertEquals(5482, t.hd().instrumentId(), f);
        assertEquals(1, t.hd().publisherId(), f);
        assertEquals(1609160400098821953L, t.hd().tsEvent(), f);
        assertEquals(3720250000000L, t.price(), f);
        assertEquals(5, t.size(), f);
        assertEquals('T', t.action(), f);
        assertEquals('A', t.side(), f);
        assertEquals(129, t.flags(), f);
        assertEquals(1609160400099150057L, t.tsRecv(), f);
        assertEquals(19251, t.tsInDelta(), f);
        assertEquals(1170380, t.sequence(), f);
      }
    }
  }

  @Test
  void mbp10LevelTwoFromTheOfficialTests() throws Exception {
    try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve("dbn/test_data.mbp-10.v3.dbn.zst"))) {
      Mbp10Msg m = (Mbp10Msg) d.next();
      BidAskPair l2 = m.levels().get(2);
      assertEquals(3719750000000L, l2.bidPx());
      assertEquals(32, l2.bidSz());
      assertEquals(23, l2.bidCt());
      assertEquals(3721000000000L, l2.askPx());
      assertEquals(39, l2.askSz());
      assertEquals(25, l2.askCt());
    }
  }
}
