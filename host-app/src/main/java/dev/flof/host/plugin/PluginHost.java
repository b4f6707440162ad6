package dev.flof.host.plugin;

import dev.flof.host.FlofException;
import dev.flof.spi.SpiVersion;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.CommandExtension;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FeedProvider;
import dev.flof.spi.ext.FlofExtension;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.ext.StopPolicy;
import dev.flof.spi.ext.StructureAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.SingletonExtensionFactory;

/**
 * Loads FLOF's PF4J plugins and resolves their extensions by id. Everything is checked at start, so a
 * broken plugin stops the host before anything trades: archives bundling host classes are refused,
 * plugins whose {@code requires} does not match the SPI version or that fail to start are reported, and
 * every extension is instantiated once (a constructor that throws is reported with its plugin and class).
 */
public final class PluginHost implements AutoCloseable {
    /** The extension points the host knows, in the order {@code ./flof plugins} lists them. */
    public static final List<Class<? extends FlofExtension>> EXTENSION_POINTS = List.of(
            FeedProvider.class, ReplaySourceProvider.class, ExecutionVenue.class, StructureAnalyzer.class,
            FlowAnalyzer.class, ConfluenceGrader.class, PositionSizer.class, StopPolicy.class, ExitManager.class,
            CircuitBreaker.class, CommandExtension.class);

    private final DefaultPluginManager manager;
    private final Map<Class<?>, Map<String, Loaded<?>>> byPoint = new LinkedHashMap<>();

    /** One loaded extension and the plugin that supplied it. */
    public record Loaded<T>(String id, T extension, String pluginId, String pluginVersion) {
    }

    private PluginHost(DefaultPluginManager manager) {
        this.manager = manager;
    }

    /** Loads and starts every plugin in {@code pluginsDir}, or throws {@link FlofException} saying why not. */
    public static PluginHost start(Path pluginsDir) {
        Path dir = pluginsDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new FlofException("plugins folder " + dir + " does not exist. Build the bundled plugins with"
                    + " ./mvnw -DskipTests package (./flof does this on first use) or pass --plugins DIR.");
        }
        PluginArchiveScanner.check(dir);
        DefaultPluginManager manager = new DefaultPluginManager(dir) {
            @Override
            protected ExtensionFactory createExtensionFactory() {
                // One instance per extension: extensions are services, created once at start.
                return new SingletonExtensionFactory(this);
            }
        };
        manager.setSystemVersion(SpiVersion.VERSION);
        PluginHost host = new PluginHost(manager);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            host.checkPluginStates();
            host.instantiateExtensions();
        } catch (FlofException e) {
            host.close();
            throw e;
        } catch (RuntimeException e) {
            host.close();
            throw new FlofException("cannot load plugins from " + dir + ": " + rootMessage(e), e);
        }
        return host;
    }

    private void checkPluginStates() {
        List<String> problems = new ArrayList<>();
        for (PluginWrapper p : sortedPlugins()) {
            PluginState state = p.getPluginState();
            if (state == PluginState.STARTED) {
                continue;
            }
            String why;
            if (state == PluginState.DISABLED && !manager.getVersionManager().checkVersionConstraint(
                    SpiVersion.VERSION, p.getDescriptor().getRequires())) {
                why = "requires SPI " + p.getDescriptor().getRequires() + " but this host provides " + SpiVersion.VERSION;
            } else if (p.getFailedException() != null) {
                why = "failed to start: " + rootMessage(p.getFailedException());
            } else {
                why = "is " + state.toString().toLowerCase(java.util.Locale.ROOT);
            }
            problems.add("plugin " + p.getPluginId() + " " + p.getDescriptor().getVersion() + " (" + p.getPluginPath()
                    + ") " + why);
        }
        if (!problems.isEmpty()) {
            throw new FlofException(String.join("\n", problems));
        }
    }

    private void instantiateExtensions() {
        for (Class<? extends FlofExtension> point : EXTENSION_POINTS) {
            Map<String, Loaded<?>> byId = new TreeMap<>();
            for (PluginWrapper p : sortedPlugins()) {
                List<Class<? extends FlofExtension>> classes = new ArrayList<>(
                        manager.getExtensionClasses(point, p.getPluginId()));
                classes.sort(Comparator.comparing(Class::getName));
                for (Class<? extends FlofExtension> cls : classes) {
                    FlofExtension ext = instantiate(manager.getExtensionFactory(), cls, p);
                    String id = ext.id();
                    Loaded<?> previous = byId.put(id, new Loaded<>(id, ext, p.getPluginId(),
                            p.getDescriptor().getVersion()));
                    if (previous != null) {
                        throw new FlofException(point.getSimpleName() + " id '" + id + "' is supplied twice: by plugin "
                                + previous.pluginId() + " and by plugin " + p.getPluginId() + ". Ids must be unique.");
                    }
                }
            }
            byPoint.put(point, byId);
        }
    }

    private static FlofExtension instantiate(ExtensionFactory factory, Class<? extends FlofExtension> cls,
                                             PluginWrapper plugin) {
        try {
            FlofExtension ext = factory.create(cls);
            if (ext == null) {
                throw new FlofException("plugin " + plugin.getPluginId() + ": extension " + cls.getName()
                        + " could not be created");
            }
            if (ext.id() == null || ext.id().isBlank()) {
                throw new FlofException("plugin " + plugin.getPluginId() + ": extension " + cls.getName()
                        + " has no id()");
            }
            return ext;
        } catch (FlofException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new FlofException("plugin " + plugin.getPluginId() + ": extension " + cls.getName()
                    + " failed in its constructor: " + rootMessage(e), e);
        }
    }

    private List<PluginWrapper> sortedPlugins() {
        List<PluginWrapper> plugins = new ArrayList<>(manager.getPlugins());
        plugins.sort(Comparator.comparing(PluginWrapper::getPluginId));
        return plugins;
    }

    /** All extensions of a point, by id (sorted). */
    @SuppressWarnings("unchecked")
    public <T extends FlofExtension> Map<String, Loaded<T>> extensions(Class<T> point) {
        Map<String, Loaded<?>> m = byPoint.getOrDefault(point, Map.of());
        Map<String, Loaded<T>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, (Loaded<T>) v));
        return out;
    }

    /**
     * The extension the configuration names; fails with the config key, the missing id and what is
     * available, so the user can fix the file.
     */
    public <T extends FlofExtension> T require(Class<T> point, String id, String configKey) {
        Loaded<T> loaded = extensions(point).get(id);
        if (loaded == null) {
            throw new FlofException(configKey + ": no " + point.getSimpleName() + " with id '" + id
                    + "' is loaded; available: " + extensions(point).keySet());
        }
        return loaded.extension();
    }

    /**
     * Opens a recorded-data file with the first reader (by id) that accepts it, or fails naming the readers
     * loaded.
     */
    public ReplaySourceProvider.ReplaySource openReplay(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException("no such file: " + file);
        }
        Map<String, Loaded<ReplaySourceProvider>> readers = extensions(ReplaySourceProvider.class);
        for (Loaded<ReplaySourceProvider> r : readers.values()) {
            if (r.extension().accepts(file)) {
                return r.extension().open(file, dev.flof.spi.ext.Params.empty("data"));
            }
        }
        throw new java.io.IOException("no replay reader accepts " + file + "; loaded readers: " + readers.keySet());
    }

    /** Started plugins, sorted by id. */
    public List<PluginInfo> plugins() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper p : sortedPlugins()) {
            List<String> exts = new ArrayList<>();
            for (Class<? extends FlofExtension> point : EXTENSION_POINTS) {
                for (Loaded<?> l : byPoint.getOrDefault(point, Map.of()).values()) {
                    if (l.pluginId().equals(p.getPluginId())) {
                        exts.add(point.getSimpleName() + " " + l.id() + " ("
                                + l.extension().getClass().getName() + ")");
                    }
                }
            }
            out.add(new PluginInfo(p.getPluginId(), p.getDescriptor().getVersion(),
                    p.getDescriptor().getPluginDescription(), p.getDescriptor().getRequires(), exts));
        }
        return out;
    }

    public record PluginInfo(String id, String version, String description, String requires, List<String> extensions) {
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return c.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        // unloadPlugins stops each started plugin first, in reverse dependency order.
        try {
            manager.unloadPlugins();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PluginHost.class).warn("unloading plugins: {}", e.toString());
        }
    }
}
