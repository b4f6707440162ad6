/**
 * The FLOF Maven plugin: builds a PF4J plugin archive from a plugin project, verifies it against the rules the
 * host enforces at start (so an author learns at build time, not when the host refuses the plugin), and installs
 * it into a FLOF {@code plugins/} folder. The checks live in plain classes ({@link dev.flof.maven.SpiRange},
 * {@link dev.flof.maven.PluginArchive}, {@link dev.flof.maven.ArchiveVerifier}) so they are unit-tested without
 * Maven; the mojos only gather what the POM says.
 */
package dev.flof.maven;
