package dev.flof.host.config;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a symbol into an {@link Instrument} from the configured specs (exact symbol, else futures root). */
public final class InstrumentRegistry {
    /** A CME futures symbol: root, month code, one or two year digits (ESZ3, ESH24). */
    private static final Pattern FUTURE = Pattern.compile("^([A-Z0-9]+?)[FGHJKMNQUVXZ]\\d{1,2}$");

    private final Map<String, FlofConfig.InstrumentSpec> specs;

    public InstrumentRegistry(Map<String, FlofConfig.InstrumentSpec> specs) {
        this.specs = Map.copyOf(specs);
    }

    public Optional<Instrument> find(String symbol) {
        FlofConfig.InstrumentSpec spec = specs.get(symbol);
        if (spec == null) {
            Matcher m = FUTURE.matcher(symbol);
            if (m.matches()) {
                spec = specs.get(m.group(1));
            }
        }
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.of(new Instrument(symbol, spec.venue(), Fixed.parse(spec.tickSize()), Fixed.parse(spec.pointValue()),
                Fixed.parse(spec.lotSize()), MarketProfile.valueOf(spec.profile().toUpperCase(Locale.ROOT)), spec.calendar()));
    }

    public Instrument require(String symbol) {
        return find(symbol).orElseThrow(() -> new ConfigException("no instrument spec for symbol '" + symbol
                + "': add it under 'instruments' in the config (known: " + new java.util.TreeSet<>(specs.keySet()) + ")"));
    }
}
