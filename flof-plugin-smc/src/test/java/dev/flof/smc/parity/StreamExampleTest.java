package dev.flof.smc.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.smc.engine.SmcConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dump of the reference implementation (spec §7.2 example) must be reproduced exactly. */
class StreamExampleTest {
    static Path golden() {
        return dev.flof.smc.TestData.golden();
    }

    @Test
    void ethL5DumpEqualsReferenceExampleByteForByte() throws Exception {
        String expected = Files.readString(golden().resolve("eth5m.L5.stream-events.json"), StandardCharsets.UTF_8).strip();
        EventDump d = EventDump.run(BarCsv.read(golden().resolve("eth5m.csv")), SmcConfig.parity(5), 5);
        String actual = d.toJson(false);
        ObjectMapper om = new ObjectMapper();
        JsonNode e = om.readTree(expected);
        JsonNode a = om.readTree(actual);
        for (String k : new String[] {"schema", "n_bars", "swing_length", "swings", "swing_events", "breaks", "obs", "fvgs"}) {
            if (e.get(k).isArray()) {
                assertEquals(e.get(k).size(), a.get(k).size(), k + " count");
                for (int i = 0; i < e.get(k).size(); i++) {
                    assertEquals(e.get(k).get(i), a.get(k).get(i), k + "[" + i + "]");
                }
            } else {
                assertEquals(e.get(k), a.get(k), k);
            }
        }
        assertEquals(expected, actual);
    }
}
