package dev.flof.host.cli;

import dev.flof.host.plugin.PluginHost;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./flof plugins}: the loaded plugins and their extensions, with versions. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List loaded plugins and their extensions (with versions).")
final class PluginsCommand implements Callable<Integer> {
    private final Main.CliContext ctx;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: ${DEFAULT-VALUE} of the installation).")
    Path pluginsDir;

    PluginsCommand(Main.CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path dir = pluginsDir != null ? pluginsDir : ctx.pluginsDir();
        try (PluginHost host = PluginHost.start(dir)) {
            ctx.out().println("Plugins in " + dir.toAbsolutePath().normalize() + " (SPI " + dev.flof.spi.SpiVersion.VERSION + "):");
            for (PluginHost.PluginInfo p : host.plugins()) {
                ctx.out().println();
                ctx.out().println(p.id() + " " + p.version() + "  requires SPI " + p.requires());
                if (p.description() != null && !p.description().isBlank()) {
                    ctx.out().println("  " + p.description());
                }
                if (p.extensions().isEmpty()) {
                    ctx.out().println("  (no extensions)");
                }
                for (String e : p.extensions()) {
                    ctx.out().println("  - " + e);
                }
            }
        }
        return 0;
    }
}
