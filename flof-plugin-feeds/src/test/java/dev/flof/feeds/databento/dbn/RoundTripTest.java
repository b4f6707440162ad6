package dev.flof.feeds.databento.dbn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** decode -> encode -> decode gives the same metadata and records, on every shared file. */
class RoundTripTest {

  record Decoded(DbnMetadata md, List<DbnRecord> records) {}

  static Decoded decodeAll(DbnDecoder d) throws Exception {
    d.keepUnknown(true);
    List<DbnRecord> out = new ArrayList<>();
    for (DbnRecord r; (r = d.next()) != null; ) {
      out.add(r);
    }
    return new Decoded(d.metadata(), out);
  }

  @TestFactory
  Stream<DynamicTest> everySharedFileRoundTrips() throws Exception {
    return SharedData.manifest().stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> roundTrip(e)));
  }

  private static void roundTrip(SharedData.Entry e) throws Exception {
    Decoded first;
    try (DbnDecoder d = e.isFragment() ? DbnDecoder.openFragment(e.path(), e.version()) : DbnDecoder.open(e.path())) {
      first = decodeAll(d);
    }
    assertEquals(e.records(), first.records().size(), e.file());
    for (DbnWriter.Compression c : DbnWriter.Compression.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (DbnWriter w = e.isFragment() ? DbnWriter.fragment(out, e.version(), false, c)
          : DbnWriter.open(out, first.md(), c)) {
        for (DbnRecord r : first.records()) {
          w.write(r);
        }
      }
      Decoded second;
      ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
      try (DbnDecoder d = e.isFragment() ? DbnDecoder.openFragment(in, e.version(), "re-encoded")
          : DbnDecoder.open(in, "re-encoded")) {
        second = decodeAll(d);
      }
      assertEquals(first.md(), second.md(), e.file() + " metadata, " + c);
      assertEquals(first.records(), second.records(), e.file() + " records, " + c);
      if (c == DbnWriter.Compression.NONE && !e.isDbz()) {
        // same framing: total length, and the metadata bytes exactly (padding rule, v1 record_count, symbols);
        // record bodies may differ only in reserved bytes, which upstream files do not always zero
        byte[] orig = Bytes.decompressed(e.path());
        byte[] mine = out.toByteArray();
        assertEquals(orig.length, mine.length, e.file() + " length");
        int metaEnd = e.isFragment() ? 0 : 8 + (int) Bytes.le32(orig, 4);
        assertArrayEquals(java.util.Arrays.copyOf(orig, metaEnd), java.util.Arrays.copyOf(mine, metaEnd),
            e.file() + " metadata bytes");
      }
    }
  }

  @Test
  void writerLayoutMatchesTheSpecByHand(@TempDir Path tmp) throws Exception {
    DbnMetadata md = DbnMetadata.of("GLBX.MDP3", Schema.TRADES, 1609160400000000000L, Dbn.UNDEF_TIMESTAMP,
        SType.RAW_SYMBOL, SType.INSTRUMENT_ID, List.of("ESH1"), List.of());
    Path f = tmp.resolve("t.dbn");
    try (DbnWriter w = DbnWriter.create(f, md, DbnWriter.Compression.NONE)) {
      w.write(new TradeMsg(RecordHeader.of(RType.MBP_0, 1, 5482, 1609160400098821953L), 3720250000000L, 5, 'T',
          'A', 129, 0, 1609160400099150057L, 19251, 1170380));
    }
    byte[] b = java.nio.file.Files.readAllBytes(f);
    // metadata: 100 fixed + 4 schema_definition_length + 4+71 symbols + 4 partial + 4 not_found + 4 mappings = 191,
    // v3 pads to 192; first record at 8 + 192 = 200, 48 bytes
    assertEquals(248, b.length);
    assertEquals('D', b[0]);
    assertEquals(3, b[3]);
    assertEquals(192, Bytes.le32(b, 4));
    assertEquals(4, b[24]); // schema trades
    assertEquals(-1L, Bytes.le64(b, 34)); // end = none
    assertEquals(1, b[50]); // stype_in raw_symbol
    assertEquals(0, b[51]); // stype_out instrument_id
    assertEquals(71, b[53]);
    assertEquals(1, Bytes.le32(b, 112)); // symbols_count
    assertEquals('E', b[116]);
    assertEquals(12, Bytes.u8(b, 200)); // length in words
    assertEquals(0, Bytes.u8(b, 201)); // rtype mbp-0
    assertEquals(1, b[202]);
    assertEquals(5482, Bytes.le32(b, 204));
    assertEquals(3720250000000L, Bytes.le64(b, 216));
    assertEquals(5, Bytes.le32(b, 224));
    assertEquals('T', b[228]);
    assertEquals('A', b[229]);
    assertEquals(129, Bytes.u8(b, 230));
    assertEquals(1170380, Bytes.le32(b, 244));
  }

  @Test
  void tsOutRecordsRoundTripAndPrintTsOutLast() throws Exception {
    DbnMetadata base = DbnMetadata.of("GLBX.MDP3", Schema.TRADES, 0, Dbn.UNDEF_TIMESTAMP, SType.RAW_SYMBOL,
        SType.INSTRUMENT_ID, List.of(), List.of());
    DbnMetadata md = new DbnMetadata(3, base.dataset(), base.schemaRaw(), 0, Dbn.UNDEF_TIMESTAMP, 0, 1, 0, true,
        71, Dbn.UNDEF_TIMESTAMP, List.of(), List.of(), List.of(), List.of());
    TradeMsg t = new TradeMsg(new RecordHeader(12, RType.MBP_0, 1, 7, 100), 5, 1, 'T', 'B', 0, 0, 101, 3, 9);
    WithTsOut w = new WithTsOut(t, 1_700_000_000_000_000_123L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DbnWriter wr = DbnWriter.open(out, md, DbnWriter.Compression.NONE)) {
      wr.write(w);
      assertThrows(IllegalArgumentException.class, () -> wr.write(t));
    }
    byte[] b = out.toByteArray();
    int rec = b.length - 56;
    assertEquals(14, Bytes.u8(b, rec)); // 48 + 8 bytes = 14 words
    assertEquals(1_700_000_000_000_000_123L, Bytes.le64(b, rec + 48));
    try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(b), "ts_out")) {
      DbnRecord r = d.next();
      WithTsOut back = (WithTsOut) r;
      assertEquals(new RecordHeader(14, 0, 1, 7, 100), back.hd());
      assertEquals(1_700_000_000_000_000_123L, back.tsOut());
      TradeMsg inner = (TradeMsg) back.record();
      assertEquals(5, inner.price());
      assertNull(d.next());
      String json = DbnJson.record(r, 0, d.lastOffset());
      assertTrue(json.endsWith(",\"sequence\":9,\"ts_out\":1700000000000000123}"), json);
    }
  }

  @Test
  void writerRejectsRecordsThatDoNotFitTheStream() throws Exception {
    DbnMetadata md = DbnMetadata.of("GLBX.MDP3", Schema.STATISTICS, 0, Dbn.UNDEF_TIMESTAMP, SType.RAW_SYMBOL,
        SType.INSTRUMENT_ID, List.of(), List.of());
    try (DbnWriter w = DbnWriter.open(new ByteArrayOutputStream(), md, DbnWriter.Compression.NONE)) {
      StatMsgV1 v1 = new StatMsgV1(RecordHeader.of(RType.STATISTICS, 1, 1, 0), 0, 0, 0, 0, 0, 0, 1, 0, 1, 0);
      assertThrows(IllegalArgumentException.class, () -> w.write(v1)); // v1 layout in a v3 stream
      TradeMsg wrongRtype = new TradeMsg(RecordHeader.of(RType.MBP_1, 1, 1, 0), 0, 0, 'T', 'N', 0, 0, 0, 0, 0);
      assertThrows(IllegalArgumentException.class, () -> w.write(wrongRtype));
      TradeMsg badSize = new TradeMsg(RecordHeader.of(RType.MBP_0, 1, 1, 0), 0, 1L << 32, 'T', 'N', 0, 0, 0, 0, 0);
      assertThrows(IllegalArgumentException.class, () -> w.write(badSize)); // size is u32
      assertEquals(0, w.recordsWritten());
    }
  }

  @Test
  void sentinelsAreExplicit() {
    assertNull(Dbn.priceOrNull(Dbn.UNDEF_PRICE));
    assertNull(Dbn.priceString(Dbn.UNDEF_PRICE));
    assertEquals("3720.25", Dbn.priceString(3720250000000L));
    assertEquals("3720", Dbn.priceString(3720000000000L));
    assertEquals("-0.000000001", Dbn.priceString(-1));
    assertEquals("0", Dbn.priceString(0));
    assertEquals("-9223372036.854775808", Dbn.priceString(Long.MIN_VALUE));
    assertTrue(Dbn.timestamp(-1L).isEmpty());
    assertNotNull(Dbn.priceOrNull(1));
  }
}
