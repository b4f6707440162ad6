package dev.flof.feeds.databento.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    static List<String> symbols(int n) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add("SYM" + i);
        }
        return s;
    }

    @Test
    void singleLineFormat() {
        Subscription s = new Subscription("trades", "raw_symbol", List.of("ESZ5", "NQZ5"), "1700000000000000000", false, 7);
        assertEquals(List.of("schema=trades|stype_in=raw_symbol|symbols=ESZ5,NQZ5|snapshot=0|is_last=1|start=1700000000000000000|id=7"),
                s.lines());
    }

    @Test
    void twelveHundredSymbolsMakeThreeLinesOnlyLastMarked() {
        List<String> lines = Subscription.of("mbp-10", symbols(1200)).lines();
        assertEquals(3, lines.size());
        assertEquals(500, FakeLiveGateway.fields(lines.get(0)).get("symbols").split(",").length);
        assertEquals(500, FakeLiveGateway.fields(lines.get(1)).get("symbols").split(",").length);
        assertEquals(200, FakeLiveGateway.fields(lines.get(2)).get("symbols").split(",").length);
        assertEquals("0", FakeLiveGateway.fields(lines.get(0)).get("is_last"));
        assertEquals("0", FakeLiveGateway.fields(lines.get(1)).get("is_last"));
        assertEquals("1", FakeLiveGateway.fields(lines.get(2)).get("is_last"));
        assertEquals("SYM500", FakeLiveGateway.fields(lines.get(1)).get("symbols").split(",")[0]);
        assertEquals("SYM1199", FakeLiveGateway.fields(lines.get(2)).get("symbols").split(",")[199]);
    }

    @Test
    void exactlyFiveHundredIsOneLine() {
        assertEquals(1, Subscription.of("trades", symbols(500)).lines().size());
        assertEquals(2, Subscription.of("trades", symbols(501)).lines().size());
    }

    @Test
    void withoutStartDropsOnlyTheStart() {
        Subscription s = Subscription.of("tbbo", List.of("ESZ5")).withStart(123L).withId(3);
        assertEquals("schema=tbbo|stype_in=raw_symbol|symbols=ESZ5|snapshot=0|is_last=1|id=3", s.withoutStart().lines().get(0));
    }

    @Test
    void invalidInputsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Subscription.of("trades", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Subscription.of("trades", List.of("A|B")));
        assertThrows(IllegalArgumentException.class, () -> new Subscription("mbo", "raw_symbol", List.of("ESZ5"), "0", true, null));
    }

    @Test
    void gatewayHostFromDataset() {
        assertEquals("glbx-mdp3.lsg.databento.com", LiveConfig.gatewayHost("GLBX.MDP3"));
    }
}
