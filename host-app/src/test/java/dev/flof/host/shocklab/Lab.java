package dev.flof.host.shocklab;

import dev.flof.host.plugin.PluginHost;
import dev.flof.spi.ext.CircuitBreaker;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Test access to the risk plugin's layered breaker (the bundled plugins folder) and cached scenario results. */
final class Lab {
    static final Path PLUGINS = Path.of(System.getProperty("flof.plugins.dir", "../plugins"));
    private static PluginHost host;
    private static ShockLab lab;
    private static final Map<String, ScenarioResult> RESULTS = new TreeMap<>();

    private Lab() {
    }

    static synchronized ShockLab lab() {
        if (lab == null) {
            host = PluginHost.start(PLUGINS);
            lab = new ShockLab(host.require(CircuitBreaker.class, "layered", "test"));
        }
        return lab;
    }

    static synchronized CircuitBreaker breaker() {
        lab();
        return host.require(CircuitBreaker.class, "layered", "test");
    }

    /** The result of a scenario with seed 1 (run once per test JVM). */
    static synchronized ScenarioResult result(String name) {
        return RESULTS.computeIfAbsent(name, n -> lab().run(ShockLab.find(n), 1));
    }
}
