package dev.flof.feeds.replay;

import dev.flof.spi.event.Event;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class ReplayTestSupport {
    static final Path MARKET = Path.of(System.getProperty("flof.shared.dir", "../../shared")).resolve("data/market");

    private ReplayTestSupport() {
    }

    record Replay(List<Event> events, Map<String, Long> counters, List<String> notes) {
    }

    static Replay drain(ReplaySourceProvider p, Path file, Map<String, String> params) throws IOException {
        try (ReplaySourceProvider.ReplaySource s = p.open(file, new Params("replay", params))) {
            List<Event> out = new ArrayList<>();
            Event e;
            while ((e = s.next()) != null) {
                out.add(e);
            }
            return new Replay(out, s.counters(), s.notes());
        }
    }

    static long sec(String iso) {
        java.time.Instant i = java.time.Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
