package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.orderflow.core.TickMath;
import dev.flof.orderflow.io.TradeTape;
import dev.flof.orderflow.io.TradesCsv;
import dev.flof.orderflow.profile.ProfileParams;
import dev.flof.orderflow.profile.ProfileResult;
import dev.flof.orderflow.profile.TradeHistory;
import dev.flof.orderflow.profile.ValueAreaRule;
import dev.flof.orderflow.profile.VolumeProfiles;
import dev.flof.spi.market.Fixed;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The golden volume-profile fixtures ({@code golden/orderflow}): every {@code reference} value of
 * {@code golden_vp.json}, plus the spec's T11 and T13-T17 values written out by hand.
 */
class GoldenProfileTest {
    static final Path DIR = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("golden/orderflow");
    static final BigDecimal ES = new BigDecimal("0.25");
    static final BigDecimal CENT = new BigDecimal("0.01");

    static ProfileResult profile(String file, BigDecimal tick, ProfileParams params) {
        TradeTape tape = TradesCsv.read(DIR.resolve(file), tick);
        assertEquals(0, tape.offGrid(), "fixture prices are on the grid");
        TradeHistory h = new TradeHistory(1024, 1 << 20, Long.MAX_VALUE / 4);
        for (int i = 0; i < tape.size(); i++) {
            h.add(tape.ts(i), tape.tick(i), tape.qty(i));
        }
        return h.profile(Long.MIN_VALUE, Long.MAX_VALUE, params);
    }

    static long tk(String price, BigDecimal tick) {
        return TickMath.toTicks(price, tick);
    }

    static long tk(JsonNode n, BigDecimal tick) {
        return TickMath.toTicks(n.decimalValue(), tick);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("tc_va_basic", "tc_va_basic.csv", ES),
                Arguments.of("tc_va_exact70", "tc_va_exact70.csv", ES),
                Arguments.of("tc_poc_tie", "tc_poc_tie.csv", ES),
                Arguments.of("tc_gap", "tc_gap.csv", ES),
                Arguments.of("tc_float_tick", "tc_float_tick.csv", CENT),
                Arguments.of("gen_session_seed7_30000", "synthetic_es_seed7.csv", ES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenReference(String name, String file, BigDecimal tick) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(DIR.resolve("golden_vp.json").toFile()).get(name).get("reference");
        ProfileParams base = ProfileParams.defaults();
        ProfileResult cbot = profile(file, tick, base.withRule(ValueAreaRule.CBOT2));
        ProfileResult single = profile(file, tick, base.withRule(ValueAreaRule.SINGLE));
        assertEquals(tk(ref.get("low"), tick), cbot.lowTick(), "low");
        assertEquals(tk(ref.get("high"), tick), cbot.highTick(), "high");
        assertEquals(tk(ref.get("poc"), tick), cbot.pocTick(), "poc");
        checkVa(ref.get("va_cbot2"), cbot, tick);
        checkVa(ref.get("va_single"), single, tick);
        assertEquals(ticks(ref.get("hvn"), tick), cbot.hvnTicks(), "hvn");
        assertEquals(ticks(ref.get("lvn"), tick), cbot.lvnTicks(), "lvn");
        List<List<Long>> zones = new ArrayList<>();
        for (JsonNode z : ref.get("lvn_zones")) {
            zones.add(List.of(tk(z.get(0), tick), tk(z.get(1), tick)));
        }
        List<List<Long>> got = new ArrayList<>();
        for (ProfileResult.Zone z : cbot.lvnZones()) {
            got.add(List.of(z.lowTick(), z.highTick()));
        }
        assertEquals(zones, got, "lvn zones");
        assertEquals(single.hvnTicks(), cbot.hvnTicks(), "nodes do not depend on the value-area rule");
    }

    private static void checkVa(JsonNode va, ProfileResult r, BigDecimal tick) {
        assertEquals(tk(va.get("val"), tick), r.valLowTick(), "val");
        assertEquals(tk(va.get("vah"), tick), r.valHighTick(), "vah");
        assertEquals(va.get("volume").asLong() * Fixed.SCALE, r.valueAreaVolume(), "va volume");
        assertEquals(va.get("pct").asDouble(), r.valueAreaShare(), 5e-7, "va pct");
    }

    private static List<Long> ticks(JsonNode arr, BigDecimal tick) {
        List<Long> out = new ArrayList<>();
        for (JsonNode n : arr) {
            out.add(tk(n, tick));
        }
        return out;
    }

    @Test
    void t14ValueAreaBothRules() {
        ProfileResult c = profile("tc_va_basic.csv", ES, ProfileParams.defaults());
        assertEquals(200 * Fixed.SCALE, c.totalVolume());
        assertEquals(tk("5000.50", ES), c.valLowTick());
        assertEquals(tk("5001.50", ES), c.valHighTick());
        assertEquals(175 * Fixed.SCALE, c.valueAreaVolume());
        ProfileResult s = profile("tc_va_basic.csv", ES, ProfileParams.defaults().withRule(ValueAreaRule.SINGLE));
        assertEquals(tk("5000.75", ES), s.valLowTick());
        assertEquals(tk("5001.50", ES), s.valHighTick());
        assertEquals(155 * Fixed.SCALE, s.valueAreaVolume());
    }

    @Test
    void t15ExactlySeventyPercentStops() {
        ProfileResult c = profile("tc_va_exact70.csv", ES, ProfileParams.defaults());
        assertEquals(tk("5000.50", ES), c.valLowTick(), "a while(acc <= target) loop would add 5000.25");
        assertEquals(tk("5001.00", ES), c.valHighTick());
        assertEquals(70 * Fixed.SCALE, c.valueAreaVolume());
    }

    @Test
    void t13t16PocTieGoesToTheLowerEquidistantRow() {
        assertEquals(tk("5000.00", ES), profile("tc_poc_tie.csv", ES, ProfileParams.defaults()).pocTick());
    }

    @Test
    void t17UntradedTickIsAnLvnZone() {
        ProfileResult c = profile("tc_gap.csv", ES, ProfileParams.defaults());
        assertEquals(5, c.volumes().length, "the untraded 5000.50 is a zero row");
        assertEquals(0, c.volumes()[2]);
        assertEquals(List.of(tk("5000.50", ES)), c.lvnTicks());
        assertEquals(tk("5000.50", ES), c.lvnZones().get(0).lowTick());
        assertEquals(tk("5000.50", ES), c.lvnZones().get(0).highTick());
        assertEquals(tk("5000.25", ES), c.valLowTick());
        assertEquals(tk("5000.75", ES), c.valHighTick());
        ProfileResult s = profile("tc_gap.csv", ES, ProfileParams.defaults().withRule(ValueAreaRule.SINGLE));
        assertEquals(tk("5000.25", ES), s.valLowTick());
        assertEquals(tk("5001.00", ES), s.valHighTick());
        assertEquals(90 * Fixed.SCALE, s.valueAreaVolume());
    }

    @Test
    void t11FloatTickPoc() {
        ProfileResult c = profile("tc_float_tick.csv", CENT, ProfileParams.defaults());
        assertEquals(tk("1024.15", CENT), c.pocTick(), "float ceil binning would report 1024.17");
    }

    @Test
    void syntheticZoneAtZoneFractionPointTwoAndStopBeyondIt() {
        ProfileResult c = profile("synthetic_es_seed7.csv", ES, ProfileParams.defaults().withZoneFraction(0.2));
        assertEquals(1, c.lvnZones().size());
        assertEquals(tk("5001.75", ES), c.lvnZones().get(0).lowTick());
        assertEquals(tk("5008.25", ES), c.lvnZones().get(0).highTick());
        ProfileResult d = profile("synthetic_es_seed7.csv", ES, ProfileParams.defaults());
        // long entered above the zone [5001.25, 5008.75]: stop 2 ticks below its far edge
        assertEquals(tk("5000.75", ES), VolumeProfiles.stopBeyondLvn(d, tk("5010.00", ES), +1, 2).getAsLong());
        assertEquals(tk("5009.25", ES), VolumeProfiles.stopBeyondLvn(d, tk("5000.00", ES), -1, 2).getAsLong());
        assertEquals(true, VolumeProfiles.stopBeyondLvn(d, tk("5000.00", ES), +1, 2).isEmpty(), "no zone below");
    }

    @Test
    void rowsWiderThanATickAggregateAndReportRowLows() {
        // tc_float_tick: 8, 10, 9, 3 at 1024.14-1024.17; two-tick rows: [1024.14, .15] = 18, [1024.16, .17] = 12
        ProfileResult r = profile("tc_float_tick.csv", CENT, ProfileParams.defaults().withRowTicks(2));
        assertEquals(2, r.volumes().length);
        assertEquals(18 * Fixed.SCALE, r.volumes()[0]);
        assertEquals(tk("1024.14", CENT), r.pocTick());
        assertEquals(tk("1024.14", CENT), r.lowTick());
        assertEquals(tk("1024.16", CENT), r.highTick(), "the high row's low edge");
        assertEquals(30 * Fixed.SCALE, r.totalVolume());
    }

    @Test
    void valleysSharingAZoneReportItOnce() {
        ProfileParams p = new ProfileParams(0.70, ValueAreaRule.CBOT2, 0, 1, 0.10, 0.5, 0.5, 2, 1);
        ProfileResult r = VolumeProfiles.analyze(0, new long[] {60, 5, 8, 5, 60}, p);
        assertEquals(List.of(1L, 3L), r.lvnTicks());
        assertEquals(1, r.lvnZones().size());
        assertEquals(1, r.lvnZones().get(0).lowTick());
        assertEquals(3, r.lvnZones().get(0).highTick());
        assertEquals(1, r.lvnZones().get(0).lvnTick());
    }
}
