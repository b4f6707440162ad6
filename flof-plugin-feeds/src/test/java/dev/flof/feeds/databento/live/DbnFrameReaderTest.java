package dev.flof.feeds.databento.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DbnFrameReaderTest {
    @Test
    void splitsTheLiveCaptureIntoMetadataAndRecords() throws IOException {
        byte[] dbn = FakeLiveGateway.liveCapture();
        DbnFrameReader r = new DbnFrameReader(new ByteArrayInputStream(dbn));
        byte[] meta = r.readMetadata();
        // expected/databento-python/LIVE: version 3, metadata_length 120, first record at offset 128
        assertEquals(3, r.version());
        assertEquals(128, meta.length);
        int n = 0;
        byte[] rec;
        byte[] first = null;
        while ((rec = r.next()) != null) {
            if (first == null) {
                first = rec;
            }
            n++;
        }
        assertEquals(46, n);
        assertEquals(176, first.length, "SymbolMappingMsgV2");
        assertEquals(0x16, DbnFrameReader.rtype(first));
        assertEquals(dbn.length, r.offset());
    }

    @Test
    void badMagicIsAProtocolViolation() {
        byte[] junk = "HTTP/1.1 200 OK\r\n".getBytes();
        var e = assertThrows(LiveGatewayException.ProtocolViolation.class, () -> new DbnFrameReader(new ByteArrayInputStream(junk)).readMetadata());
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void impossibleLengthNamesTheOffset() throws IOException {
        byte[] dbn = FakeLiveGateway.liveCapture();
        byte[] bad = Arrays.copyOf(dbn, 128 + 16);
        bad[128] = 3; // 12 bytes < the 16-byte header
        DbnFrameReader r = new DbnFrameReader(new ByteArrayInputStream(bad));
        r.readMetadata();
        var e = assertThrows(LiveGatewayException.ProtocolViolation.class, r::next);
        assertEquals("DBN record at offset 128 has impossible length 12 bytes (header is 16)", e.getMessage());
    }

    @Test
    void recordCutShortIsEofWithOffset() throws IOException {
        byte[] dbn = FakeLiveGateway.liveCapture();
        DbnFrameReader r = new DbnFrameReader(new ByteArrayInputStream(Arrays.copyOf(dbn, 128 + 100)));
        r.readMetadata();
        var e = assertThrows(EOFException.class, r::next);
        assertEquals("DBN record at offset 128 cut short: 100 of 176 bytes", e.getMessage());
    }

    @Test
    void cleanEndBetweenRecords() throws IOException {
        byte[] dbn = FakeLiveGateway.liveCapture();
        DbnFrameReader r = new DbnFrameReader(new ByteArrayInputStream(Arrays.copyOf(dbn, 128 + 176)));
        r.readMetadata();
        assertArrayEquals(Arrays.copyOfRange(dbn, 128, 304), r.next());
        assertNull(r.next());
    }

    @Test
    void deadAfterIsHeartbeatPlusFiveSeconds() {
        assertEquals(Duration.ofSeconds(35), LiveConfig.defaultDeadAfter(0));
        assertEquals(Duration.ofSeconds(15), LiveConfig.defaultDeadAfter(10));
        LiveConfig c = LiveConfig.of("GLBX.MDP3", dev.flof.feeds.databento.historical.ApiKey.of("db-unittestapikey1234567890FFFFF"));
        assertEquals(Duration.ofSeconds(35), c.deadAfter());
        assertEquals(Duration.ofSeconds(12), c.withHeartbeat(7).deadAfter());
        assertEquals("glbx-mdp3.lsg.databento.com", c.host());
        assertEquals(13000, c.port());
    }
}
