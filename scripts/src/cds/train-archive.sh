#!/usr/bin/env bash
# scripts/src/cds/train-archive.sh SPINDLE_HOME ARCHIVE EXAMPLES_JAR
# Writes the class data sharing archive that bin/run and bin/benchmark start their JVMs with: runs
# the ConnectedComponents example on a tiny graph through bin/run, in a JVM that writes every class
# it loaded to ARCHIVE when it exits. Called by the build (scripts/pom.xml, package phase). Without
# an archive Spindle only starts slower, so a failure here warns and exits 0.
set -u
home="$1"
archive="$2"
examples="$3"
work="$(dirname "$archive")/cds-training"
rm -rf "$work" "$archive" "$archive.tmp" "$archive.bytes"
mkdir -p "$work"
printf '1\n2\n3\n4\n5\n6\n' > "$work/vertices"
printf '1\t2\n2\t3\n4\t5\n' > "$work/edges"
# The JVM cannot archive with a directory on the classpath, as HADOOP_CONF_DIR would put there.
if env -u HADOOP_CONF_DIR SPINDLE_CDS=off \
    SPINDLE_CLIENT_JVM_OPTS="-Xmx1g -XX:+UseParallelGC -XX:ArchiveClassesAtExit=$archive.tmp -Xlog:cds*=off" \
    "$home/bin/run" -c dev.spindle.examples.graph.ConnectedComponents "$examples" \
    --vertices "$work/vertices" --edges "$work/edges" --output "$work/components" --parallelism 2 \
    > "$work/run.out" 2>&1 && [ -s "$archive.tmp" ]; then
  mv "$archive.tmp" "$archive"
  # Its size, written last: the launchers use the archive only if it still has it, as the JVM
  # crashes on a truncated archive instead of ignoring it.
  wc -c < "$archive" | tr -d ' ' > "$archive.bytes.tmp" && mv "$archive.bytes.tmp" "$archive.bytes"
else
  rm -f "$archive.tmp"
  echo "warning: no class data sharing archive was written; Spindle's JVMs start without one" \
    "(see $work/run.out)" >&2
fi
exit 0
