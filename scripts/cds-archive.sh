#!/usr/bin/env bash
# Makes the class-data sharing (CDS) archive a JVM maps at start instead of reading, parsing and verifying the
# classes a pipeline loads (bench/results/product.md: about 1 CPU-s and half a second less before the first event).
#   scripts/cds-archive.sh ARCHIVE CLASS_PATH
# dumps the classes of cli/src/main/cds/tributary.classlist found on CLASS_PATH into ARCHIVE, unless ARCHIVE is
# newer than the list and every file of CLASS_PATH. A JVM uses the archive only with the same class path (or one
# that starts with it) on the same Java; on any failure no archive is left and Java starts without one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
archive="$1"
class_path="$2"
list="$root/cli/src/main/cds/tributary.classlist"

fresh() {
  [ -f "$archive" ] && [ "$archive" -nt "$list" ] || return 1
  local entry
  IFS=: read -ra entries <<< "$class_path"
  for entry in "${entries[@]}"; do
    if [ "${entry: -1}" = "*" ]; then
      [ -z "$(find "${entry%\*}" -maxdepth 1 -name '*.jar' -newer "$archive" -print -quit)" ] || return 1
    else
      [ ! "$entry" -nt "$archive" ] || return 1
      # a jar's manifest class path (cli/target/lib/ for the launcher's jar) is part of what the archive holds
      if [ -d "$(dirname "$entry")/lib" ]; then
        [ -z "$(find "$(dirname "$entry")/lib" -maxdepth 1 -name '*.jar' -newer "$archive" -print -quit)" ] || return 1
      fi
    fi
  done
}

fresh && exit 0
rm -f "$archive"
# another launcher may be dumping too: each writes its own file and the last rename wins
partial="$archive.$$.partial"
if java -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$partial" -cp "$class_path" \
    > "$partial.log" 2>&1; then
  mv -f "$partial" "$archive"
  rm -f "$partial.log"
else
  echo "note: no class-data sharing archive (Java starts without one, only slower); see $partial.log" >&2
  rm -f "$partial"
fi
