package dev.flof.feeds.ib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.spi.market.Fixed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the golden captures in shared/golden/ib and the orders they encode (per their README). */
final class GoldenIb {
    record Frame(String msgId, int nfields, String hex, List<String> fields) {
    }

    record Capture(int serverVersion, String handshakeHex, List<Frame> frames) {
    }

    static final IbContract ES_DEC_2026 = IbContract.future("ES", "202612", "CME", "50", "USD");

    /** Parent 1000: BUY 1 LMT 6000.25 DAY, transmit 0, outsideRth 0. */
    static final IbOrder PARENT = new IbOrder(1000, "BUY", Fixed.ofUnits(1), IbOrder.LMT, Fixed.parse("6000.25"), null,
            "DAY", "", 0, "", "", false, 0, Boolean.FALSE);
    /** Stop child 1001: SELL 1 STP aux 5990 GTC, parent 1000, transmit 0, outsideRth not set. */
    static final IbOrder STOP = new IbOrder(1001, "SELL", Fixed.ofUnits(1), IbOrder.STP, null, Fixed.parse("5990"),
            "GTC", "", 0, "", "", false, 1000, null);
    /** Target child 1002: SELL 1 LMT 6020 GTC, parent 1000, transmit 1. */
    static final IbOrder TARGET = new IbOrder(1002, "SELL", Fixed.ofUnits(1), IbOrder.LMT, Fixed.parse("6020"), null,
            "GTC", "", 0, "", "", true, 1000, null);

    private GoldenIb() {
    }

    static Path dir() {
        return Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("golden/ib");
    }

    static Capture load(int serverVersion) throws IOException {
        Path p = dir().resolve("stoqey-sv" + serverVersion + ".json");
        JsonNode root = new ObjectMapper().readTree(p.toFile());
        List<Frame> frames = new ArrayList<>();
        for (JsonNode f : root.get("frames")) {
            List<String> fields = new ArrayList<>();
            f.get("fields").forEach(x -> fields.add(x.asText()));
            frames.add(new Frame(f.get("msgId").asText(), f.get("nfields").asInt(), f.get("hex").asText(), fields));
        }
        if (root.get("serverVersion").asInt() != serverVersion) {
            throw new IOException(p + ": serverVersion " + root.get("serverVersion") + " != " + serverVersion);
        }
        return new Capture(serverVersion, root.get("handshake_hex").asText(), frames);
    }
}
