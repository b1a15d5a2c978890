#!/usr/bin/env bash
# Builds the .deb and .tar.gz with CPack from the build tree and checks that each holds what a
# desktop install needs: both binaries, the desktop entry, the icon, the MIME type, the sample.
# Usage: check_package.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }

deb=$(ls "$out"/*.deb)
tgz=$(ls "$out"/*.tar.gz)
want=(
  ./usr/bin/portico
  ./usr/bin/portico-cli
  ./usr/share/applications/portico.desktop
  ./usr/share/icons/hicolor/scalable/apps/portico.svg
  ./usr/share/mime/packages/portico.xml
  ./usr/share/portico/samples/petstore.portico.json
)
listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
status=0
for f in "${want[@]}"; do
  grep -qx -- "$f" <<<"$listing" || { echo "missing from $(basename "$deb"): $f"; status=1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libqt6widgets6" <<<"$depends" || { echo "Depends lacks Qt Widgets: $depends"; status=1; }
tlisting=$(tar -tzf "$tgz")
for f in "${want[@]}"; do
  grep -q -- "${f#./}\$" <<<"$tlisting" || { echo "missing from $(basename "$tgz"): $f"; status=1; }
done
[ $status -eq 0 ] && echo "package ok: $(basename "$deb") ($(stat -c %s "$deb") bytes), $(basename "$tgz"); Depends: $depends"
exit $status
