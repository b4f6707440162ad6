package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwsFramingTest {

    @Test
    void handshakeAdvertisesV157To178() {
        // "API\0", length 9, "v157..178" — written out by hand
        assertEquals("41504900" + "00000009" + "763135372e2e313738", TwsFrames.hex(TwsVersions.handshakeBytes()));
        assertEquals("v157..178", TwsVersions.advertisedRange());
    }

    @Test
    void frameIsLengthPrefixedNulTerminatedFields() {
        // [8, 1, 1]: payload "8\01\01\0" = 6 bytes
        assertArrayEquals(new byte[] {0, 0, 0, 6, '8', 0, '1', 0, '1', 0}, TwsFrames.frame(List.of("8", "1", "1")));
        // empty field = just its terminator
        assertArrayEquals(new byte[] {0, 0, 0, 3, '4', 0, 0}, TwsFrames.frame(List.of("4", "")));
    }

    @Test
    void frameRejectsNulInsideAField() {
        assertThrows(IllegalArgumentException.class, () -> TwsFrames.frame(List.of("a\0b")));
    }

    @Test
    void readerReassemblesFramesFedOneByteAtATime() throws Exception {
        byte[] a = TwsFrames.frame(List.of("9", "1", "1000"));
        byte[] b = TwsFrames.frame(List.of("15", "1", "DU000000"));
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        TwsFrameReader r = new TwsFrameReader();
        List<List<String>> got = new ArrayList<>();
        for (byte x : all) {
            r.feed(new byte[] {x}, 0, 1);
            List<String> f;
            while ((f = r.next()) != null) {
                got.add(f);
            }
        }
        assertEquals(List.of(List.of("9", "1", "1000"), List.of("15", "1", "DU000000")), got);
        assertEquals(0, r.buffered());
        assertEquals(2, r.framesRead());
    }

    @Test
    void readerSplitsAcrossAnArbitraryBoundaryAndGrowsItsBuffer() throws Exception {
        List<String> big = new ArrayList<>();
        big.add("5");
        for (int i = 0; i < 3000; i++) {
            big.add("field" + i);
        }
        byte[] frame = TwsFrames.frame(big);
        assertTrue(frame.length > 8192, "frame larger than the initial buffer");
        TwsFrameReader r = new TwsFrameReader();
        r.feed(frame, 0, 3);
        assertNull(r.next(), "3 bytes: not even a length");
        r.feed(frame, 3, 10_000);
        assertNull(r.next(), "partial payload");
        r.feed(frame, 10_003, frame.length - 10_003);
        assertEquals(big, r.next());
        assertNull(r.next());
    }

    @Test
    void readerRefusesAnOversizedLengthNamingTheOffset() throws Exception {
        TwsFrameReader r = new TwsFrameReader();
        byte[] ok = TwsFrames.frame(List.of("53", "1"));
        r.feed(ok, 0, ok.length);
        r.feed(new byte[] {0x01, 0x00, 0x00, 0x00}, 0, 4);
        assertEquals(List.of("53", "1"), r.next());
        TwsProtocolException e = assertThrows(TwsProtocolException.class, r::next);
        assertTrue(e.getMessage().contains("offset " + ok.length), e.getMessage());
        assertTrue(e.getMessage().contains("16777216"), e.getMessage());
    }

    @Test
    void readerRefusesAPayloadWithoutFinalTerminator() {
        TwsFrameReader r = new TwsFrameReader();
        r.feed(new byte[] {0, 0, 0, 2, '5', '3'}, 0, 6);
        TwsProtocolException e = assertThrows(TwsProtocolException.class, r::next);
        assertTrue(e.getMessage().contains("offset 4"), e.getMessage());
    }

    @Test
    void serverVersionRangeIsEnforced() throws Exception {
        assertEquals(157, TwsVersions.requireSupported(157));
        assertEquals(178, TwsVersions.requireSupported(178));
        UnsupportedServerVersionException low = assertThrows(UnsupportedServerVersionException.class,
                () -> TwsVersions.requireSupported(156));
        assertEquals(156, low.serverVersion());
        UnsupportedServerVersionException high = assertThrows(UnsupportedServerVersionException.class,
                () -> TwsVersions.requireSupported(179));
        assertTrue(high.getMessage().contains("179") && high.getMessage().contains("157..178"), high.getMessage());
        assertThrows(UnsupportedServerVersionException.class, () -> new TwsEncoder(201));
        assertThrows(UnsupportedServerVersionException.class, () -> new TwsDecoder(193));
    }
}
