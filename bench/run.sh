#!/usr/bin/env bash
# Runs one benchmark of bench/ by its class name, from the repository root: bench/run.sh DynamoDbWriteBench
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# copy-dependencies leaves the jars of older versions behind, and the runs' class paths take lib/* whole
rm -rf bench/target/lib bench/debezium-mysql/target/lib
mvn -B -q -ntp -o -DskipTests -pl bench,bench/debezium-mysql,cli -am package >&2
exec java -Xmx1g -cp "bench/target/tributary-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" "io.tributary.bench.$1" "${@:2}"
