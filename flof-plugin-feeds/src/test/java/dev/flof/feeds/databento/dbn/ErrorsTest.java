package dev.flof.feeds.databento.dbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt, truncated and unusual input: typed errors with offsets, records before the damage kept. */
class ErrorsTest {
  // plain v3 MBO file: metadata_length 352 -> records at 360 and 416, 56 bytes each, 472 bytes in all
  private static final Path MBO_V3 = SharedData.DIR.resolve("dbn/test_data.mbo.v3.dbn");

  private static byte[] mbo() throws IOException {
    byte[] b = Files.readAllBytes(MBO_V3);
    assertEquals(472, b.length);
    assertEquals(352, Bytes.le32(b, 4));
    return b;
  }

  private static DbnFormatException failure(byte[] input) {
    return assertThrows(DbnFormatException.class, () -> {
      try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(input), "test")) {
        while (d.next() != null) {
          // drain
        }
      }
    });
  }

  @Test
  void badMagic() throws Exception {
    byte[] b = mbo();
    b[0] = 'X';
    DbnFormatException e = failure(b);
    assertEquals(0, e.offset());
    assertTrue(e.reason().contains("bad magic"), e.reason());
    assertTrue(e.getMessage().startsWith("test: at byte offset 0"), e.getMessage());
  }

  @Test
  void emptyAndShortInput() throws Exception {
    assertTrue(failure(new byte[0]).reason().contains("empty input"));
    assertTrue(failure(Arrays.copyOf(mbo(), 5)).reason().contains("truncated DBN prelude"));
  }

  @Test
  void unsupportedVersion() throws Exception {
    byte[] b = mbo();
    b[3] = 9;
    DbnFormatException e = failure(b);
    assertEquals(3, e.offset());
    assertTrue(e.reason().contains("version 9"), e.reason());
  }

  @Test
  void impossibleMetadataLength() throws Exception {
    byte[] b = mbo();
    Bytes.put32(b, 4, 12);
    DbnFormatException e = failure(b);
    assertEquals(4, e.offset());
    assertTrue(e.reason().contains("impossible metadata length 12"), e.reason());
  }

  @Test
  void hugeSymbolCountIsRejectedBeforeAllocating() throws Exception {
    byte[] b = mbo();
    // symbols_count sits after the 100 fixed bytes and the 4-byte schema_definition_length
    assertEquals(1, Bytes.le32(b, 112));
    Bytes.put32(b, 112, 0xFFFF_FFFFL);
    DbnFormatException e = failure(b);
    assertEquals(116, e.offset());
    assertTrue(e.reason().contains("impossible symbols_count 4294967295"), e.reason());
  }

  @Test
  void hugeMetadataLengthIsATruncationNotAnAllocation() throws Exception {
    byte[] b = mbo();
    Bytes.put32(b, 4, 0xFFFF_FFF0L);
    DbnFormatException e = failure(b);
    assertTrue(e.reason().contains("truncated metadata"), e.reason());
  }

  @Test
  void truncatedRecordKeepsTheRecordsBefore() throws Exception {
    byte[] b = Arrays.copyOf(mbo(), 472 - 10);
    List<DbnRecord> got = new ArrayList<>();
    DbnFormatException e = assertThrows(DbnFormatException.class, () -> {
      try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(b), "cut")) {
        for (DbnRecord r; (r = d.next()) != null; ) {
          got.add(r);
        }
      }
    });
    assertEquals(1, got.size());
    assertEquals(647784973705L, ((MboMsg) got.get(0)).orderId()); // expected/dbn/test_data.mbo.v3.dbn.jsonl
    assertEquals(416, e.offset());
    assertTrue(e.reason().contains("truncated record: header declares 56 bytes"), e.reason());
  }

  @Test
  void truncatedHeader() throws Exception {
    DbnFormatException e = failure(Arrays.copyOf(mbo(), 416 + 7));
    assertEquals(416, e.offset());
    assertTrue(e.reason().contains("truncated record header"), e.reason());
  }

  @Test
  void impossibleRecordLengthAndTheScannerStaysFailed() throws Exception {
    byte[] b = mbo();
    b[416] = 2; // 8 bytes, shorter than a header
    try (DbnScanner s = DbnScanner.open(new ByteArrayInputStream(b), "len")) {
      assertTrue(s.next());
      DbnFormatException e = assertThrows(DbnFormatException.class, s::next);
      assertEquals(416, e.offset());
      assertTrue(e.reason().contains("impossible record length 8"), e.reason());
      assertTrue(assertThrows(DbnFormatException.class, s::next) == e, "same error again");
    }
    b[416] = 0;
    assertTrue(failure(b).reason().contains("impossible record length 0"));
  }

  @Test
  void iteratorYieldsRecordsThenThrows() throws Exception {
    byte[] b = Arrays.copyOf(mbo(), 472 - 1);
    try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(b), "iter")) {
      Iterator<DbnRecord> it = d.iterator();
      assertTrue(it.hasNext());
      assertInstanceOf(MboMsg.class, it.next());
      UncheckedIOException u = assertThrows(UncheckedIOException.class, it::hasNext);
      assertInstanceOf(DbnFormatException.class, u.getCause());
    }
  }

  @Test
  void brokenAndTruncatedZstd() throws Exception {
    byte[] z = Files.readAllBytes(SharedData.DIR.resolve("dbn/test_data.mbo.v3.dbn.zst"));
    byte[] cut = Arrays.copyOf(z, z.length - 20);
    DbnFormatException e1 = failure(cut);
    assertTrue(e1.reason().contains("zstd"), e1.reason());
    byte[] corrupt = z.clone();
    for (int i = 20; i < corrupt.length - 8; i++) {
      corrupt[i] ^= (byte) 0x5A;
    }
    DbnFormatException e2 = failure(corrupt);
    assertTrue(e2.reason().contains("zstd"), e2.reason());
  }

  @Test
  void unknownRtypeIsSkippedAndCountedAndLongerKnownRecordsAreNotMisread() throws Exception {
    byte[] b = mbo();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, 416);
    byte[] unknown = new byte[24];
    unknown[0] = 6; // 24 bytes
    unknown[1] = 0x7F; // no such rtype
    unknown[16] = 42;
    out.write(unknown);
    byte[] longMbo = new byte[64];
    System.arraycopy(b, 360, longMbo, 0, 56);
    longMbo[0] = 16; // an MBO record grown to 64 bytes (a future layout): not decoded as MboMsg
    out.write(longMbo);
    out.write(b, 416, 56);
    byte[] input = out.toByteArray();
    try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(input), "unknown")) {
      assertInstanceOf(MboMsg.class, d.next());
      DbnRecord second = d.next();
      assertInstanceOf(MboMsg.class, second);
      assertEquals(416 + 24 + 64, d.lastOffset());
      assertNull(d.next());
      assertEquals(2, d.unknownSkipped());
      assertEquals(2, d.recordsReturned());
    }
    try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(input), "unknown").keepUnknown(true)) {
      d.next();
      UnknownRecord u = (UnknownRecord) d.next();
      assertEquals(0x7F, u.rtype());
      assertEquals(42, u.raw()[16]);
      String json = DbnJson.record(u, 1, d.lastOffset());
      assertTrue(json.contains("\"rtype_name\":null,\"struct\":null"), json);
      assertTrue(json.endsWith("\"raw_hex\":\"067f0000000000000000000000000000" + "2a00000000000000\"}"), json);
      assertEquals(64, ((UnknownRecord) d.next()).raw().length);
      assertInstanceOf(MboMsg.class, d.next());
      assertEquals(0, d.unknownSkipped());
    }
  }

  @Test
  void fileChannelAndStreamInputsAgree(@TempDir Path tmp) throws Exception {
    for (String f : List.of("dbn/test_data.mbo.v3.dbn", "dbn/test_data.mbo.v3.dbn.zst")) {
      Path p = SharedData.DIR.resolve(f);
      List<DbnRecord> fromPath = RoundTripTest.decodeAll(DbnDecoder.open(p)).records();
      List<DbnRecord> fromStream =
          RoundTripTest.decodeAll(DbnDecoder.open(Files.newInputStream(p), f)).records();
      List<DbnRecord> fromChannel =
          RoundTripTest.decodeAll(DbnDecoder.open(Files.newByteChannel(p), f)).records();
      assertEquals(2, fromPath.size());
      assertEquals(fromPath, fromStream, f);
      assertEquals(fromPath, fromChannel, f);
    }
  }

  @Test
  void flyweightAndCallbackSeeTheSameFieldsAsTheRecords() throws Exception {
    Path p = SharedData.DIR.resolve("dbn/test_data.mbp-1.v3.dbn.zst");
    List<DbnRecord> records = RoundTripTest.decodeAll(DbnDecoder.open(p)).records();
    List<String> viaView = new ArrayList<>();
    try (DbnScanner s = DbnScanner.open(p)) {
      long n = s.forEach(v -> viaView.add(v.rtype() + " " + v.instrumentId() + " " + v.tsEvent() + " " + v.price()
          + " " + v.size() + " " + v.action() + v.side() + " " + v.flags() + " " + v.depth() + " " + v.tsRecv()
          + " " + v.tsInDelta() + " " + v.sequence() + " " + v.bidPx(0) + " " + v.askPx(0) + " " + v.bidSz(0) + " "
          + v.askSz(0) + " " + v.bidCt(0) + " " + v.askCt(0)));
      assertEquals(records.size(), n);
    }
    List<String> viaRecords = new ArrayList<>();
    for (DbnRecord r : records) {
      Mbp1Msg m = (Mbp1Msg) r;
      BidAskPair l = m.levels().get(0);
      viaRecords.add(m.rtype() + " " + m.instrumentId() + " " + m.tsEvent() + " " + m.price() + " " + m.size() + " "
          + m.action() + m.side() + " " + m.flags() + " " + m.depth() + " " + m.tsRecv() + " " + m.tsInDelta() + " "
          + m.sequence() + " " + l.bidPx() + " " + l.askPx() + " " + l.bidSz() + " " + l.askSz() + " " + l.bidCt()
          + " " + l.askCt());
    }
    assertEquals(2, viaRecords.size());
    assertEquals(viaRecords, viaView);
  }

  @Test
  void definitionsOfEveryVersionShareOneInterface() throws Exception {
    // expected/dbn/test_data.definition.v{1,2,3}.dbn.zst.jsonl, first record: same values in all three versions
    for (int v = 1; v <= 3; v++) {
      try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve("dbn/test_data.definition.v" + v + ".dbn.zst"))) {
        InstrumentDefMsg def = (InstrumentDefMsg) d.next();
        assertEquals("MSFT", def.rawSymbol(), "v" + v);
        assertEquals("XNAS", def.exchange(), "v" + v);
        assertEquals('K', def.instrumentClass(), "v" + v);
        assertEquals(6819, def.hd().instrumentId(), "v" + v);
        assertTrue(Dbn.isUndefPrice(def.minPriceIncrement()), "v" + v);
        assertTrue(Dbn.timestamp(def.expiration()).isEmpty(), "v" + v);
      }
    }
  }

  @Test
  void multiFrameZstdIsReadAcrossFrames() throws Exception {
    Path p = SharedData.DIR.resolve("dbn/multi-frame.definition.v1.dbn.frag.zst");
    byte[] raw = Files.readAllBytes(p);
    int frames = 0;
    for (int i = 0; i + 4 <= raw.length; i++) {
      if (Bytes.le32(raw, i) == 0xFD2FB528L) {
        frames++;
      }
    }
    assertTrue(frames >= 2, "file has " + frames + " frame magics");
    try (DbnDecoder d = DbnDecoder.openFragment(p, 1)) {
      List<DbnRecord> all = RoundTripTest.decodeAll(d).records();
      assertEquals(8, all.size());
      all.forEach(r -> assertInstanceOf(InstrumentDefMsgV1.class, r));
    }
  }

  @Test
  void versionedLayoutsFollowTheStream() throws Exception {
    try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve("dbn/test_data.definition.v1.dbn.zst"))) {
      assertEquals(1, d.metadata().version());
      assertInstanceOf(InstrumentDefMsgV1.class, d.next());
    }
    try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve("dbn/test_data.definition.v2.dbn.zst"))) {
      assertInstanceOf(InstrumentDefMsgV2.class, d.next());
    }
    try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve("dbn/test_data.definition.v3.dbn.zst"))) {
      InstrumentDefMsgV3 def = (InstrumentDefMsgV3) d.next();
      assertEquals("MSFT", def.rawSymbol());
    }
    try (DbnDecoder d = DbnDecoder.open(SharedData.DIR.resolve("databento-python/LIVE/test_data.live.dbn.zst"))) {
      DbnMetadata md = d.metadata();
      assertTrue(md.schema().isEmpty());
      assertEquals(Dbn.SCHEMA_NONE, md.schemaRaw());
      SymbolMappingMsgV2 sm = (SymbolMappingMsgV2) d.next();
      assertEquals("ESZ4", sm.stypeInSymbol());
      assertEquals(Dbn.UNDEF_TIMESTAMP, sm.startTs());
      assertNotNull(sm.hd());
    }
  }
}
