#!/usr/bin/env bash
# Runs every test: unit tests (surefire, *Test) and tests against real servers (failsafe, *IT).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl demo -Dit.test=TestingKafkaIT
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --for-tests
exec mvn -B -ntp verify "$@"
