def log = new File(basedir, 'build.log').text
assert log.contains('FLOF plugin archive foreign-extension-fails-1.0.0.zip is invalid') : log
assert log.contains('lists com.example.it.Foreign, which does not implement a FLOF extension point')
assert !log.contains('lists com.example.it.ItGrader')
return true
