#!/usr/bin/env bash
# Shared by the bin/ launchers: finds SPINDLE_HOME, the classpath, the configuration and java.

resolve_dir() {
  local source="$1"
  while [ -h "$source" ]; do
    local dir
    dir="$(cd -P "$(dirname "$source")" && pwd)"
    source="$(readlink "$source")"
    [[ $source != /* ]] && source="$dir/$source"
  done
  cd -P "$(dirname "$source")" && pwd
}

SPINDLE_BIN="$(resolve_dir "${BASH_SOURCE[0]}")"
# In the source tree bin/ is scripts/bin; in the distribution it sits at the top.
if [ -d "$SPINDLE_BIN/../lib" ]; then
  SPINDLE_HOME="$(cd "$SPINDLE_BIN/.." && pwd)"
  SPINDLE_LIB="$SPINDLE_HOME/lib"
else
  SPINDLE_HOME="$(cd "$SPINDLE_BIN/../.." && pwd)"
  SPINDLE_LIB="$SPINDLE_HOME/scripts/target/lib"
fi

if ! ls "$SPINDLE_LIB"/spindle-container-runtime-*.jar >/dev/null 2>&1; then
  echo "Error: Spindle is not built (no jars in $SPINDLE_LIB); run: mvn -q -DskipTests package" >&2
  exit 2
fi

SPINDLE_CONF_DIR="${SPINDLE_CONF_DIR:-$SPINDLE_HOME/conf}"
SPINDLE_LOG_DIR="${SPINDLE_LOG_DIR:-$SPINDLE_HOME/log}"
mkdir -p "$SPINDLE_LOG_DIR" 2>/dev/null || SPINDLE_LOG_DIR="${TMPDIR:-/tmp}"

if [ -n "$JAVA_HOME" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi

SPINDLE_JVM_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
)

SPINDLE_CLASSPATH="$SPINDLE_LIB/*"
if [ -n "$HADOOP_CONF_DIR" ]; then
  SPINDLE_CLASSPATH="$HADOOP_CONF_DIR:$SPINDLE_CLASSPATH"
fi

# Class data sharing: the build writes an archive of the classes a small job loads
# (scripts/src/cds/train-archive.sh), and JVMs started with it map those classes instead of
# loading and verifying them again. The JVM ignores an archive that no longer matches (jars rebuilt
# since, another JDK) but crashes on a truncated one, so the archive is used only if it still has
# the size the build recorded beside it. SPINDLE_CDS=off starts without it; so does a classpath that
# begins with HADOOP_CONF_DIR's directory, which the archive cannot cover.
SPINDLE_CDS_OPTS=()
SPINDLE_CDS_ARCHIVE="${SPINDLE_CDS_ARCHIVE:-$SPINDLE_LIB/../spindle-cds.jsa}"
if [ "${SPINDLE_CDS:-on}" != off ] && [ -z "${HADOOP_CONF_DIR:-}" ] && [ -f "$SPINDLE_CDS_ARCHIVE.bytes" ] \
    && [ "$(wc -c < "$SPINDLE_CDS_ARCHIVE" 2>/dev/null | tr -d ' ')" = "$(< "$SPINDLE_CDS_ARCHIVE.bytes")" ]; then
  SPINDLE_CDS_OPTS=(-XX:SharedArchiveFile="$SPINDLE_CDS_ARCHIVE" "-Xlog:cds*=off" "-Xlog:class+path=off")
fi
