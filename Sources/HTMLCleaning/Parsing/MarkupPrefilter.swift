#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts what can never be article text out of a page before libxml2 sees it: comments and the
/// contents of `<script>` (except JSON-LD), `<style>`, `<svg>`, `<noscript>` and `<template>`.
///
/// On news pages these are more than half of the bytes, and the HTML parser reads them character
/// by character; a byte scan removes them many times faster. Only whole elements and comments
/// are removed, so the parser sees the same document structure.
enum MarkupPrefilter {
    private static let dropped: [[UInt8]] = [
        "script", "style", "svg", "noscript", "template", "iframe", "picture", "video", "audio", "canvas", "object", "select", "button",
    ].map { Array($0.utf8) }
    /// Void elements the cleaner never reads, often long (`srcset`): the tag alone is cut.
    private static let droppedVoid: [[UInt8]] = ["img", "source", "input", "embed", "track", "wbr"].map { Array($0.utf8) }

    /// The page without comments and script, style, svg, noscript and template elements.
    static func strip(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2)
        input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var copyStart = 0
            var index = 0
            func keep(upTo end: Int) {
                if end > copyStart { output.append(contentsOf: UnsafeBufferPointer(start: base + copyStart, count: end - copyStart)) }
            }
            while index < count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + 1 < count else { break }
                let next = buffer[index + 1]
                if next == UInt8(ascii: "!"), index + 3 < count, buffer[index + 2] == UInt8(ascii: "-"), buffer[index + 3] == UInt8(ascii: "-") {
                    let end = find(buffer, "-->", from: index + 4).map { $0 + 3 } ?? count
                    keep(upTo: index)
                    index = end
                    copyStart = end
                    continue
                }
                let letter = next | 0x20
                guard letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") else {
                    index += 1
                    continue
                }
                if droppedVoid.contains(where: { matchesTagName(buffer, at: index + 1, $0) }) {
                    guard let tagEnd = tagEnd(buffer, from: index + 1) else { break }
                    keep(upTo: index)
                    index = tagEnd + 1
                    copyStart = index
                    continue
                }
                guard let name = dropped.firstIndex(where: { matchesTagName(buffer, at: index + 1, $0) }) else {
                    // Any other start tag: rewrite it with only the attributes the cleaner reads.
                    keep(upTo: index)
                    let written = output.count
                    guard let end = rewriteStartTag(buffer, at: index, into: &output) else {
                        // An unterminated tag at the end: leave it as it was.
                        output.removeSubrange(written...)
                        copyStart = index
                        break
                    }
                    index = end
                    copyStart = end
                    continue
                }
                guard let startTagEnd = tagEnd(buffer, from: index + 1) else { break }
                let tagName = dropped[name]
                // Without a closing tag only the start tag goes, so a stray <button> cannot eat the page.
                let closing = findClosingTag(buffer, tagName, from: startTagEnd + 1)
                let elementEnd = closing.flatMap { find(buffer, ">", from: $0).map { $0 + 1 } } ?? (startTagEnd + 1)
                if name == 0 && startTagDeclaresJSONLD(buffer, from: index, to: startTagEnd) {
                    index = elementEnd
                    continue
                }
                keep(upTo: index)
                index = elementEnd
                copyStart = elementEnd
            }
            keep(upTo: count)
        }
        return output
    }

    /// Attribute names the cleaner reads (everything else is cut before parsing), packed by
    /// ``packedName(_:_:)`` so a start tag's attributes are checked without allocating.
    private static let keptAttributes: [PackedName] = [
        "class", "id", "role", "style", "hidden", "aria-hidden", "name", "property", "content", "http-equiv",
        "rel", "lang", "xml:lang", "datetime", "itemprop", "type", "charset",
    ].map { name in Array(name.utf8).withUnsafeBufferPointer { packedName($0, 0..<$0.count) } }
    private static let hrefName = Array("href".utf8).withUnsafeBufferPointer { packedName($0, 0..<$0.count) }
    private static let linkName = Array("link".utf8)

    /// An attribute name of at most 12 bytes, lower-cased, in two words: bytes 0–7 in the first,
    /// bytes 8–11 and the length in the second.
    private struct PackedName: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
    }

    private static func packedName(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> PackedName {
        var name = PackedName()
        for (k, index) in range.prefix(12).enumerated() {
            let byte = buffer[index]
            let lowered = UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            if k < 8 { name.low |= lowered << (8 * k) } else { name.high |= lowered << (8 * (k - 8)) }
        }
        name.high |= UInt64(range.count) << 56
        return name
    }

    /// Copies the start tag at `start` (`<name …>`) to `output` with only kept attributes; returns the
    /// index after its `>`, or `nil` when the tag never ends.
    private static func rewriteStartTag(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8]) -> Int? {
        let count = buffer.count
        var index = start + 1
        while index < count, !isTagSpace(buffer[index]), buffer[index] != UInt8(ascii: ">"), buffer[index] != UInt8(ascii: "/") { index += 1 }
        let nameRange = (start + 1)..<index
        let isLink = nameRange.count == 4 && zip(buffer[nameRange], linkName).allSatisfy { $0 | 0x20 == $1 }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
        while index < count {
            while index < count, isTagSpace(buffer[index]) || buffer[index] == UInt8(ascii: "/") { index += 1 }
            guard index < count else { return nil }
            if buffer[index] == UInt8(ascii: ">") {
                output.append(UInt8(ascii: ">"))
                return index + 1
            }
            let attributeStart = index
            while index < count, !isTagSpace(buffer[index]), buffer[index] != UInt8(ascii: "="), buffer[index] != UInt8(ascii: ">"), buffer[index] != UInt8(ascii: "/") { index += 1 }
            let attributeName = attributeStart..<index
            var scan = index
            while scan < count, isTagSpace(buffer[scan]) { scan += 1 }
            if scan < count, buffer[scan] == UInt8(ascii: "=") {
                scan += 1
                while scan < count, isTagSpace(buffer[scan]) { scan += 1 }
                guard scan < count else { return nil }
                let quote = buffer[scan]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    scan += 1
                    while scan < count, buffer[scan] != quote { scan += 1 }
                    guard scan < count else { return nil }
                    scan += 1
                } else {
                    while scan < count, !isTagSpace(buffer[scan]), buffer[scan] != UInt8(ascii: ">") { scan += 1 }
                }
                index = scan
            }
            guard attributeName.count > 0, attributeName.count <= 12 else {
                if attributeName.isEmpty { index += 1 }
                continue
            }
            let name = packedName(buffer, attributeName)
            if keptAttributes.contains(name) || (isLink && name == hrefName) {
                output.append(0x20)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[attributeStart..<index]))
            }
        }
        return nil
    }

    @inline(__always)
    private static func isTagSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// The `>` ending a start tag, skipping quoted attribute values.
    private static func tagEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var quote: UInt8 = 0
        while index < buffer.count {
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // Only a quote that opens a value (after `=`, maybe with spaces) starts a quoted run.
                var back = index - 1
                while back > start, buffer[back] == 0x20 || buffer[back] == 0x0A || buffer[back] == 0x09 { back -= 1 }
                if buffer[back] == UInt8(ascii: "=") { quote = byte }
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// True when `name` (lowercase) starts at `start`, in any case, followed by a tag-name end.
    private static func matchesTagName(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, _ name: [UInt8]) -> Bool {
        guard start + name.count < buffer.count else { return false }
        for offset in 0..<name.count where buffer[start + offset] | 0x20 != name[offset] { return false }
        let after = buffer[start + name.count]
        return after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x0C
    }

    private static func find(_ buffer: UnsafeBufferPointer<UInt8>, _ pattern: StaticString, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count else { return nil }
        return pattern.withUTF8Buffer { needle -> Int? in
            guard let needleBase = needle.baseAddress else { return nil }
            let first = Int32(needle[0])
            var index = start
            while index < buffer.count {
                guard let found = memchr(base + index, first, buffer.count - index) else { return nil }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + needle.count <= buffer.count, memcmp(base + index, needleBase, needle.count) == 0 { return index }
                index += 1
            }
            return nil
        }
    }

    /// Position of `</name` (any case) at or after `start`.
    private static func findClosingTag(_ buffer: UnsafeBufferPointer<UInt8>, _ name: [UInt8], from start: Int) -> Int? {
        var index = start
        while let position = find(buffer, "</", from: index) {
            if matchesTagName(buffer, at: position + 2, name) { return position }
            index = position + 2
        }
        return nil
    }

    private static func startTagDeclaresJSONLD(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let pattern = Array("ld+json".utf8)
        guard end - start >= pattern.count else { return false }
        outer: for position in start...(end - pattern.count) {
            for offset in 0..<pattern.count where buffer[position + offset] | 0x20 != pattern[offset] { continue outer }
            return true
        }
        return false
    }
}
