// flof-spi in compile scope lands in lib/; verify must fail the build and say how to fix it.
def log = new File(basedir, 'build.log').text
assert log.contains('FLOF plugin archive bundles-spi-fails-1.0.0.zip is invalid') : log
// The count follows the SPI's size; what matters is the jar, the package and the artifact to mark provided.
assert log =~ /bundles host-provided classes: lib\/flof-spi-0\.1\.0-SNAPSHOT\.jar: \d+ classes under dev\/flof\/spi\/ \(dev\.flof:flof-spi\)/
assert log.contains('<scope>provided</scope>')
assert new File(basedir, 'target/bundles-spi-fails-1.0.0.zip').isFile()
assert !new File(basedir, 'target/flof-plugins').exists() : 'install-local must not run after a failed verify'
return true
