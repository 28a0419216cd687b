#!/usr/bin/env bash
# Installs what Tributary's build, tests and demo need on a Debian machine, and nothing that is already there:
# a JDK 17+, Maven, and the MariaDB server that the tests and the demo start privately; with --for-tests (as
# scripts/test.sh calls it) also iproute2 for the fault suite's network namespaces and the MySQL server the tests
# start, in a minimal Debian root outside the repository (scripts/install-mysql-root.sh), which the demo does not need.
set -euo pipefail
cd "$(dirname "$0")"

mysql_root() {
  if [ "${1:-}" = "--for-tests" ]; then
    exec bash ./install-mysql-root.sh
  fi
  exit 0
}

missing=()

java_feature() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
if ! command -v javac >/dev/null 2>&1 || [ "$(java_feature)" -lt 17 ] 2>/dev/null; then
  missing+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  missing+=(mariadb-server)
fi
# the fault suite puts test hosts in network namespaces of their own
if [ "${1:-}" = "--for-tests" ] && ! command -v ip >/dev/null 2>&1 && [ ! -x /usr/sbin/ip ] && [ ! -x /sbin/ip ]; then
  missing+=(iproute2)
fi

if [ ${#missing[@]} -eq 0 ]; then
  mysql_root "$@"
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Tributary needs: ${missing[*]}; this is not a Debian machine, so install them with your package manager." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "Tributary needs: ${missing[*]}; run this script as root or install sudo." >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "Installing ${missing[*]} with apt-get ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# mariadb-server's post-install script may try to start the system service; Tributary never uses that one
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

mysql_root "$@"
