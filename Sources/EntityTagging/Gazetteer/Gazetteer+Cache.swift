@_spi(GazetteInternal) public import GazetteCore
import Foundation

/// A compiled gazetteer on disk: the parsed entries and the alias index, so a start-up does not
/// tokenise and fold every alias again. The file name carries a hash of the source files' bytes
/// and the format version, so any edit to a list (or to Gazette's format) makes a new cache.
extension Gazetteer {
    static let cacheFormatVersion: UInt64 = 1

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
            guard let data = FileManager.default.contents(atPath: file) else {
                throw GazetteError(.io, "cannot read gazetteer file \(file)")
            }
            hash = TokenHash.combine(hash, TokenHash.string(file))
            data.withUnsafeBytes { raw in
                hash = TokenHash.combine(hash, StableHash.fnv1a(raw))
            }
        }
        let cachePath = cacheDirectory + "/gazetteer-" + String(hash, radix: 16) + ".bin"
        if let data = FileManager.default.contents(atPath: cachePath), let cached = Gazetteer(compiled: [UInt8](data)) {
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

    /// The default cache folder: `$XDG_CACHE_HOME/gazette`, else `~/.cache/gazette`, else a temp folder.
    public static var defaultCacheDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/gazette" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/gazette" }
        return NSTemporaryDirectory() + "gazette-cache"
    }

    /// The compiled bytes of this gazetteer.
    func compiled() -> [UInt8] {
        var out = BinaryWriter()
        out.u64(Gazetteer.cacheFormatVersion)
        out.u64(UInt64(entries.count))
        for entry in entries {
            out.string(entry.id)
            out.u8(EntityType.allCases.firstIndex(of: entry.type).map(UInt8.init) ?? 0)
            out.string(entry.name)
            out.strings(entry.aliases)
            out.strings(entry.ambiguousAliases.sorted())
            out.string(entry.country)
            out.string(entry.subtype)
            out.u64(entry.population.map { UInt64($0) } ?? UInt64.max)
            out.string(entry.role)
            out.string(entry.source)
        }
        out.u64(UInt64(forms.count))
        for (key, list) in forms {
            out.u64(key)
            out.u64(UInt64(list.count))
            for form in list {
                out.u64(UInt64(form.entry))
                out.u8(form.tokenCount)
                out.u8((form.marked ? 1 : 0) | (form.canonical ? 2 : 0))
                out.u64(form.caseMask)
                out.string(form.form)
            }
        }
        out.u64(UInt64(prefixes.count))
        for prefix in prefixes { out.u64(prefix) }
        out.u64(UInt64(maxTokens))
        out.u64(UInt64(aliasCount))
        return out.bytes
    }

    /// Restores a gazetteer from compiled bytes; nil if they are damaged or of another version.
    init?(compiled bytes: [UInt8]) {
        var input = BinaryReader(bytes: bytes)
        guard input.u64() == Gazetteer.cacheFormatVersion, let entryCount = input.count() else { return nil }
        var entries: [GazetteerEntry] = []
        entries.reserveCapacity(entryCount)
        var entryIndex: [String: Int] = [:]
        entryIndex.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            guard let id = input.string(), let typeIndex = input.u8(), Int(typeIndex) < EntityType.allCases.count,
                  let name = input.string(), let aliases = input.strings(), let ambiguous = input.strings(),
                  let country = input.string(), let subtype = input.string(), let population = input.u64(),
                  population == UInt64.max || population <= UInt64(Int.max),
                  let role = input.string(), let source = input.string() else { return nil }
            entryIndex[id] = entries.count
            entries.append(GazetteerEntry(
                id: id, type: EntityType.allCases[Int(typeIndex)], name: name, aliases: aliases, ambiguousAliases: Set(ambiguous),
                country: country, subtype: subtype, population: population == UInt64.max ? nil : Int(population), role: role, source: source))
        }
        guard let formCount = input.count() else { return nil }
        var forms: [UInt64: [AliasForm]] = [:]
        forms.reserveCapacity(formCount)
        var aliasCount = 0
        for _ in 0..<formCount {
            guard let key = input.u64(), let listCount = input.count() else { return nil }
            var list: [AliasForm] = []
            list.reserveCapacity(listCount)
            for _ in 0..<listCount {
                guard let entry = input.u64(), entry < UInt64(entries.count), let tokenCount = input.u8(), let flags = input.u8(),
                      let caseMask = input.u64(), let form = input.string() else { return nil }
                list.append(AliasForm(entry: Int32(entry), tokenCount: tokenCount, marked: flags & 1 != 0, canonical: flags & 2 != 0, caseMask: caseMask, form: form))
            }
            forms[key] = list
        }
        guard let prefixCount = input.count() else { return nil }
        var prefixes: Set<UInt64> = []
        prefixes.reserveCapacity(prefixCount)
        for _ in 0..<prefixCount {
            guard let prefix = input.u64() else { return nil }
            prefixes.insert(prefix)
        }
        guard let maxTokens = input.u64().flatMap({ Int(exactly: $0) }), let storedAliasCount = input.u64().flatMap({ Int(exactly: $0) }),
              input.isAtEnd else { return nil }
        aliasCount = storedAliasCount
        self.init(entries: entries, entryIndex: entryIndex, forms: forms, prefixes: prefixes, maxTokens: maxTokens, aliasCount: aliasCount)
    }
}

/// Appends little-endian integers and length-prefixed strings.
struct BinaryWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ value: String) {
        u64(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }
    mutating func strings(_ values: [String]) {
        u64(UInt64(values.count))
        for value in values { string(value) }
    }
}

/// Reads what ``BinaryWriter`` wrote; every read returns nil past the end instead of trapping.
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
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        offset += 8
        return value
    }
    /// A count that must fit in the remaining bytes (guards against damaged lengths).
    mutating func count() -> Int? {
        guard let value = u64(), value <= UInt64(bytes.count - offset) else { return nil }
        return Int(value)
    }
    mutating func string() -> String? {
        guard let length = count(), offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
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
}
