package dev.flof.host.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration strictly. The defaults ({@code flof-defaults.yaml}) are the one place
 * defaults live; the user's file overrides any subset. The user's file is first read on its own against
 * the config records so an unknown key or a wrong type is reported with its line and key path; then it is
 * merged over the defaults and the result is validated.
 */
public final class ConfigLoader {
    static final String DEFAULTS = "/flof-defaults.yaml";

    private final JsonMapper mapper = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    /** The defaults alone. */
    public FlofConfig defaults() {
        return load(Optional.empty());
    }

    public FlofConfig load(Optional<Path> userFile) {
        return load(userFile, Map.of());
    }

    /**
     * The configuration with {@code overrides} applied last, e.g. {@code predator.gradeB -> 6} from a
     * parameter sweep. A key must name an existing setting (its whole dotted path); the value is read as
     * YAML, so {@code 6}, {@code true} and {@code [ny-am]} keep their types.
     */
    public FlofConfig load(Optional<Path> userFile, Map<String, String> overrides) {
        ObjectNode tree = readDefaults();
        if (userFile.isPresent()) {
            Path file = userFile.get();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + file + " does not exist");
            }
            JsonNode user = readTree(file);
            if (user == null || user.isMissingNode() || user.isNull()) {
                user = mapper.createObjectNode();
            }
            if (!user.isObject()) {
                throw new ConfigException(file + ": the top level must be a mapping of keys (plugins, engine, backtest, ...)");
            }
            strictCheck(file);
            rejectNulls(file, user, "");
            merge(tree, (ObjectNode) user);
        }
        for (Map.Entry<String, String> o : new java.util.TreeMap<>(overrides).entrySet()) {
            override(tree, o.getKey(), o.getValue());
        }
        FlofConfig config;
        try {
            config = mapper.treeToValue(tree, FlofConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(userFile.map(Path::toString).orElse("flof-defaults.yaml"), e);
        }
        validate(config, userFile.map(Path::toString).orElse("defaults"));
        return config;
    }

    private void override(ObjectNode tree, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                throw new ConfigException("override " + key + ": unknown key '" + String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + "'");
            }
            node = (ObjectNode) next;
        }
        String leaf = parts[parts.length - 1];
        if (!node.has(leaf)) {
            throw new ConfigException("override " + key + ": unknown key (allowed here: "
                    + String.join(", ", new java.util.TreeSet<>(iterable(node.fieldNames()))) + ")");
        }
        try {
            JsonNode v = mapper.readTree(value);
            node.set(leaf, v == null || v.isMissingNode() ? mapper.getNodeFactory().textNode(value) : v);
        } catch (JsonProcessingException e) {
            throw new ConfigException("override " + key + ": not a valid YAML value: '" + value + "'");
        }
    }

    private static <T> java.util.List<T> iterable(Iterator<T> it) {
        java.util.List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("flof-defaults.yaml missing from the host jar");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults", e);
        }
    }

    private JsonNode readTree(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ConfigException(file + (loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** Reads the user's file on its own, only to report unknown keys and wrong types with their line. */
    private void strictCheck(Path file) {
        try {
            mapper.readValue(file.toFile(), FlofConfig.class);
        } catch (JsonMappingException e) {
            // Jackson buffers record properties, so its location can be past the key; find the key's own line.
            int line = lineOf(file, e);
            throw translate(file + (line > 0 ? " line " + line : ""), line > 0 ? e.getOriginalMessage() : null, e);
        } catch (JsonProcessingException e) {
            throw translate(file.toString(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /** The line of the key a mapping error is about, following block-style YAML nesting; 0 if not found. */
    static int lineOf(Path file, JsonMappingException e) {
        List<String> keys = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                keys.add(r.getFieldName());
            }
        }
        if (keys.isEmpty()) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            int from = 0;
            int indent = -1;
            int found = 0;
            for (String key : keys) {
                found = 0;
                java.util.regex.Pattern p = java.util.regex.Pattern.compile("^(\\s*)(- )?" + java.util.regex.Pattern.quote(key) + "\\s*:");
                for (int i = from; i < lines.size(); i++) {
                    java.util.regex.Matcher m = p.matcher(lines.get(i));
                    if (m.find() && m.group(1).length() > indent) {
                        found = i + 1;
                        indent = m.group(1).length();
                        from = i + 1;
                        break;
                    }
                }
                if (found == 0) {
                    return 0;
                }
            }
            return found;
        } catch (IOException io) {
            return 0;
        }
    }

    private static void rejectNulls(Path file, JsonNode node, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (e.getValue().isNull()) {
                throw new ConfigException(file + ": key '" + p + "' has no value (remove it to use the default)");
            }
            if (e.getValue().isObject()) {
                rejectNulls(file, e.getValue(), p);
            }
        }
    }

    /** Deep merge: mappings merge key by key, everything else (scalars, lists) is replaced. */
    static void merge(ObjectNode base, ObjectNode over) {
        over.fields().forEachRemaining(e -> {
            JsonNode existing = base.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        });
    }

    static ConfigException translate(String source, JsonProcessingException e) {
        return translate(source, null, e);
    }

    /** @param located non-null when {@code source} already names the line */
    static ConfigException translate(String source, String located, JsonProcessingException e) {
        String where = source;
        JsonLocation loc = e.getLocation();
        if (located == null && loc != null && loc.getLineNr() > 0) {
            where += " line " + loc.getLineNr();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new ConfigException(where + ": unknown key '" + path + "'"
                    + (known.isEmpty() ? "" : " (allowed here: " + known + ")"));
        }
        if (e instanceof InvalidFormatException f) {
            String expected = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants())
                    : simpleType(f.getTargetType());
            return new ConfigException(where + ": key '" + path(f) + "': expected " + expected + ", got '" + f.getValue() + "'");
        }
        if (e instanceof MismatchedInputException m) {
            return new ConfigException(where + ": key '" + path(m) + "': expected " + simpleType(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m) {
            return new ConfigException(where + ": key '" + path(m) + "': " + e.getOriginalMessage());
        }
        return new ConfigException(where + ": " + e.getOriginalMessage());
    }

    private static String simpleType(Class<?> t) {
        if (t == null) {
            return "a different value";
        }
        if (t == String.class) {
            return "a text value";
        }
        if (java.util.List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (t.isRecord() || Map.class.isAssignableFrom(t)) {
            return "a mapping of keys";
        }
        return "a " + t.getSimpleName();
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static void validate(FlofConfig c, String source) {
        require(c.plugins() != null && c.plugins().dir() != null && !c.plugins().dir().isBlank(), source, "plugins.dir", "a folder");
        FlofConfig.Engine e = c.engine();
        require(e != null, source, "engine", "a mapping");
        require(nonBlank(e.structure()), source, "engine.structure", "a StructureAnalyzer id");
        require(nonBlank(e.flow()), source, "engine.flow", "a FlowAnalyzer id");
        require(e.graders() != null && !e.graders().isEmpty(), source, "engine.graders", "at least one ConfluenceGrader id");
        require(nonBlank(e.sizer()), source, "engine.sizer", "a PositionSizer id");
        require(nonBlank(e.stopPolicy()), source, "engine.stopPolicy", "a StopPolicy id");
        require(nonBlank(e.exitManager()), source, "engine.exitManager", "an ExitManager id");
        require(e.breakerMode() != null, source, "engine.breakerMode", "one of OCO, FLATTEN, QUARANTINE, LAYERED");
        require(e.structureParams() != null, source, "engine.structureParams", "a mapping of structure-engine parameters");
        require(e.flowParams() != null, source, "engine.flowParams", "a mapping of flow-engine parameters");
        FlofConfig.Backtest b = c.backtest();
        require(b != null && nonBlank(b.out()), source, "backtest.out", "an output folder");
        require(b.timeframes() != null && !b.timeframes().isEmpty(), source, "backtest.timeframes", "a list of timeframes");
        for (int i = 0; i < b.timeframes().size(); i++) {
            try {
                Timeframe.ofLabel(b.timeframes().get(i));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(source + ": key 'backtest.timeframes[" + i + "]': " + ex.getMessage());
            }
        }
        require(nonBlank(b.chartTimeframe()), source, "backtest.chartTimeframe", "a timeframe");
        try {
            Timeframe.ofLabel(b.chartTimeframe());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(source + ": key 'backtest.chartTimeframe': " + ex.getMessage());
        }
        require(b.timeframes().contains(b.chartTimeframe()), source, "backtest.chartTimeframe",
                "one of backtest.timeframes " + b.timeframes() + ", got '" + b.chartTimeframe() + "'");
        validatePredator(c.predator(), source);
        validateRisk(c.risk(), source);
        validateProtect(c.protect(), source);
        validateVenues(c.venues(), source);
        c.instruments().forEach((sym, spec) -> {
            String k = "instruments." + sym;
            require(spec != null, source, k, "a mapping");
            require(nonBlank(spec.venue()), source, k + ".venue", "a venue id");
            positiveDecimal(source, k + ".tickSize", spec.tickSize());
            positiveDecimal(source, k + ".pointValue", spec.pointValue());
            positiveDecimal(source, k + ".lotSize", spec.lotSize());
            try {
                MarketProfile.valueOf(String.valueOf(spec.profile()).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(source + ": key '" + k + ".profile': expected ES or CRYPTO, got '" + spec.profile() + "'");
            }
            require(nonBlank(spec.calendar()), source, k + ".calendar", "a trading calendar id");
        });
    }

    private static final java.util.regex.Pattern KILL_ZONE = java.util.regex.Pattern.compile("^[A-Za-z0-9_-]+(:[1-9][0-9]*)?$");
    private static final java.util.regex.Pattern WINDOW = java.util.regex.Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$");

    private static void validatePredator(FlofConfig.Predator p, String source) {
        require(p != null, source, "predator", "a mapping");
        range(p.haloAtrMultiple() >= 0 && p.haloAtrMultiple() <= 20, source, "predator.haloAtrMultiple", "between 0 and 20", p.haloAtrMultiple());
        range(p.haloMinTicks() >= 0, source, "predator.haloMinTicks", "0 or more", p.haloMinTicks());
        range(p.atrPeriod() >= 1 && p.atrPeriod() <= 1000, source, "predator.atrPeriod", "between 1 and 1000", p.atrPeriod());
        range(p.speedSpikeRatio() > 1, source, "predator.speedSpikeRatio", "above 1", p.speedSpikeRatio());
        range(p.extremeSpeedRatio() > 1, source, "predator.extremeSpeedRatio", "above 1", p.extremeSpeedRatio());
        range(p.haloExitMinutes() >= 1, source, "predator.haloExitMinutes", "1 or more", p.haloExitMinutes());
        range(p.flowWindowSeconds() >= 1, source, "predator.flowWindowSeconds", "1 or more", p.flowWindowSeconds());
        range(p.sweepLookbackMinutes() >= 0, source, "predator.sweepLookbackMinutes", "0 or more", p.sweepLookbackMinutes());
        range(p.entryTimeoutMinutes() >= 1, source, "predator.entryTimeoutMinutes", "1 or more", p.entryTimeoutMinutes());
        range(p.marketableCapTicks() >= 0, source, "predator.marketableCapTicks", "0 or more", p.marketableCapTicks());
        range(p.gradeB() >= 1, source, "predator.gradeB", "1 or more", p.gradeB());
        range(p.gradeAPlus() >= p.gradeB(), source, "predator.gradeAPlus", "at least predator.gradeB (" + p.gradeB() + ")", p.gradeAPlus());
        require(p.profiles() != null, source, "predator.profiles", "a mapping with es and crypto");
        for (String name : new java.util.TreeSet<>(p.profiles().keySet())) {
            require(name.equals("es") || name.equals("crypto"), source, "predator.profiles." + name, "a market profile: es or crypto");
        }
        for (String name : List.of("es", "crypto")) {
            String k = "predator.profiles." + name;
            FlofConfig.MarketProfileSpec m = p.profiles().get(name);
            require(m != null, source, k, "a mapping");
            require(m.killZones() != null, source, k + ".killZones", "a list of session names");
            for (int i = 0; i < m.killZones().size(); i++) {
                String z = m.killZones().get(i);
                require(z != null && KILL_ZONE.matcher(z).matches(), source, k + ".killZones[" + i + "]",
                        "a session name, optionally ':minutes' (e.g. london:120), got '" + z + "'");
            }
            require(m.majorPools() != null, source, k + ".majorPools", "a list of pool kinds");
            require(m.dataWindow() != null && (m.dataWindow().isEmpty() || WINDOW.matcher(m.dataWindow()).matches()), source,
                    k + ".dataWindow", "HH:mm-HH:mm or empty (always), got '" + m.dataWindow() + "'");
            range(m.gapAtrMultiple() >= 0, source, k + ".gapAtrMultiple", "0 or more", m.gapAtrMultiple());
            nonNegativeDecimal(source, k + ".gapMinPoints", m.gapMinPoints());
            range(m.gapMinPct() >= 0 && m.gapMinPct() <= 50, source, k + ".gapMinPct", "between 0 and 50", m.gapMinPct());
        }
    }

    private static void validateRisk(FlofConfig.Risk r, String source) {
        require(r != null, source, "risk", "a mapping");
        range(r.riskFraction() > 0 && r.riskFraction() <= 0.02, source, "risk.riskFraction", "above 0 and at most 0.02 (2 %)", r.riskFraction());
        require(r.dailyLossLimit() != null, source, "risk.dailyLossLimit", "a currency amount or empty");
        if (!r.dailyLossLimit().isEmpty()) {
            positiveDecimal(source, "risk.dailyLossLimit", r.dailyLossLimit());
        }
        range(r.dailyLossPct() > 0 && r.dailyLossPct() <= 100, source, "risk.dailyLossPct", "above 0 and at most 100", r.dailyLossPct());
        require(r.maxPositionSize() != null, source, "risk.maxPositionSize", "a mapping of symbol to whole units");
        r.maxPositionSize().forEach((sym, v) -> positiveDecimal(source, "risk.maxPositionSize." + sym, v));
        require(r.breakerParams() != null, source, "risk.breakerParams", "a mapping of breaker parameters");
        require(r.exitParams() != null, source, "risk.exitParams", "a mapping of exit-manager parameters");
    }

    private static void validateProtect(FlofConfig.Protect p, String source) {
        require(p != null, source, "protect", "a mapping");
        range(p.stopEscalationMillis() <= 60_000, source, "protect.stopEscalationMillis", "at most 60000 (negative: off)",
                p.stopEscalationMillis());
        range(p.esNoEntryMinutes() >= 0 && p.esNoEntryMinutes() <= 240, source, "protect.esNoEntryMinutes", "between 0 and 240",
                p.esNoEntryMinutes());
        range(p.esFlattenMinutesBeforeWeekend() >= 0 && p.esFlattenMinutesBeforeWeekend() <= 240, source,
                "protect.esFlattenMinutesBeforeWeekend", "between 0 and 240", p.esFlattenMinutesBeforeWeekend());
        require(p.newsCalendar() != null, source, "protect.newsCalendar", "a calendar file or empty");
        range(p.cryptoMaxLeverage() >= 1 && p.cryptoMaxLeverage() <= 125, source, "protect.cryptoMaxLeverage", "between 1 and 125",
                p.cryptoMaxLeverage());
        nonNegativeDecimal(source, "protect.cryptoMaintenanceMarginRate", p.cryptoMaintenanceMarginRate());
        positiveDecimal(source, "protect.cryptoLiquidationBuffer", p.cryptoLiquidationBuffer());
    }

    private static void validateVenues(FlofConfig.Venues v, String source) {
        require(v != null && v.es() != null && v.crypto() != null, source, "venues", "a mapping with es and crypto");
        for (String name : List.of("es", "crypto")) {
            FlofConfig.VenueSpec s = name.equals("es") ? v.es() : v.crypto();
            String k = "venues." + name;
            positiveDecimal(source, k + ".startingBalance", s.startingBalance());
            require(nonBlank(s.currency()), source, k + ".currency", "a currency code");
            range(s.sendLatencyUs() >= 0, source, k + ".sendLatencyUs", "0 or more", s.sendLatencyUs());
            range(s.ackLatencyUs() >= 0, source, k + ".ackLatencyUs", "0 or more", s.ackLatencyUs());
            range(s.slippageTicks() >= 0, source, k + ".slippageTicks", "0 or more", s.slippageTicks());
            if (name.equals("es")) {
                positiveDecimal(source, k + ".initialMarginPerContract", s.initialMarginPerContract());
                nonNegativeDecimal(source, k + ".commissionPerContract", s.commissionPerContract());
                nonNegativeDecimal(source, k + ".exchangeFeePerContract", s.exchangeFeePerContract());
            } else {
                nonNegativeDecimal(source, k + ".makerBps", s.makerBps());
                nonNegativeDecimal(source, k + ".takerBps", s.takerBps());
                positiveDecimal(source, k + ".leverage", s.leverage());
            }
        }
    }

    private static void range(boolean ok, String source, String key, String expected, Object got) {
        if (!ok) {
            throw new ConfigException(source + ": key '" + key + "': expected " + expected + ", got " + got);
        }
    }

    private static void nonNegativeDecimal(String source, String key, String v) {
        try {
            BigDecimal d = new BigDecimal(String.valueOf(v).trim());
            if (d.signum() < 0 || d.stripTrailingZeros().scale() > 9) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException ex) {
            throw new ConfigException(source + ": key '" + key + "': expected a decimal of 0 or more with at most 9 places, got '" + v + "'");
        }
    }

    private static void positiveDecimal(String source, String key, String v) {
        try {
            BigDecimal d = new BigDecimal(String.valueOf(v).trim());
            if (d.signum() <= 0 || d.stripTrailingZeros().scale() > 9) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException ex) {
            throw new ConfigException(source + ": key '" + key + "': expected a positive decimal with at most 9 places, got '" + v + "'");
        }
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean ok, String source, String key, String expected) {
        if (!ok) {
            throw new ConfigException(source + ": key '" + key + "' is required: expected " + expected);
        }
    }
}
