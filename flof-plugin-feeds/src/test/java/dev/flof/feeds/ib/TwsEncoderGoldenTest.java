package dev.flof.feeds.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoder's bytes equal the golden captures byte for byte at every version they cover. */
class TwsEncoderGoldenTest {

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 178})
    void everyGoldenFrameMatchesByteForByte(int sv) throws Exception {
        GoldenIb.Capture g = GoldenIb.load(sv);
        TwsEncoder enc = new TwsEncoder(sv);
        List<List<String>> mine = List.of(
                enc.startApi(7, ""),
                enc.placeOrder(GoldenIb.ES_DEC_2026, GoldenIb.PARENT),
                enc.placeOrder(GoldenIb.ES_DEC_2026, GoldenIb.STOP),
                enc.placeOrder(GoldenIb.ES_DEC_2026, GoldenIb.TARGET),
                enc.cancelOrder(1001),
                enc.reqGlobalCancel(),
                enc.reqPositions(),
                enc.reqIds(1));
        assertEquals(8, g.frames().size(), "golden frame count");
        for (int i = 0; i < mine.size(); i++) {
            GoldenIb.Frame gf = g.frames().get(i);
            assertEquals(gf.nfields(), mine.get(i).size(), "sv" + sv + " frame " + i + " field count");
            for (int k = 0; k < gf.fields().size(); k++) {
                assertEquals(gf.fields().get(k), mine.get(i).get(k), "sv" + sv + " frame " + i + " field " + k);
            }
            assertEquals(gf.hex(), TwsFrames.hex(TwsFrames.frame(mine.get(i))), "sv" + sv + " frame " + i + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 178})
    void placeOrderFieldCountsPerVersionAsDocumented(int sv) throws Exception {
        int expected = switch (sv) {
            case 157 -> 110;
            case 176 -> 115;
            default -> 114;
        };
        assertEquals(expected, new TwsEncoder(sv).placeOrder(GoldenIb.ES_DEC_2026, GoldenIb.PARENT).size());
    }
}
