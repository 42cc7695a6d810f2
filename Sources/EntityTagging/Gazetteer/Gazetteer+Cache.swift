@_spi(GazetteInternal) public import GazetteCore
import Foundation

/// A compiled gazetteer on disk: the merged entries and the alias index, so a start-up does not
/// parse, tokenise and fold every list again. The file name carries a hash of the list files' paths,
/// sizes and modification times and of the format version, so any edit to a list (or to Gazette's
/// format) makes a new cache.
extension Gazetteer {
    /// 9: person keys read an initial `h` as `g` too (``PhoneticName/readings(_:)``); 10: and
    /// Spanish `j` as `kh`, West Slavic `c` as `ts`, Romanian and Turkish letters spelled out.
    static let cacheFormatVersion: UInt64 = 10

    /// Loads like ``load(directory:extraFiles:)``, through a compiled cache in `cacheDirectory`
    /// (created if missing). A cache that cannot be read or written is rebuilt or skipped silently:
    /// the cache only ever saves time.
    public static func load(directory: String?, extraFiles: [String] = [], cacheDirectory: String?) throws(GazetteError) -> Gazetteer {
        guard let cacheDirectory else { return try load(directory: directory, extraFiles: extraFiles) }
        var files: [String] = []
        if let directory { files = try GazetteerFile.files(in: directory) }
        files += extraFiles
        var hash = StableHash.fnvOffset ^ cacheFormatVersion
        for file in files {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
                  let size = (attributes[.size] as? NSNumber)?.uint64Value,
                  let modified = attributes[.modificationDate] as? Date else {
                throw GazetteError(.io, "cannot read gazetteer file \(file)")
            }
            hash = TokenHash.combine(hash, TokenHash.string(file))
            hash = TokenHash.combine(hash, size)
            hash = TokenHash.combine(hash, modified.timeIntervalSince1970.bitPattern)
        }
        let cachePath = cacheDirectory + "/gazetteer-" + String(hash, radix: 16) + ".bin"
        if let bytes = readFile(cachePath), let cached = Gazetteer(compiled: bytes) {
            return cached
        }
        let gazetteer = try load(directory: directory, extraFiles: extraFiles)
        try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        let temporary = cachePath + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: Data(gazetteer.compiled())) {
            _ = try? FileManager.default.removeItem(atPath: cachePath)
            _ = try? FileManager.default.moveItem(atPath: temporary, toPath: cachePath)
        }
        return gazetteer
    }

    /// The bytes of a file read straight into an array (no intermediate `Data`), or nil.
    static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size < UInt64(Int32.max), (try? handle.seek(toOffset: 0)) != nil else { return nil }
        let descriptor = handle.fileDescriptor
        var failed = false
        guard size > 0 else { return nil }
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            var done = 0
            count = 0
            guard let base = buffer.baseAddress else { failed = true; return }
            while done < buffer.count {
                let got = read(descriptor, base + done, buffer.count - done)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                done += got
            }
            failed = done != buffer.count
            count = done
        }
        return failed ? nil : bytes
    }

    /// The default cache folder: `$XDG_CACHE_HOME/gazette`, else `~/.cache/gazette`, else a temp folder.
    public static var defaultCacheDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/gazette" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/gazette" }
        return NSTemporaryDirectory() + "gazette-cache"
    }

    /// The compiled bytes of this gazetteer: a version, then each part's arrays as counted
    /// little-endian runs (``BinaryWriter``), so loading is a few copies.
    func compiled() -> [UInt8] {
        var out = BinaryWriter()
        out.u64(Gazetteer.cacheFormatVersion)
        out.byteRun(entries.records)
        out.u32s(entries.offsets)
        out.byteRun(entries.types)
        out.u64s(entries.priors.map(\.bitPattern))
        out.u16s(entries.countries)
        out.u16s(entries.subtypes)
        out.strings(entries.subtypeNames)
        out.u16s(entries.sources)
        out.strings(entries.sourceNames)
        out.u32s(entryIndex.idEntries.map { UInt32(bitPattern: $0) })
        out.u32s(entryIndex.idOffsets)
        out.byteRun(entryIndex.idBytes)
        out.u32s(entryIndex.slots)
        out.byteRun(forms.formBytes)
        Gazetteer.write(forms, into: &out)
        out.u64s(prefixes.keys)
        out.byteRun(prefixes.occupied.map { $0 ? 1 : 0 })
        Gazetteer.write(loose, into: &out)
        out.u64s(loosePrefixes.keys)
        out.byteRun(loosePrefixes.occupied.map { $0 ? 1 : 0 })
        for set in [lowercaseStarts, looseLowercaseStarts] {
            out.u64s(set.keys)
            out.byteRun(set.occupied.map { $0 ? 1 : 0 })
        }
        out.u64(UInt64(maxTokens))
        out.u64(UInt64(aliasCount))
        return out.output
    }

    /// An alias table's forms and slots (not its bytes, which the loose table shares).
    private static func write(_ table: AliasTable, into out: inout BinaryWriter) {
        out.u32s(table.forms.map { UInt32(bitPattern: $0.entry) })
        out.u32s(table.forms.map { UInt32($0.tokenCount) | ($0.marked ? 0x100 : 0) | ($0.canonical ? 0x200 : 0) })
        out.u64s(table.forms.map(\.caseMask))
        out.u32s(table.forms.map(\.formStart))
        out.u32s(table.forms.map(\.formLength))
        out.u64s(table.keys)
        out.u32s(table.starts)
        out.u32s(table.counts)
    }

    /// Reads what ``write(_:into:)`` wrote; nil if damaged.
    private static func readTable(_ input: inout BinaryReader, formBytes: [UInt8], entryCount: Int) -> AliasTable? {
        guard let formEntries = input.u32s(), let formFlags = input.u32s(), let caseMasks = input.u64s(),
              let formStarts = input.u32s(), let formLengths = input.u32s(),
              let keys = input.u64s(), let starts = input.u32s(), let counts = input.u32s() else { return nil }
        let formCount = formEntries.count
        guard formFlags.count == formCount, caseMasks.count == formCount, formStarts.count == formCount, formLengths.count == formCount,
              formFlags.allSatisfy({ $0 < 0x400 }) else { return nil }
        var forms: [AliasForm] = []
        forms.reserveCapacity(formCount)
        for k in 0..<formCount {
            let flags = formFlags[k]
            forms.append(AliasForm(entry: Int32(bitPattern: formEntries[k]), tokenCount: UInt8(flags & 0xFF), marked: flags & 0x100 != 0,
                                   canonical: flags & 0x200 != 0, caseMask: caseMasks[k], formStart: formStarts[k], formLength: formLengths[k]))
        }
        let table = AliasTable(forms: forms, formBytes: formBytes, keys: keys, starts: starts, counts: counts)
        return table.isConsistent(entryCount: entryCount) ? table : nil
    }

    /// Restores a gazetteer from compiled bytes; nil if they are damaged or of another version.
    /// Every part is checked (counts, ranges, each entry record) before it is used, so a damaged
    /// cache is rejected rather than trusted.
    init?(compiled bytes: [UInt8]) {
        var input = BinaryReader(bytes: bytes)
        guard input.u64() == Gazetteer.cacheFormatVersion,
              let records = input.byteRun(), let offsets = input.u32s(), let types = input.byteRun(), let priors = input.u64s(),
              let countries = input.u16s(), let subtypes = input.u16s(), let subtypeNames = input.strings(),
              let sources = input.u16s(), let sourceNames = input.strings(),
              let idEntries = input.u32s(), let idOffsets = input.u32s(), let idBytes = input.byteRun(), let slots = input.u32s(),
              let formBytes = input.byteRun() else { return nil }
        let entries = GazetteerEntries(records: records, offsets: offsets, types: types, priors: priors.map { Double(bitPattern: $0) },
                                       countries: countries, subtypes: subtypes, subtypeNames: subtypeNames,
                                       sources: sources, sourceNames: sourceNames)
        guard entries.isConsistent() else { return nil }
        let index = GazetteerIDIndex(idEntries: idEntries.map { Int32(bitPattern: $0) }, idOffsets: idOffsets, idBytes: idBytes, slots: slots)
        guard index.isConsistent(entryCount: entries.count),
              let table = Gazetteer.readTable(&input, formBytes: formBytes, entryCount: entries.count),
              let prefixKeys = input.u64s(), let occupied = input.byteRun(),
              let loose = Gazetteer.readTable(&input, formBytes: formBytes, entryCount: entries.count),
              let looseKeys = input.u64s(), let looseOccupied = input.byteRun(),
              let lowerKeys = input.u64s(), let lowerOccupied = input.byteRun(),
              let looseLowerKeys = input.u64s(), let looseLowerOccupied = input.byteRun(),
              let maxTokens = input.u64().flatMap({ Int(exactly: $0) }), let aliasCount = input.u64().flatMap({ Int(exactly: $0) }),
              input.isAtEnd else { return nil }
        let prefixes = KeySet(keys: prefixKeys, occupied: occupied.map { $0 != 0 })
        let loosePrefixes = KeySet(keys: looseKeys, occupied: looseOccupied.map { $0 != 0 })
        let lowercaseStarts = KeySet(keys: lowerKeys, occupied: lowerOccupied.map { $0 != 0 })
        let looseLowercaseStarts = KeySet(keys: looseLowerKeys, occupied: looseLowerOccupied.map { $0 != 0 })
        guard prefixes.isConsistent, loosePrefixes.isConsistent, lowercaseStarts.isConsistent, looseLowercaseStarts.isConsistent,
              (1...12).contains(maxTokens) else { return nil }
        self.init(entries: entries, entryIndex: index, forms: table, prefixes: prefixes, maxTokens: maxTokens, aliasCount: aliasCount,
                  loose: loose, loosePrefixes: loosePrefixes, lowercaseStarts: lowercaseStarts, looseLowercaseStarts: looseLowercaseStarts)
    }
}

/// Appends little-endian integers, LEB128 varints, length-prefixed strings and counted runs of
/// integers: the compiled gazetteer format.
struct BinaryWriter {
    private(set) var output: [UInt8] = []
    mutating func u8(_ value: UInt8) { output.append(value) }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            output.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        output.append(UInt8(rest))
    }
    mutating func string(_ value: String) {
        varint(UInt64(value.utf8.count))
        output.append(contentsOf: value.utf8)
    }
    mutating func strings(_ values: [String]) {
        varint(UInt64(values.count))
        for value in values { string(value) }
    }
    mutating func byteRun(_ values: [UInt8]) {
        varint(UInt64(values.count))
        output.append(contentsOf: values)
    }
    mutating func u16s(_ values: [UInt16]) {
        varint(UInt64(values.count))
        for value in values { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }
    }
    mutating func u32s(_ values: [UInt32]) {
        varint(UInt64(values.count))
        for value in values { withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) } }
    }
    mutating func u64s(_ values: [UInt64]) {
        varint(UInt64(values.count))
        for value in values { u64(value) }
    }
}

/// Reads what ``BinaryWriter`` wrote; every read returns nil past the end (or for a count larger
/// than the bytes left) instead of trapping or allocating.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    var isAtEnd: Bool { offset == bytes.count }
    mutating func u8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func u64() -> UInt64? {
        guard offset <= bytes.count - 8 else { return nil }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        offset += 8
        return value
    }
    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
    /// A count of items of `width` bytes each that must fit in the bytes left.
    mutating func count(width: Int = 1) -> Int? {
        guard let value = varint(), value <= UInt64(bytes.count - offset) / UInt64(width) else { return nil }
        return Int(value)
    }
    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
    }
    mutating func skipString() -> Bool {
        guard let length = count() else { return false }
        offset += length
        return true
    }
    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }
    mutating func skipStrings() -> Bool {
        guard let n = count() else { return false }
        for _ in 0..<n { guard skipString() else { return false } }
        return true
    }
    mutating func byteRun() -> [UInt8]? {
        guard let n = count() else { return nil }
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }
    mutating func u16s() -> [UInt16]? { run(width: 2) { UInt16($0) } }
    mutating func u32s() -> [UInt32]? { run(width: 4) { UInt32($0) } }
    mutating func u64s() -> [UInt64]? { run(width: 8) { $0 } }

    /// A counted run of little-endian integers of `width` bytes (copied in one go on
    /// little-endian machines).
    private mutating func run<Value: FixedWidthInteger>(width: Int, _ convert: (UInt64) -> Value) -> [Value]? {
        guard let n = count(width: width) else { return nil }
        let start = offset
        offset += n * width
        #if _endian(little)
        if MemoryLayout<Value>.size == width {
            return [Value](unsafeUninitializedCapacity: n) { buffer, count in
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + n * width)]))
                }
                count = n
            }
        }
        #endif
        return bytes.withUnsafeBufferPointer { all in
            (0..<n).map { k in
                var value: UInt64 = 0
                let base = start + k * width
                for b in 0..<width { value |= UInt64(all[base + b]) << UInt64(8 * b) }
                return convert(value)
            }
        }
    }
}
