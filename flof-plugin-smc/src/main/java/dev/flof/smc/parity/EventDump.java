package dev.flof.smc.parity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.engine.TimeframeEngine;
import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.ClassificationEvent;
import dev.flof.smc.event.FvgEvent;
import dev.flof.smc.event.ObEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.Fvg;
import dev.flof.smc.model.OrderBlock;
import dev.flof.smc.model.SmcBar;
import dev.flof.smc.model.Swing;
import dev.flof.spi.market.Fixed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code flof-smc-events/1} dump (spec §7.2): runs one structure level over a bar list and records the
 * final swing list, every pivot decision, every break, every order block and FVG with its lifecycle. Bar
 * references are 0-based positions in the input. The JSON text is deterministic (fixed key order, Python
 * float notation), so equal runs give byte-identical files.
 */
public final class EventDump {
    /** One OB with the lifecycle bars of the dump ({@code -1} = not happened). */
    public record ObRow(OrderBlock ob, long touched, long mitigated, long invalidated, long reclaimed) {
    }

    /**
     * One library-style equal highs/lows group (parity with {@code libraryEq}): first member, side, mean level of
     * the members, last member, and the bar where price reached first member +- tolerance ({@code -1} = not yet).
     */
    public record LiquidityRow(long i, int dir, long mean, long end, long swept) {
    }

    /** One FVG with its lifecycle bars ({@code -1} = not happened); {@code mergedInto} = id of the absorbing gap or -1. */
    public record FvgRow(Fvg fvg, long touched, long ce, long filled, long inverted, long mergedInto) {
    }

    private final int swingLength;
    private final long nBars;
    private final List<Swing> swings;
    private final List<SwingEvent> swingEvents;
    private final List<BreakEvent> breaks;
    private final List<ObRow> obs;
    private final List<FvgRow> fvgs;
    private final List<ClassificationEvent> classifications;
    private final List<LiquidityRow> liquidity;

    private EventDump(int swingLength, long nBars, List<Swing> swings, List<SwingEvent> swingEvents,
                      List<BreakEvent> breaks, List<ObRow> obs, List<FvgRow> fvgs, List<ClassificationEvent> classifications,
                      List<LiquidityRow> liquidity) {
        this.liquidity = liquidity;
        this.swingLength = swingLength;
        this.nBars = nBars;
        this.swings = swings;
        this.swingEvents = swingEvents;
        this.breaks = breaks;
        this.obs = obs;
        this.fvgs = fvgs;
        this.classifications = classifications;
    }

    /** Runs {@code config} (its level 0 is dumped) over {@code bars}. */
    public static EventDump run(List<SmcBar> bars, SmcConfig config, int swingLength) {
        TimeframeEngine engine = new TimeframeEngine(config, null);
        List<Swing> swings = new ArrayList<>();
        List<SwingEvent> swingEvents = new ArrayList<>();
        List<BreakEvent> breaks = new ArrayList<>();
        List<ClassificationEvent> cls = new ArrayList<>();
        Map<Long, long[]> obLife = new LinkedHashMap<>();
        Map<Long, OrderBlock> obById = new LinkedHashMap<>();
        Map<Long, long[]> fvgLife = new LinkedHashMap<>();
        Map<Long, Fvg> fvgById = new LinkedHashMap<>();
        Map<Long, long[]> liq = new LinkedHashMap<>();
        boolean libraryEq = config.pools().libraryEq();
        for (SmcBar b : bars) {
            engine.onBar(b, e -> {
                collect(e, swings, swingEvents, breaks, cls, obLife, obById, fvgLife, fvgById);
                if (libraryEq && e instanceof dev.flof.smc.event.PoolEvent p && p.pool().kind().startsWith("EQ")) {
                    long id = p.pool().id();
                    switch (p.kind()) {
                        case CREATED, EXTENDED -> {
                            long[] r = liq.computeIfAbsent(id, k -> new long[] {p.pool().refIndex(), p.pool().side(), 0, 0, -1});
                            r[2] = p.pool().mean();
                            r[3] = p.knownIndex() - config.levels().get(0).right();
                        }
                        case SWEPT, BROKEN -> liq.get(id)[4] = p.triggerIndex();
                    }
                }
            });
        }
        List<LiquidityRow> liquidity = new ArrayList<>();
        for (long[] r : liq.values()) {
            liquidity.add(new LiquidityRow(r[0], (int) r[1], r[2], r[3], r[4]));
        }
        liquidity.sort(java.util.Comparator.comparingLong(LiquidityRow::i).thenComparingInt(LiquidityRow::dir)); // library order
        List<ObRow> obs = new ArrayList<>();
        for (Map.Entry<Long, OrderBlock> e : obById.entrySet()) {
            long[] l = obLife.get(e.getKey());
            obs.add(new ObRow(e.getValue(), l[0], l[1], l[2], l[3]));
        }
        List<FvgRow> fvgs = new ArrayList<>();
        for (Map.Entry<Long, Fvg> e : fvgById.entrySet()) {
            long[] l = fvgLife.get(e.getKey());
            fvgs.add(new FvgRow(e.getValue(), l[0], l[1], l[2], l[3], l[4]));
        }
        return new EventDump(swingLength, bars.size(), swings, swingEvents, breaks, obs, fvgs, cls,
                libraryEq ? liquidity : null);
    }

    private static void collect(SmcEvent e, List<Swing> swings, List<SwingEvent> swingEvents, List<BreakEvent> breaks,
                                List<ClassificationEvent> cls, Map<Long, long[]> obLife, Map<Long, OrderBlock> obById,
                                Map<Long, long[]> fvgLife, Map<Long, Fvg> fvgById) {
        switch (e) {
            case SwingEvent s -> {
                if (s.swing().level() != 0) {
                    return;
                }
                swingEvents.add(s);
                if (s.kind() == SwingEvent.Kind.CONFIRMED) {
                    swings.add(s.swing());
                } else if (s.kind() == SwingEvent.Kind.REPLACED) {
                    swings.set(swings.size() - 1, s.swing());
                }
            }
            case BreakEvent b -> {
                if (b.level() == 0) {
                    breaks.add(b);
                }
            }
            case ClassificationEvent c -> {
                if (c.level() == 0) {
                    cls.add(c);
                }
            }
            case ObEvent o -> {
                if (o.ob().level() != 0) {
                    return;
                }
                long id = o.ob().id();
                switch (o.kind()) {
                    case CREATED -> {
                        obById.put(id, o.ob());
                        obLife.put(id, new long[] {-1, -1, -1, -1});
                    }
                    case TOUCHED -> obLife.get(id)[0] = o.knownIndex();
                    case MITIGATED -> obLife.get(id)[1] = o.knownIndex();
                    case INVALIDATED -> obLife.get(id)[2] = o.knownIndex();
                    case BREAKER_INVALIDATED -> obLife.get(id)[3] = o.knownIndex();
                    case EXPIRED -> { }
                }
            }
            case FvgEvent f -> {
                long id = f.fvg().id();
                switch (f.kind()) {
                    case CREATED -> {
                        fvgById.put(id, f.fvg());
                        fvgLife.put(id, new long[] {-1, -1, -1, -1, -1});
                    }
                    case TOUCHED -> fvgLife.get(id)[0] = f.knownIndex();
                    case CE -> fvgLife.get(id)[1] = f.knownIndex();
                    case FILLED -> fvgLife.get(id)[2] = f.knownIndex();
                    case INVERTED -> fvgLife.get(id)[3] = f.knownIndex();
                    case MERGED -> fvgLife.get(id)[4] = f.into().id();
                    case EXPIRED -> { }
                }
            }
            default -> { }
        }
    }

    public long nBars() {
        return nBars;
    }

    public int swingLength() {
        return swingLength;
    }

    public List<Swing> swings() {
        return List.copyOf(swings);
    }

    public List<SwingEvent> swingEvents() {
        return List.copyOf(swingEvents);
    }

    public List<BreakEvent> breaks() {
        return List.copyOf(breaks);
    }

    public List<ObRow> obs() {
        return List.copyOf(obs);
    }

    /** Every FVG created, including gaps later merged away ({@code mergedInto >= 0}). */
    public List<FvgRow> fvgs() {
        return List.copyOf(fvgs);
    }

    public List<ClassificationEvent> classifications() {
        return List.copyOf(classifications);
    }

    /** Library-style equal highs/lows groups, or null when the run did not use {@code libraryEq}. */
    public List<LiquidityRow> liquidity() {
        return liquidity == null ? null : List.copyOf(liquidity);
    }

    /**
     * Writes the JSON. {@code extended} adds, besides the schema's arrays, the OB {@code mitigated_i}, FVG
     * {@code inverted_i}, and a {@code classifications} array (the delayed four-swing labels); readers of
     * {@code flof-smc-events/1} ignore unknown keys.
     */
    public void write(Writer w, boolean extended) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("schema", "flof-smc-events/1");
            g.writeNumberField("n_bars", nBars);
            g.writeNumberField("swing_length", swingLength);
            g.writeArrayFieldStart("swings");
            for (Swing s : swings) {
                g.writeStartObject();
                g.writeNumberField("i", s.index());
                g.writeNumberField("type", s.type());
                price(g, "level", s.price());
                g.writeNumberField("known_at_i", s.knownIndex());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("swing_events");
            for (SwingEvent e : swingEvents) {
                g.writeStartObject();
                g.writeStringField("event", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (e.replaced() != null) {
                    g.writeNumberField("old_i", e.replaced().index());
                }
                g.writeNumberField("i", e.swing().index());
                g.writeNumberField("type", e.swing().type());
                price(g, "level", e.swing().price());
                g.writeNumberField("known_at_i", e.knownIndex());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("breaks");
            for (BreakEvent b : breaks) {
                g.writeStartObject();
                g.writeNumberField("swing_i", b.swing().index());
                g.writeNumberField("dir", b.dir());
                g.writeStringField("kind", b.kind());
                price(g, "level", b.swing().price());
                g.writeNumberField("break_i", b.breakIndex());
                g.writeNumberField("known_at_i", b.knownIndex());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("obs");
            for (ObRow r : obs) {
                OrderBlock o = r.ob();
                g.writeStartObject();
                g.writeNumberField("i", o.index());
                g.writeNumberField("dir", o.dir());
                price(g, "top", o.top());
                price(g, "bottom", o.bottom());
                g.writeNumberField("swing_i", o.swing().index());
                g.writeNumberField("break_i", o.breakIndex());
                g.writeNumberField("known_at_i", o.breakIndex());
                g.writeFieldName("ob_volume");
                g.writeNumber(JsonNumbers.py(o.obVolume()));
                g.writeFieldName("percentage");
                if (Double.isNaN(o.percentage())) {
                    g.writeNull();
                } else {
                    g.writeNumber(JsonNumbers.py(o.percentage()));
                }
                index(g, "touched_i", r.touched());
                if (extended) {
                    index(g, "mitigated_i", r.mitigated());
                }
                index(g, "invalidated_i", r.invalidated());
                index(g, "reclaimed_i", r.reclaimed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("fvgs");
            for (FvgRow r : fvgs) {
                if (r.mergedInto() >= 0) {
                    continue;
                }
                Fvg f = r.fvg();
                g.writeStartObject();
                g.writeNumberField("i", f.index());
                g.writeNumberField("dir", f.dir());
                price(g, "top", f.top());
                price(g, "bottom", f.bottom());
                g.writeNumberField("known_at_i", f.knownIndex());
                index(g, "touched_i", r.touched());
                index(g, "ce_i", r.ce());
                index(g, "filled_i", r.filled());
                if (extended) {
                    index(g, "inverted_i", r.inverted());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (liquidity != null) {
                g.writeArrayFieldStart("liquidity");
                for (LiquidityRow r : liquidity) {
                    g.writeStartObject();
                    g.writeNumberField("i", r.i());
                    g.writeNumberField("dir", r.dir());
                    price(g, "level", r.mean());
                    g.writeNumberField("end_i", r.end());
                    index(g, "swept_i", r.swept());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (extended) {
                g.writeArrayFieldStart("classifications");
                for (ClassificationEvent c : classifications) {
                    g.writeStartObject();
                    g.writeNumberField("swing_i", c.swing().index());
                    g.writeNumberField("type", c.swing().type());
                    g.writeStringField("pattern_kind", c.patternKind());
                    g.writeNumberField("dir", c.dir());
                    g.writeNumberField("known_at_i", c.knownIndex());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    public String toJson(boolean extended) {
        StringWriter w = new StringWriter();
        try {
            write(w, extended);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the JSON to {@code out} atomically: a temp file in the same folder, then a rename. */
    public void writeAtomically(Path out, boolean extended) throws IOException {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                write(w, extended);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void price(JsonGenerator g, String name, long fixed) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(JsonNumbers.py(Fixed.toDouble(fixed)));
    }

    private static void index(JsonGenerator g, String name, long v) throws IOException {
        if (v < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }
}
