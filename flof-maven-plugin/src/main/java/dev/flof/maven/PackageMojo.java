package dev.flof.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds the PF4J plugin archive of a FLOF plugin project: {@code plugin.properties} written from the POM (id,
 * version, provider, {@code requires} = the SPI range, description) and {@code lib/} with the project's jar and
 * its compile- and runtime-scope dependencies. Provided and test dependencies never go in: flof-spi, PF4J,
 * ta4j, Jackson, SLF4J and picocli come from the host.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class PackageMojo extends AbstractFlofMojo {
    /** The plugin id the configuration and {@code ./flof plugins} show. */
    @Parameter(property = "flof.plugin.id", defaultValue = "${project.artifactId}", required = true)
    private String pluginId;

    @Parameter(property = "flof.plugin.version", defaultValue = "${project.version}", required = true)
    private String pluginVersion;

    /** Defaults to the POM's organization name, else its group id. */
    @Parameter(property = "flof.plugin.provider", defaultValue = "${project.organization.name}")
    private String provider;

    /** Defaults to the POM's description, else its name. */
    @Parameter(property = "flof.plugin.description", defaultValue = "${project.description}")
    private String description;

    /**
     * The SPI range; defaults to {@code >=V & <next breaking} for the SPI version V on the compile class path
     * (see {@link SpiRange}).
     */
    @Parameter(property = "flof.plugin.requires")
    private String requires;

    /** PF4J plugin dependencies, e.g. {@code flof-orderflow@>=0.1.0}; empty for none. */
    @Parameter(property = "flof.plugin.dependencies")
    private String pluginDependencies;

    /** Defaults to the name of the POM's first license. */
    @Parameter(property = "flof.plugin.license")
    private String license;

    /** Attach the archive to the project (type zip), so {@code install} and {@code deploy} carry it too. */
    @Parameter(property = "flof.attach", defaultValue = "true")
    private boolean attach;

    /** Reproducible builds: the time stamped on every entry (ISO-8601 or epoch seconds). */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("flof:package skipped");
            return;
        }
        Artifact own = project.getArtifact();
        Path ownJar = own.getFile() == null ? null : own.getFile().toPath();
        if (ownJar == null || !ownJar.getFileName().toString().endsWith(".jar")) {
            throw new MojoExecutionException("flof:package needs the project's jar; run it in the package phase of a"
                    + " <packaging>jar</packaging> project (the jar plugin runs first). Found: " + ownJar);
        }
        String spiVersion = spiVersion();
        String range = requires == null || requires.isBlank() ? SpiRange.defaultRequires(spiVersion) : requires.strip();
        String prov = provider != null && !provider.isBlank() ? provider : project.getGroupId();
        String desc = description != null && !description.isBlank() ? description
                : project.getName() == null ? "" : project.getName();
        String lic = license != null ? license
                : project.getLicenses().isEmpty() ? "" : project.getLicenses().get(0).getName();
        PluginDescriptor descriptor;
        try {
            descriptor = new PluginDescriptor(pluginId, pluginVersion, prov, range, desc, pluginDependencies, lic);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }

        List<PluginArchive.Library> libs = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>(project.getArtifacts());
        artifacts.sort(Comparator.comparing(Artifact::getId));
        for (Artifact a : artifacts) {
            String scope = a.getScope();
            boolean bundled = (Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope))
                    && a.getArtifactHandler().isAddedToClasspath();
            if (bundled && a.getFile() != null) {
                libs.add(new PluginArchive.Library(a.getGroupId(), a.getFile().toPath()));
            }
        }
        try {
            List<String> names = PluginArchive.write(archive.toPath(), descriptor, ownJar, libs, entryTime());
            getLog().info("FLOF plugin " + descriptor.id() + " " + descriptor.version() + " (requires SPI "
                    + descriptor.requires() + ") -> " + archive + " " + names);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + archive + ": " + e.getMessage(), e);
        }
        if (attach) {
            projectHelper.attachArtifact(project, "zip", archive);
        }
    }

    private String spiVersion() throws MojoExecutionException {
        String artifactVersion = project.getArtifacts().stream()
                .filter(a -> "dev.flof".equals(a.getGroupId()) && "flof-spi".equals(a.getArtifactId()))
                .map(Artifact::getBaseVersion).findFirst().orElse(null);
        try (CompileClasspath cp = new CompileClasspath(project.getCompileClasspathElements())) {
            String v = cp.spiVersion(artifactVersion);
            if (v == null) {
                throw new MojoExecutionException("the project does not depend on dev.flof:flof-spi; add it with"
                        + " <scope>provided</scope> (the host supplies it)");
            }
            return v;
        } catch (DependencyResolutionRequiredException | IOException e) {
            throw new MojoExecutionException("cannot read the compile class path: " + e.getMessage(), e);
        }
    }

    private long entryTime() throws MojoFailureException {
        if (outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() < 2) {
            return PluginArchive.DEFAULT_ENTRY_TIME;
        }
        String t = outputTimestamp.strip();
        try {
            if (t.chars().allMatch(Character::isDigit)) {
                return Math.max(PluginArchive.DEFAULT_ENTRY_TIME, Long.parseLong(t) * 1000L);
            }
            return Math.max(PluginArchive.DEFAULT_ENTRY_TIME, OffsetDateTime.parse(t).toInstant().toEpochMilli());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoFailureException("project.build.outputTimestamp '" + t + "' is neither ISO-8601 nor epoch"
                    + " seconds", e);
        }
    }

}
