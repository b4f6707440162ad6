package dev.flof.host.shocklab;

import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the catalogue: each scenario's script through a fresh {@link Rig} with a fresh breaker from the
 * configured circuit-breaker extension (the risk plugin's {@code layered}, loaded through the SPI).
 */
public final class ShockLab {
    private final CircuitBreaker breaker;

    public ShockLab(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /** The scenario with this name, or an error listing the names. */
    public static Scenario find(String name) {
        for (Scenario s : Scenarios.all()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        List<String> names = new ArrayList<>();
        Scenarios.all().forEach(s -> names.add(s.name()));
        throw new IllegalArgumentException("no scenario '" + name + "'; known: " + String.join(", ", names));
    }

    public ScenarioResult run(Scenario scenario, long seed) {
        Script script = scenario.generator().build(seed);
        Function<Map<String, String>, CircuitBreaker.Guard> factory =
                p -> breaker.create(new Params("shocklab.breakerParams", forBreaker(breaker.id(), p)));
        return new Rig(script, breaker.id(), factory).run(scenario);
    }

    /**
     * The rig's parameters are written for the {@code layered} breaker ({@code overlord.*}, {@code quarantine.*},
     * {@code oco.*}); a single layer ({@code overlord}, {@code quarantine}, {@code oco}) gets its own keys without the
     * prefix and none of the others'. Any other breaker gets the unprefixed keys only.
     */
    static Map<String, String> forBreaker(String id, Map<String, String> params) {
        if (id.equals("layered")) {
            return params;
        }
        Map<String, String> out = new java.util.TreeMap<>();
        params.forEach((k, v) -> {
            int dot = k.indexOf('.');
            String layer = dot < 0 ? "" : k.substring(0, dot);
            boolean prefixed = layer.equals("overlord") || layer.equals("quarantine") || layer.equals("oco");
            if (!prefixed) {
                out.put(k, v);
            } else if (layer.equals(id)) {
                out.put(k.substring(dot + 1), v);
            }
        });
        return out;
    }

    public List<ScenarioResult> run(List<Scenario> scenarios, long seed) {
        List<ScenarioResult> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            out.add(run(s, seed));
        }
        return out;
    }
}
