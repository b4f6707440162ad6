# Sourced by ./flof and .ci/run: sets FLOF_JAVA_HOME to a JDK >= 21, honouring JAVA_HOME first.
# The machines' default java may be 17, so a JDK beside it (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) is
# looked for too. Prints a clear message and returns 1 when there is none.
flof_java_major() { # $1 = java executable; prints the major version or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
flof_find_jdk() {
  local c major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      major=$(flof_java_major "$c/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
        FLOF_JAVA_HOME="$c"
        FLOF_JAVA_MAJOR="$major"
        export FLOF_JAVA_HOME FLOF_JAVA_MAJOR
        # Maven's own Guice warns on JDK 24+ about sun.misc.Unsafe; that noise is not FLOF's.
        if [ "$major" -ge 24 ]; then
          case " ${MAVEN_OPTS:-} " in *unsafe-memory-access*) ;; *) MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS;; esac
        fi
        return 0
      fi
    fi
  done
  echo "flof: FLOF needs a JDK 21 or newer (java and javac). Looked at JAVA_HOME${JAVA_HOME:+ ($JAVA_HOME)}," \
       "the javac on PATH and /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1
}
