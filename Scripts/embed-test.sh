#!/usr/bin/env bash
# Checks that the data travels with the library: a throwaway Swift package that depends on Gazette
# by path tags samples/wire-aggregator.html through Pipeline.standard(), run from another folder
# with no GAZETTE_DATA set. Exit 0 when the record has the expected entities.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-embed.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
say() { printf 'embed-test: %s\n' "$*" >&2; }

mkdir -p "$WORK/consumer/Sources/Consumer"
cat > "$WORK/consumer/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "$ROOT")],
    targets: [.executableTarget(name: "Consumer", dependencies: [.product(name: "Gazette", package: "$(basename "$ROOT")")])]
)
SWIFT
cat > "$WORK/consumer/Sources/Consumer/main.swift" <<'SWIFT'
import Foundation
import Gazette

// Tags the page named on the command line with the standard pipeline and prints the record.
let path = CommandLine.arguments[1]
guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
do {
    let pipeline = try Pipeline.standard()
    print(TagRecord.encode(try pipeline.tag(Article(id: "wire-aggregator", html: [UInt8](data)))))
} catch {
    print("error: \(error)")
    exit(1)
}
SWIFT
say "building a package that depends on Gazette by path"
(cd "$WORK/consumer" && swift build 2>&1 | tail -2 >&2)
BIN="$(cd "$WORK/consumer" && swift build --show-bin-path)/Consumer"
mkdir -p "$WORK/elsewhere"
OUT="$(cd "$WORK/elsewhere" && env -u GAZETTE_DATA "$BIN" "$ROOT/samples/wire-aggregator.html")"
python3 - "$OUT" <<'PY'
import json, sys
record = json.loads(sys.argv[1])
names = {entity["name"] for entity in record["entities"]}
missing = {"NATO", "Kyiv", "Ukraine"} - names
assert record["error"] is None, record["error"]
assert not missing, f"entities missing: {missing}; found {sorted(names)}"
assert record["topics"], "no topics"
print(f"embed-test: PASS ({len(names)} entities, top topic {record['topics'][0]['label']})")
PY
