#!/usr/bin/env bash
# Lists again the classes the launcher's class-data sharing archive holds (cli/src/main/cds/tributary.classlist):
# the classes two short pipelines load, as the JVM lists them with -XX:DumpLoadedClassList — one snapshots into
# Kafka and goes on streaming, the other streams into a file — in the order first loaded, without the JVM's
# generated proxies (named by number, they differ from run to run). Needs what bench/run.sh needs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
list() { # sink workload
  bench/run.sh capture.ProductBench --engines tributary --sinks "$1" --workloads "$2" --runs 1 --rows 20000 \
      --tributary-jvm "-XX:+UseSerialGC -XX:DumpLoadedClassList=$work/$1.classlist" >&2
}
list kafka snapshot
list file streaming
{
  head -3 cli/src/main/cds/tributary.classlist
  cat "$work/kafka.classlist" "$work/file.classlist" | grep -v '^#' | grep -v 'jdk/proxy\|com/sun/proxy' \
      | awk '!seen[$0]++'
} > "$work/merged"
mv "$work/merged" cli/src/main/cds/tributary.classlist
wc -l cli/src/main/cds/tributary.classlist
