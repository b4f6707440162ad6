// The archive: plugin.properties from the POM, lib/ with the plugin's jar and its compile-scope library only.
import java.util.zip.ZipFile

def zipFile = new File(basedir, 'target/package-and-install-1.0.0.zip')
assert zipFile.isFile() : "no archive at $zipFile"
def zip = new ZipFile(zipFile)
def names = zip.entries().collect { it.name }
assert names == ['plugin.properties', 'lib/', 'lib/commons-lang3-3.12.0.jar', 'lib/package-and-install-1.0.0.jar'] : names
def props = new Properties()
zip.getInputStream(zip.getEntry('plugin.properties')).withCloseable { props.load(it) }
assert props['plugin.id'] == 'weekly-it'
assert props['plugin.version'] == '1.0.0'
assert props['plugin.requires'] == '>=0.1.0 & <0.2.0'
assert props['plugin.provider'] == 'Example IT Co'
assert props['plugin.description'] == 'Integration test plugin for flof-maven-plugin'
// Every entry carries the POM's outputTimestamp (reproducible archive).
def stamp = java.time.Instant.parse('2026-01-02T03:04:05Z').toEpochMilli()
zip.entries().each { assert it.lastModifiedTime.toMillis() == stamp : "${it.name} ${it.lastModifiedTime}" }
// The extension index made it into the plugin's jar.
def ownJar = File.createTempFile('own', '.jar')
zip.getInputStream(zip.getEntry('lib/package-and-install-1.0.0.jar')).withCloseable { ownJar.bytes = it.bytes }
def jar = new ZipFile(ownJar)
assert jar.getInputStream(jar.getEntry('META-INF/extensions.idx')).text.readLines().contains('com.example.it.ItGrader')
jar.close()
zip.close()
// install-local copied it into the configured plugins folder.
def installed = new File(basedir, 'target/flof-plugins/package-and-install-1.0.0.zip')
assert installed.isFile()
assert installed.bytes == zipFile.bytes
def log = new File(basedir, 'build.log').text
assert log.contains('verified against SPI 0.1.0')
return true
