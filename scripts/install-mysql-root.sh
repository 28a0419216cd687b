#!/usr/bin/env bash
# Makes the MySQL server the tests start (TestingMySql): Debian 12 ships none, and the MySQL of Debian's unstable
# suite (mysql-server-core) needs a newer C library than Debian 12's, so it lives in a minimal Debian root made with
# debootstrap, outside the repository, and the tests run it with chroot. About 560 MB and a few minutes, once per
# machine; a root that is already complete is reused.
#
#   TRIBUTARY_MYSQL_ROOT   where the root lives (default /opt/tributary/mysql-root; TestingMySql reads the same)
#   TRIBUTARY_DEBIAN_MIRROR  the Debian mirror to fetch from (default: the one this machine's apt sources name)
#
# Needs root (debootstrap and chroot do): run it as root, or as a user with sudo (it then asks sudo for each step).
set -euo pipefail

root_dir="${TRIBUTARY_MYSQL_ROOT:-/opt/tributary/mysql-root}"
marker="$root_dir/.tributary-mysql-root-complete"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "The MySQL server for the tests needs a Debian root at $root_dir, made with debootstrap and run with chroot," >&2
    echo "both of which need root: run scripts/install-mysql-root.sh as root, or install sudo." >&2
    exit 1
  fi
  sudo=(sudo)
fi

root_is_complete() {
  [ -f "$marker" ] && "${sudo[@]}" chroot "$root_dir" /usr/sbin/mysqld --version >/dev/null 2>&1
}

if root_is_complete; then
  exit 0
fi

# The Debian mirror this machine already uses: the first deb822 URIs entry or sources.list line for a path ending in
# /debian (not the security archive). Nothing here names a host.
debian_mirror() {
  if [ -n "${TRIBUTARY_DEBIAN_MIRROR:-}" ]; then
    echo "$TRIBUTARY_DEBIAN_MIRROR"
    return
  fi
  local files=()
  shopt -s nullglob
  files+=(/etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list)
  shopt -u nullglob
  local uri
  for file in "${files[@]}"; do
    [ -f "$file" ] || continue
    uri=$( { sed -n 's/^[[:space:]]*URIs:[[:space:]]*//p' "$file" | tr ' ' '\n'
             sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' "$file"
           } | grep -E '^https?://[^[:space:]]+/debian/?$' | head -n 1 || true)
    if [ -n "$uri" ]; then
      echo "${uri%/}"
      return
    fi
  done
}

mirror=$(debian_mirror)
if [ -z "$mirror" ]; then
  echo "Found no Debian mirror (a URI ending in /debian) in /etc/apt/sources.list.d or /etc/apt/sources.list;" >&2
  echo "set TRIBUTARY_DEBIAN_MIRROR to one and run scripts/install-mysql-root.sh again." >&2
  exit 1
fi

if ! command -v debootstrap >/dev/null 2>&1 && [ ! -x /usr/sbin/debootstrap ]; then
  echo "Installing debootstrap with apt-get ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends debootstrap >&2
fi

# A root without the marker is what an interrupted run left: unmount whatever debootstrap mounted in it, remove it
# (never crossing into another file system) and start again. The root is built beside its final place and moved
# there only when complete, so the marker's presence means the whole of it is there.
remove_root() {
  local dir="$1"
  [ -e "$dir" ] || return 0
  echo "Removing the incomplete MySQL root $dir ..." >&2
  local mounts
  mounts=$(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r)
  for mount in $mounts; do
    "${sudo[@]}" umount -l "$mount"
  done
  "${sudo[@]}" rm -rf --one-file-system "$dir"
}

building="$root_dir.building"
remove_root "$building"
remove_root "$root_dir"
"${sudo[@]}" mkdir -p "$(dirname "$root_dir")"

echo "Making a Debian unstable root with MySQL (mysql-server-core) in $root_dir from $mirror; this takes a few minutes ..." >&2
"${sudo[@]}" /usr/sbin/debootstrap --variant=minbase --include=mysql-server-core sid "$building" "$mirror" \
  > >("${sudo[@]}" tee "$(dirname "$root_dir")/debootstrap.log" >/dev/null) 2>&1 || {
  echo "debootstrap failed; its log is $(dirname "$root_dir")/debootstrap.log:" >&2
  tail -n 20 "$(dirname "$root_dir")/debootstrap.log" >&2 || true
  exit 1
}
# Tests make their servers' directories under the root's /tmp; a user who is not root needs to write there.
"${sudo[@]}" chmod 1777 "$building/tmp"
"${sudo[@]}" mv "$building" "$root_dir"
if ! "${sudo[@]}" chroot "$root_dir" /usr/sbin/mysqld --version >&2; then
  echo "The root in $root_dir was made but its /usr/sbin/mysqld does not run; remove it and run this script again." >&2
  exit 1
fi
"${sudo[@]}" touch "$marker"
