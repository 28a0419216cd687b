#!/usr/bin/env bash
# Installs what Tributary's build, tests and demo need on a Debian machine, and nothing that is already there:
# a JDK 17+, Maven, the MariaDB server that the tests and the demo start privately, and iproute2 for the fault
# suite's network namespaces.
set -euo pipefail

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
if ! command -v ip >/dev/null 2>&1 && [ ! -x /usr/sbin/ip ] && [ ! -x /sbin/ip ]; then
  missing+=(iproute2)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
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
