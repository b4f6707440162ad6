def log = new File(basedir, 'build.log').text
assert log.contains('FLOF plugin archive bad-requires-fails-1.0.0.zip is invalid') : log
assert log.contains("plugin.requires '>=0.1.0' accepts SPI 0.2.0")
assert log.contains("use '>=0.1.0 & <0.2.0'")
return true
