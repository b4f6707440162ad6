package dev.flof.smc.mtf;

import dev.flof.smc.event.BreakEvent;
import dev.flof.smc.event.ClassificationEvent;
import dev.flof.smc.event.FvgEvent;
import dev.flof.smc.event.ObEvent;
import dev.flof.smc.event.PoolEvent;
import dev.flof.smc.event.SmcEvent;
import dev.flof.smc.event.SwingEvent;
import dev.flof.smc.model.Fvg;
import dev.flof.smc.model.OrderBlock;
import dev.flof.smc.model.Pool;
import dev.flof.smc.model.Swing;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.StructureEvent;
import java.util.List;
import java.util.Locale;

/**
 * Maps engine events to the SPI {@link StructureEvent}. Type names: the structure level named {@code swing}
 * gives {@code SWING_HIGH}, {@code SWING_LOW}, {@code SWING_HIGH_REPLACED}, {@code BOS}, {@code CHOCH},
 * {@code OB_*}; other levels are prefixed with their name ({@code INTERNAL_BOS}, {@code INTERNAL_OB_TOUCHED}).
 * A CHOCH whose break bar shows displacement is followed by an {@code MSS} event (market structure shift)
 * with the same fields.
 * FVGs: {@code FVG_CREATED/MERGED/TOUCHED/CE/FILLED/INVERTED/EXPIRED}; pools: {@code POOL_CREATED/SWEPT/BROKEN}.
 * Subjects: {@code OB:<tf>:<id>}, {@code FVG:<tf>:<id>}, {@code POOL:<tf>:<id>:<kind>}. Pivot discards
 * and four-swing classifications are analytics only and not forwarded.
 */
public final class SpiEvents {
    private SpiEvents() {
    }

    /** Forwards the SPI event(s) of an engine event (none for analytics-only events). */
    public static void convert(String symbol, Timeframe tf, List<String> levelNames, SmcEvent e,
                               java.util.function.Consumer<StructureEvent> out) {
        StructureEvent s = convert(symbol, tf, levelNames, e);
        if (s != null) {
            out.accept(s);
            if (e instanceof BreakEvent b && b.displacement() && b.kind().equals("CHOCH")) {
                out.accept(new StructureEvent(symbol, tf, prefix(levelNames, b.level()) + "MSS", s.direction(), s.top(),
                        s.bottom(), s.refTime(), s.knownTime(), s.subject()));
            }
        }
    }

    /** @return the SPI event, or null for events not forwarded */
    public static StructureEvent convert(String symbol, Timeframe tf, List<String> levelNames, SmcEvent e) {
        return switch (e) {
            case SwingEvent s -> {
                if (s.kind() == SwingEvent.Kind.DISCARDED) {
                    yield null;
                }
                Swing w = s.swing();
                String type = prefix(levelNames, w.level()) + (w.type() > 0 ? "SWING_HIGH" : "SWING_LOW")
                        + (s.kind() == SwingEvent.Kind.REPLACED ? "_REPLACED" : "");
                yield new StructureEvent(symbol, tf, type, 0, w.price(), w.price(), w.time(), s.knownTime(), "");
            }
            case BreakEvent b -> new StructureEvent(symbol, tf, prefix(levelNames, b.level()) + b.kind(), b.dir(),
                    b.swing().price(), b.swing().price(), b.swing().time(), b.knownTime(), "");
            case ObEvent o -> {
                OrderBlock ob = o.ob();
                String k = switch (o.kind()) {
                    case CREATED -> "OB_CREATED";
                    case TOUCHED -> "OB_TOUCHED";
                    case MITIGATED -> "OB_MITIGATED";
                    case INVALIDATED -> "OB_INVALIDATED";
                    case BREAKER_INVALIDATED -> "BREAKER_INVALIDATED";
                    case EXPIRED -> "OB_EXPIRED";
                };
                yield new StructureEvent(symbol, tf, prefix(levelNames, ob.level()) + k, ob.dir(), ob.top(), ob.bottom(),
                        ob.time(), o.knownTime(), obId(tf, ob));
            }
            case FvgEvent f -> {
                Fvg g = f.fvg();
                yield new StructureEvent(symbol, tf, "FVG_" + f.kind().name(), g.dir(), g.top(), g.bottom(), g.time(),
                        f.knownTime(), fvgId(tf, g));
            }
            case PoolEvent p -> {
                Pool q = p.pool();
                yield new StructureEvent(symbol, tf, "POOL_" + p.kind().name(), q.side(), q.price(), q.price(),
                        q.refTime(), p.knownTime(), poolId(tf, q));
            }
            case ClassificationEvent c -> null;
        };
    }

    private static String prefix(List<String> levelNames, int level) {
        String n = levelNames.get(level);
        return n.equalsIgnoreCase("swing") ? "" : n.toUpperCase(Locale.ROOT) + "_";
    }

    public static String obId(Timeframe tf, OrderBlock ob) {
        return "OB:" + tf.label() + ":" + ob.id();
    }

    public static String fvgId(Timeframe tf, Fvg f) {
        return "FVG:" + tf.label() + ":" + f.id();
    }

    public static String poolId(Timeframe tf, Pool p) {
        return "POOL:" + tf.label() + ":" + p.id() + ":" + p.kind();
    }
}
