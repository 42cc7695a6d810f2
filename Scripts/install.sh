#!/usr/bin/env bash
# Installs Gazette under a prefix: PREFIX/bin/gazette and PREFIX/share/gazette/{gazetteers,models}.
#
#   ./install.sh [--prefix /usr/local]               from an unpacked release bundle (it ships this file)
#   Scripts/install.sh [--prefix DIR] [BUNDLE.tar.gz] from a checkout: installs the given bundle, or
#                                                     builds one with Scripts/release.sh first
set -euo pipefail
PREFIX=/usr/local
BUNDLE=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *.tar.gz) BUNDLE="$1"; shift ;;
        *) echo "install: unknown argument $1" >&2; exit 2 ;;
    esac
done
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ -x "$HERE/bin/gazette" ] && [ -d "$HERE/share/gazette" ]; then
    SOURCE="$HERE"                                 # an unpacked bundle
else
    ROOT="$(cd "$HERE/.." && pwd)"                 # a checkout
    [ -n "$BUNDLE" ] || BUNDLE="$ROOT/$("$ROOT/Scripts/release.sh" | tail -1)"
    WORK="$(mktemp -d)"
    trap 'rm -rf "$WORK"' EXIT
    tar -C "$WORK" -xzf "$BUNDLE"
    SOURCE="$(echo "$WORK"/gazette-*)"
fi
mkdir -p "$PREFIX/bin" "$PREFIX/share/gazette" "$PREFIX/share/doc/gazette"
rm -rf "$PREFIX/share/gazette/gazetteers" "$PREFIX/share/gazette/models" "$PREFIX/share/gazette/web"
cp -R "$SOURCE/share/gazette/gazetteers" "$SOURCE/share/gazette/models" "$PREFIX/share/gazette/"
[ -d "$SOURCE/share/gazette/web" ] && cp -R "$SOURCE/share/gazette/web" "$PREFIX/share/gazette/"
cp -R "$SOURCE/share/doc/gazette/." "$PREFIX/share/doc/gazette/"
install -m 0755 "$SOURCE/bin/gazette" "$PREFIX/bin/gazette"
echo "install: $PREFIX/bin/gazette, data in $PREFIX/share/gazette"
"$PREFIX/bin/gazette" --version | sed -n 1,2p
