package dev.flof.host.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flof.host.FlofException;
import dev.flof.spi.market.Fixed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runner's own settings, the {@code live:} section of the configuration ({@code ./flof paper --config FILE};
 * defaults in {@code flof-defaults.yaml}), or a separate YAML file of the same keys given with {@code --runner FILE}:
 * which symbols trade, which feeds and venue sessions serve them, the hard position caps, the stop distance used
 * when a position is found without protection, the status endpoint and the state folder. Unknown keys are refused
 * with their path.
 *
 * @param symbols         traded symbols (each needs an instrument spec in the engine configuration)
 * @param equity          account equity used for sizing and loss limits, decimal in the account currency
 * @param maxPosition     hard cap per symbol or futures root, whole units; required for every symbol live
 * @param emergencyStop   distance in price units from the average price for a stop placed on a position
 *                        found without one, per symbol or futures root; required for every symbol live
 * @param venues          venue sessions (extension id, its parameters, the symbols it trades)
 * @param feeds           market-data feeds (extension id, its parameters, the symbols it serves)
 * @param status          the status line and the loopback HTTP endpoint
 * @param stateDir        where the runner keeps the last known execution time (survives kill -9)
 * @param haltFile        while this file exists no new entry leaves (cancels and reduce-only orders do)
 * @param inboundCapacity bound of the kernel's inbound queue
 * @param executionLookbackHours how far back start-up asks for executions when no state is kept yet
 */
public record RunnerSettings(List<String> symbols, String equity, Map<String, String> maxPosition,
                             Map<String, String> emergencyStop, List<Endpoint> venues, List<Endpoint> feeds, Status status,
                             String stateDir, String haltFile, Integer inboundCapacity, Integer executionLookbackHours) {

    /** One feed or venue: the extension id, its parameters (strings) and the symbols it serves. */
    public record Endpoint(@JsonProperty(required = true) String id, Map<String, String> params, List<String> symbols) {
        public Endpoint {
            params = params == null ? Map.of() : new TreeMap<>(params);
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
        }
    }

    /**
     * @param bind            address of the HTTP endpoint; loopback unless you mean otherwise
     * @param port            0 picks a free port (printed at start); negative disables the endpoint
     * @param intervalSeconds the terminal status line period (only when stdout is a terminal)
     */
    public record Status(String bind, Integer port, Integer intervalSeconds) {
        public Status {
            bind = bind == null ? "127.0.0.1" : bind;
            port = port == null ? 8787 : port;
            intervalSeconds = intervalSeconds == null ? 5 : intervalSeconds;
        }
    }

    public RunnerSettings {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
        equity = equity == null ? "" : equity;
        maxPosition = maxPosition == null ? Map.of() : new TreeMap<>(maxPosition);
        emergencyStop = emergencyStop == null ? Map.of() : new TreeMap<>(emergencyStop);
        venues = venues == null ? List.of() : List.copyOf(venues);
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        status = status == null ? new Status(null, null, null) : status;
        stateDir = stateDir == null ? "var/live" : stateDir;
        haltFile = haltFile == null ? "" : haltFile;
        inboundCapacity = inboundCapacity == null ? 65_536 : inboundCapacity;
        executionLookbackHours = executionLookbackHours == null ? 24 : executionLookbackHours;
    }

    private static final JsonMapper MAPPER = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** Reads and checks a runner file; errors name the file, line and key. */
    public static RunnerSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FlofException("runner file " + file + " does not exist");
        }
        RunnerSettings s;
        try {
            s = MAPPER.readValue(file.toFile(), RunnerSettings.class);
        } catch (JsonMappingException e) {
            JsonLocation loc = e.getLocation();
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("(top)");
            throw new FlofException(file + (loc == null ? "" : " line " + loc.getLineNr()) + ", key '" + path + "': "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new FlofException("runner file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (s == null) {
            throw new FlofException("runner file " + file + " is empty");
        }
        s.validate(file.toString(), "");
        return s;
    }

    /**
     * Checks what a paper or live run needs; {@code prefix} is the keys' path ({@code "live."} for the section of
     * the configuration, {@code ""} for a runner file), so errors name the key as the operator wrote it.
     */
    void validate(String where, String prefix) {
        if (symbols.isEmpty()) {
            throw new FlofException(where + ": '" + prefix + "symbols' lists no symbol to trade");
        }
        if (inboundCapacity < 1) {
            throw new FlofException(where + ": '" + prefix + "inboundCapacity' must be positive");
        }
        if (status.intervalSeconds() < 1) {
            throw new FlofException(where + ": '" + prefix + "status.intervalSeconds' must be at least 1");
        }
        decimalMap(where, prefix + "maxPosition", maxPosition);
        decimalMap(where, prefix + "emergencyStop", emergencyStop);
        if (!equity.isEmpty()) {
            parse(where, prefix + "equity", equity);
        }
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < venues.size(); i++) {
            if (!ids.add(venues.get(i).id())) {
                throw new FlofException(where + ": " + prefix + "venues[" + i + "].id '" + venues.get(i).id()
                        + "' appears twice; one session per venue (list all its symbols in one entry)");
            }
            for (String sym : venues.get(i).symbols()) {
                if (!symbols.contains(sym)) {
                    throw new FlofException(where + ": " + prefix + "venues[" + i + "].symbols names " + sym + ", which is not in '"
                            + prefix + "symbols'");
                }
            }
        }
        for (String sym : symbols) {
            long n = venues.stream().filter(v -> v.symbols().contains(sym)).count();
            if (n != 1) {
                throw new FlofException(where + ": symbol " + sym + " must be traded by exactly one entry of '" + prefix
                        + "venues' (found " + n + ")");
            }
        }
    }

    private static void decimalMap(String where, String key, Map<String, String> m) {
        m.forEach((k, v) -> {
            long x = parse(where, key + "." + k, v);
            if (x <= 0) {
                throw new FlofException(where + ": '" + key + "." + k + "' must be positive, got " + v);
            }
        });
    }

    private static long parse(String where, String key, String v) {
        try {
            return Fixed.parse(v);
        } catch (RuntimeException e) {
            throw new FlofException(where + ": '" + key + "' expected a decimal, got '" + v + "'");
        }
    }

    /** The value for a symbol, else for its futures root (ESZ6 -> ES), else null. */
    static String bySymbolOrRoot(Map<String, String> m, String symbol) {
        String v = m.get(symbol);
        if (v == null) {
            java.util.regex.Matcher f = java.util.regex.Pattern.compile("^([A-Z0-9]+?)[FGHJKMNQUVXZ]\\d{1,2}$").matcher(symbol);
            if (f.matches()) {
                v = m.get(f.group(1));
            }
        }
        return v;
    }

    /** Fixed-point maximum position of a symbol, or 0 when none is configured. */
    public long maxPositionOf(String symbol) {
        String v = bySymbolOrRoot(maxPosition, symbol);
        return v == null ? 0 : Fixed.parse(v);
    }

    /** Fixed-point emergency stop distance of a symbol, or 0 when none is configured. */
    public long emergencyStopOf(String symbol) {
        String v = bySymbolOrRoot(emergencyStop, symbol);
        return v == null ? 0 : Fixed.parse(v);
    }

    /** The venue entry trading {@code symbol}. */
    public Endpoint venueOf(String symbol) {
        return venues.stream().filter(v -> v.symbols().contains(symbol)).findFirst()
                .orElseThrow(() -> new FlofException("no venue trades " + symbol));
    }
}
