#!/usr/bin/env bash
# Builds the release bundle: dist/gazette-VERSION-linux-x86_64.tar.gz holding
#   bin/gazette                        built with --static-swift-stdlib (needs only glibc, libxml2, zlib)
#   share/gazette/gazetteers, models   the shipped data, found by bin/gazette as ../share/gazette
#   share/gazette/web                  the page and OpenAPI document `gazette serve` hands out
#   share/doc/gazette/                 README, the data's sources and licences
#   README                             what the bundle is and how to install it
#
#   Scripts/release.sh            # prints the path of the tarball on its last line
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
VERSION="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/Gazette/Version.swift)"
[ -n "$VERSION" ] || { echo "release: no version in Sources/Gazette/Version.swift" >&2; exit 1; }
ARCH="$(uname -m)"
NAME="gazette-$VERSION-linux-$ARCH"
SCRATCH="$ROOT/.build-release-static"

echo "release: building gazette $VERSION with --static-swift-stdlib" >&2
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product gazette >&2
BIN="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/gazette"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
DEST="$STAGE/$NAME"
mkdir -p "$DEST/bin" "$DEST/share/gazette" "$DEST/share/doc/gazette"
cp "$BIN" "$DEST/bin/gazette"
strip "$DEST/bin/gazette" 2>/dev/null || true
cp -R gazetteers models "$DEST/share/gazette/"
cp -R Sources/GazetteServer/Web "$DEST/share/gazette/web"
cp README.md "$DEST/share/doc/gazette/README.md"
cp gazetteers/SOURCES.md "$DEST/share/doc/gazette/DATA-SOURCES.md"
for file in models/*/SOURCES.md models/SOURCES.md; do
    [ -f "$file" ] && cp "$file" "$DEST/share/doc/gazette/$(echo "$file" | tr / -)"
done
LIBXML="$(dpkg-query -W -f='${Version}' libxml2 2>/dev/null || echo unknown)"
ZLIB="$(dpkg-query -W -f='${Version}' zlib1g 2>/dev/null || echo unknown)"
# sed reads all of ldd's output: `head -1` would close the pipe early and, under pipefail, fail
# the script with SIGPIPE (141) whenever ldd writes its later lines after head has exited.
GLIBC="$(ldd --version 2>&1 | sed -n '1s/.* //p')"
cat > "$DEST/README" <<TXT
Gazette $VERSION for Linux ($ARCH)

Gazette turns raw news pages into structured tags: cleaned text, the people, places and
organisations an article mentions (linked to Wikidata where the lists know them) and IPTC topics.

  bin/gazette tag ARTICLES/ > tags.jsonl      tag a folder (see bin/gazette --help)
  bin/gazette --version                       program, data and model versions

bin/gazette finds its data in ../share/gazette (set GAZETTE_DATA to use another folder). It is
built with the Swift standard library linked in; it needs glibc ($GLIBC or later), libxml2
(built against $LIBXML) and zlib (built against $ZLIB): on Debian and Ubuntu, apt-get install
libxml2 zlib1g.

Install under a prefix (default /usr/local), so that \`gazette\` works from any folder:

  ./install.sh [--prefix /usr/local]

The data's sources and licences: share/doc/gazette/DATA-SOURCES.md.
TXT
cp Scripts/install.sh "$DEST/install.sh"
mkdir -p dist
tar -C "$STAGE" -czf "dist/$NAME.tar.gz" "$NAME"
echo "release: $(du -h "dist/$NAME.tar.gz" | cut -f1) written" >&2
echo "dist/$NAME.tar.gz"
