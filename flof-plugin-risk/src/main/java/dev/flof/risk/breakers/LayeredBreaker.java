package dev.flof.risk.breakers;

import dev.flof.risk.ParamKeys;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default protection as one configuration value (issue 10, "Layered"): {@code oco} as the base layer,
 * {@code quarantine} as the logic layer, {@code overlord} as the failsafe layer.
 * <p>Params: a key prefixed {@code oco.}, {@code quarantine.} or {@code overlord.} goes to that layer only; an
 * unprefixed key goes to every layer that knows it (e.g. {@code maxFeedLagMs} is the overlord's,
 * {@code tickSize.ESZ5} the quarantine's). A key no layer knows is an error. Each layer's defaults apply.
 * <p>Every layer vets every new-exposure command (no short-circuit), so each sees every attempt: the overlord's
 * order-rate counters therefore also count attempts another layer vetoed, which is deliberate — a strategy
 * hammering a paused or halted gate is itself a bug. The reasons of all vetoing layers are joined with "; ".
 * A command another layer vetoed never leaves, so the overlord does not wait for its acknowledgement.
 * Actions are returned in layer order: oco, quarantine, overlord.
 */
@org.pf4j.Extension
public final class LayeredBreaker implements CircuitBreaker {
    public static final String ID = "layered";

    private static final Map<String, ParamKeys> LAYER_KEYS = new LinkedHashMap<>();

    static {
        LAYER_KEYS.put(OcoBreaker.ID, OcoBreaker.KEYS);
        LAYER_KEYS.put(QuarantineBreaker.ID, QuarantineBreaker.KEYS);
        LAYER_KEYS.put(OverlordBreaker.ID, OverlordBreaker.KEYS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "oco (base) + quarantine (logic) + overlord (failsafe)";
    }

    @Override
    public Guard create(Params params) {
        Map<String, Map<String, String>> split = new LinkedHashMap<>();
        LAYER_KEYS.keySet().forEach(id -> split.put(id, new TreeMap<>()));
        for (Map.Entry<String, String> en : params.values().entrySet()) {
            String key = en.getKey();
            boolean placed = false;
            for (Map.Entry<String, ParamKeys> layer : LAYER_KEYS.entrySet()) {
                String prefix = layer.getKey() + ".";
                if (key.startsWith(prefix)) {
                    split.get(layer.getKey()).put(key.substring(prefix.length()), en.getValue());
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                for (Map.Entry<String, ParamKeys> layer : LAYER_KEYS.entrySet()) {
                    if (layer.getValue().knows(key)) {
                        split.get(layer.getKey()).putIfAbsent(key, en.getValue());
                        placed = true;
                    }
                }
            }
            if (!placed) {
                throw new IllegalArgumentException(params.path() + "." + key
                        + ": unknown key (prefix it with oco., quarantine. or overlord., or use a key one of them accepts)");
            }
        }
        // a prefixed key wins over the same unprefixed key
        for (Map.Entry<String, String> en : params.values().entrySet()) {
            for (String id : LAYER_KEYS.keySet()) {
                if (en.getKey().startsWith(id + ".")) {
                    split.get(id).put(en.getKey().substring(id.length() + 1), en.getValue());
                }
            }
        }
        List<Guard> layers = List.of(
                new OcoBreaker().create(new Params(params.path() + "." + OcoBreaker.ID, split.get(OcoBreaker.ID))),
                new QuarantineBreaker().create(new Params(params.path() + "." + QuarantineBreaker.ID, split.get(QuarantineBreaker.ID))),
                new OverlordBreaker().create(new Params(params.path() + "." + OverlordBreaker.ID, split.get(OverlordBreaker.ID))));
        return new Layers(layers);
    }

    /** The three guards behind one. */
    static final class Layers implements Guard {
        private final List<Guard> layers;

        // the usual three layers, one call site each: every site sees one guard class and can be inlined
        private final Guard first;
        private final Guard second;
        private final Guard third;

        Layers(List<Guard> layers) {
            this.layers = List.copyOf(layers);
            boolean three = this.layers.size() == 3;
            this.first = three ? this.layers.get(0) : null;
            this.second = three ? this.layers.get(1) : null;
            this.third = three ? this.layers.get(2) : null;
        }

        private static List<BreakerAction> join(List<BreakerAction> out, List<BreakerAction> a) {
            if (a.isEmpty()) {
                return out;
            }
            List<BreakerAction> o = out == null ? new ArrayList<>(a.size()) : out;
            o.addAll(a);
            return o;
        }

        @Override
        public String vet(OrderCommand command, long now) {
            if (command == null || !command.addsExposure()) {
                return null;
            }
            StringBuilder reasons = new StringBuilder();
            for (Guard g : layers) {
                String r = g.vet(command, now);
                if (r != null) {
                    if (!reasons.isEmpty()) {
                        reasons.append("; ");
                    }
                    reasons.append(r);
                }
            }
            if (!reasons.isEmpty() && layers.get(layers.size() - 1) instanceof OverlordBreaker.Overlord o) {
                o.notSent(command);
            }
            return reasons.isEmpty() ? null : reasons.toString();
        }

        @Override
        public List<BreakerAction> onEvent(Event event) {
            // runs on every event: no list unless a layer acted
            List<BreakerAction> out = null;
            if (first != null) {
                out = join(out, first.onEvent(event));
                out = join(out, second.onEvent(event));
                out = join(out, third.onEvent(event));
            } else {
                for (Guard g : layers) {
                    out = join(out, g.onEvent(event));
                }
            }
            return out == null ? List.of() : out;
        }
    }
}
