package dev.flof.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the project and where the archive is. */
abstract class AbstractFlofMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The plugin archive the {@code package} goal writes and the other goals read. */
    @Parameter(property = "flof.archive",
            defaultValue = "${project.build.directory}/${project.build.finalName}.zip", required = true)
    protected File archive;

    /** Skips the goal. */
    @Parameter(property = "flof.skip", defaultValue = "false")
    protected boolean skip;
}
