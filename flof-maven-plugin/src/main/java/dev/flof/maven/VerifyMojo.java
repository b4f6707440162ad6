package dev.flof.maven;

import java.io.IOException;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the archive would be refused by the host or misbehave in it: it bundles host-provided
 * classes (flof-spi, PF4J, ta4j, Jackson, SLF4J, picocli), its {@code META-INF/extensions.idx} is missing or lists
 * a class that does not implement a FLOF extension point (checked by loading it from the compile class path), or
 * {@code plugin.requires} does not match the flof-spi version the plugin was compiled against.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class VerifyMojo extends AbstractFlofMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("flof:verify skipped");
            return;
        }
        if (!archive.isFile()) {
            throw new MojoExecutionException("no plugin archive at " + archive + "; run flof:package first");
        }
        String artifactVersion = project.getArtifacts().stream()
                .filter(a -> "dev.flof".equals(a.getGroupId()) && "flof-spi".equals(a.getArtifactId()))
                .map(Artifact::getBaseVersion).findFirst().orElse(null);
        List<String> problems;
        String spi;
        try (CompileClasspath cp = new CompileClasspath(project.getCompileClasspathElements())) {
            spi = cp.spiVersion(artifactVersion);
            if (spi == null) {
                throw new MojoFailureException("FLOF plugin archive " + archive.getName() + " is invalid:\n  - the"
                        + " project does not depend on dev.flof:flof-spi; add it with <scope>provided</scope>");
            }
            problems = ArchiveVerifier.verify(archive.toPath(), cp.loader(), spi);
        } catch (DependencyResolutionRequiredException | IOException e) {
            throw new MojoExecutionException("cannot verify " + archive + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("FLOF plugin archive " + archive.getName() + " is invalid (compiled"
                    + " against SPI " + spi + "):");
            problems.forEach(p -> sb.append("\n  - ").append(p));
            throw new MojoFailureException(sb.toString());
        }
        getLog().info("FLOF plugin archive " + archive.getName() + " verified against SPI " + spi);
    }
}
