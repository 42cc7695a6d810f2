public import GazetteCore

/// The entries of a ``Gazetteer``, kept as compact records and decoded on access.
///
/// A hundred thousand entries as Swift values (a dozen strings and three collections each) cost
/// over 100 MB and most of a start-up to build; as records in one byte buffer they cost a tenth and
/// load in one copy. The fields the matcher and resolver read for every candidate (type, prior,
/// country, subtype) have arrays of their own.
public struct GazetteerEntries: RandomAccessCollection, Sendable {
    /// Serialized records (``GazetteerEntries/encode(_:into:)``), one after another.
    let records: [UInt8]
    /// Where each record starts in ``records``; one more element than there are entries.
    let offsets: [UInt32]
    let types: [UInt8]
    let priors: [Double]
    /// Two ASCII letters packed (`U` << 8 | `A`), 0 for none.
    let countries: [UInt16]
    /// Index into ``subtypeNames``.
    let subtypes: [UInt16]
    let subtypeNames: [String]
    /// Index into ``sourceNames``.
    let sources: [UInt16]
    let sourceNames: [String]

    public var startIndex: Int { 0 }
    public var endIndex: Int { types.count }

    /// The full entry at `position`.
    public subscript(position: Int) -> GazetteerEntry {
        var reader = BinaryReader(bytes: records, offset: Int(offsets[position]))
        let decoded = GazetteerEntries.decode(&reader, type: type(at: position), country: country(at: position), subtype: subtype(at: position))
        // Records were checked when the gazetteer was built or loaded; a record that still fails
        // to decode reads as an entry with its fixed fields only.
        return decoded ?? GazetteerEntry(id: "", type: type(at: position), name: "", country: country(at: position), subtype: subtype(at: position))
    }

    /// What the resolver reads of an entry besides its fixed fields, without the alias lists.
    package struct LinkFields: Sendable {
        /// The canonical name.
        package var name: String
        /// The Wikidata QID, if a source gave one.
        package var wikidata: String?
        /// The role (`President of France`), or empty.
        package var role: String
        /// The place's coordinates.
        package var coordinates: Coordinates?
        /// How well known the entry is, if a source said.
        package var popularity: Double?
    }

    /// The entry's name, QID, role, coordinates and popularity, read past its alias lists
    /// without building them (an entry known in many languages carries hundreds of aliases, and
    /// building them made each full decode cost about 10,000 instructions); `nil` for a damaged record.
    package func linkFields(at position: Int) -> LinkFields? {
        var input = BinaryReader(bytes: records, offset: Int(offsets[position]))
        guard input.skipString(), let name = input.string() else { return nil }
        for _ in 0..<3 { guard input.skipStrings() else { return nil } }
        guard let role = input.string(), input.skipString(), let wikidata = input.string(), input.skipString(),
              let population = input.varint(), population <= UInt64(Int.max), let place = GazetteerEntries.readPlace(&input) else { return nil }
        return LinkFields(name: name, wikidata: wikidata.isEmpty ? nil : wikidata, role: role, coordinates: place.point, popularity: place.popularity)
    }

    /// The entry's type, without decoding the record.
    public func type(at position: Int) -> EntityType {
        let all = EntityType.allCases
        let index = Int(types[position])
        return index < all.count ? all[index] : .place
    }

    /// The entry's prior (``GazetteerEntry/prior``), without decoding the record.
    public func prior(at position: Int) -> Double { priors[position] }

    /// The entry's ISO country code or an empty string, without decoding the record.
    public func country(at position: Int) -> String {
        let packed = countries[position]
        guard packed != 0 else { return "" }
        return String(decoding: [UInt8(packed >> 8), UInt8(packed & 0xFF)], as: UTF8.self)
    }

    /// The entry's subtype or an empty string, without decoding the record.
    public func subtype(at position: Int) -> String {
        let index = Int(subtypes[position])
        return index < subtypeNames.count ? subtypeNames[index] : ""
    }

    /// The entry's source (``GazetteerEntry/source``), without decoding the record.
    public func source(at position: Int) -> String {
        let index = Int(sources[position])
        return index < sourceNames.count ? sourceNames[index] : ""
    }

    /// The entry's canonical id and name (the first two fields of its record).
    public func idAndName(at position: Int) -> (id: String, name: String) {
        var reader = BinaryReader(bytes: records, offset: Int(offsets[position]))
        return (reader.string() ?? "", reader.string() ?? "")
    }

    /// Builds the storage of `entries`.
    init(_ entries: [GazetteerEntry]) {
        var writer = BinaryWriter()
        var offsets: [UInt32] = [0]
        var types: [UInt8] = []
        var priors: [Double] = []
        var countries: [UInt16] = []
        var subtypes = StringTable()
        var sources = StringTable()
        offsets.reserveCapacity(entries.count + 1)
        for entry in entries {
            GazetteerEntries.encode(entry, into: &writer)
            offsets.append(UInt32(truncatingIfNeeded: writer.output.count))
            types.append(UInt8(EntityType.allCases.firstIndex(of: entry.type) ?? 0))
            priors.append(entry.prior)
            countries.append(GazetteerEntries.pack(country: entry.country))
            subtypes.append(entry.subtype)
            sources.append(entry.source)
        }
        self.init(records: writer.output, offsets: offsets, types: types, priors: priors, countries: countries,
                  subtypes: subtypes.indices, subtypeNames: subtypes.names, sources: sources.indices, sourceNames: sources.names)
    }

    /// Few distinct strings (subtypes, sources) stored once, each entry holding an index.
    private struct StringTable {
        var indices: [UInt16] = []
        var names: [String] = []
        var known: [String: UInt16] = [:]
        mutating func append(_ value: String) {
            if let index = known[value] { indices.append(index); return }
            // Past 65,535 distinct values (not seen in practice) the value is dropped to "".
            guard names.count < Int(UInt16.max) else { append(""); return }
            let index = UInt16(names.count)
            known[value] = index
            names.append(value)
            indices.append(index)
        }
    }

    init(records: [UInt8], offsets: [UInt32], types: [UInt8], priors: [Double], countries: [UInt16], subtypes: [UInt16], subtypeNames: [String],
         sources: [UInt16], sourceNames: [String]) {
        self.records = records
        self.offsets = offsets
        self.types = types
        self.priors = priors
        self.countries = countries
        self.subtypes = subtypes
        self.subtypeNames = subtypeNames
        self.sources = sources
        self.sourceNames = sourceNames
    }

    /// True when the parts fit together: as many fixed fields as entries, offsets rising inside
    /// the records, and every record readable to its end.
    func isConsistent() -> Bool {
        let count = types.count
        guard offsets.count == count + 1, priors.count == count, countries.count == count, subtypes.count == count, sources.count == count,
              offsets.first == 0, offsets.last.map({ Int($0) == records.count }) == true else { return false }
        for position in 0..<count {
            let start = Int(offsets[position]), end = Int(offsets[position + 1])
            guard start <= end, Int(types[position]) < EntityType.allCases.count,
                  Int(subtypes[position]) < subtypeNames.count, Int(sources[position]) < sourceNames.count else { return false }
            var reader = BinaryReader(bytes: records, offset: start)
            guard GazetteerEntries.skip(&reader), reader.offset == end else { return false }
        }
        return true
    }

    /// `UA` → `0x5541`; anything but two ASCII letters → 0.
    static func pack(country: String) -> UInt16 {
        let bytes = Array(country.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x61 && $0 <= 0x7A }) else { return 0 }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    // Record layout: id, name, aliases, ambiguous aliases, list ids, role, source, wikidata
    // (empty for none), wikidata source, population + 1 (0 for none), coordinates (flag, then two
    // doubles), popularity (flag, then a double). Strings and counts are LEB128 varints.

    static func encode(_ entry: GazetteerEntry, into out: inout BinaryWriter) {
        out.string(entry.id)
        out.string(entry.name)
        out.strings(entry.aliases)
        out.strings(entry.ambiguousAliases.sorted())
        out.strings(entry.listIDs)
        out.string(entry.role)
        out.string(entry.source)
        out.string(entry.wikidata ?? "")
        out.string(entry.wikidataSource)
        out.varint(entry.population.map { UInt64($0) + 1 } ?? 0)
        if let point = entry.coordinates {
            out.u8(1)
            out.u64(point.latitude.bitPattern)
            out.u64(point.longitude.bitPattern)
        } else {
            out.u8(0)
        }
        if let popularity = entry.popularity {
            out.u8(1)
            out.u64(popularity.bitPattern)
        } else {
            out.u8(0)
        }
    }

    static func decode(_ input: inout BinaryReader, type: EntityType, country: String, subtype: String) -> GazetteerEntry? {
        guard let id = input.string(), let name = input.string(), let aliases = input.strings(), let ambiguous = input.strings(),
              let listIDs = input.strings(), let role = input.string(), let source = input.string(),
              let wikidata = input.string(), let wikidataSource = input.string(), let population = input.varint(),
              population <= UInt64(Int.max), let place = readPlace(&input) else { return nil }
        return GazetteerEntry(
            id: id, type: type, name: name, aliases: aliases, ambiguousAliases: Set(ambiguous), country: country, subtype: subtype,
            population: population == 0 ? nil : Int(population - 1), role: role, source: source,
            wikidata: wikidata.isEmpty ? nil : wikidata, wikidataSource: wikidataSource, coordinates: place.point,
            popularity: place.popularity, listIDs: listIDs)
    }

    /// The record's last fields: coordinates (flag, then two doubles) and popularity (flag, then a
    /// double); `nil` when they are damaged.
    static func readPlace(_ input: inout BinaryReader) -> (point: Coordinates?, popularity: Double?)? {
        guard let hasPoint = input.u8() else { return nil }
        var point: Coordinates? = nil
        if hasPoint == 1 {
            guard let latitude = input.u64(), let longitude = input.u64() else { return nil }
            point = Coordinates(latitude: Double(bitPattern: latitude), longitude: Double(bitPattern: longitude))
        }
        guard let hasPopularity = input.u8() else { return nil }
        var popularity: Double? = nil
        if hasPopularity == 1 {
            guard let bits = input.u64() else { return nil }
            popularity = Double(bitPattern: bits)
        }
        return (point, popularity)
    }

    /// Walks one record without building it; false if it is damaged.
    static func skip(_ input: inout BinaryReader) -> Bool {
        for _ in 0..<2 { guard input.skipString() else { return false } }
        for _ in 0..<3 { guard input.skipStrings() else { return false } }
        for _ in 0..<4 { guard input.skipString() else { return false } }
        guard let population = input.varint(), population <= UInt64(Int.max), let hasPoint = input.u8(), hasPoint <= 1,
              hasPoint == 0 || (input.u64() != nil && input.u64() != nil),
              let hasPopularity = input.u8(), hasPopularity <= 1, hasPopularity == 0 || input.u64() != nil else { return false }
        return true
    }
}

/// Entry positions by id (canonical ids and list ids), as an open-addressing hash table.
package struct GazetteerIDIndex: Sendable {
    /// Each id's entry position.
    let idEntries: [Int32]
    /// Where each id starts in ``idBytes``; one more element than there are ids.
    let idOffsets: [UInt32]
    let idBytes: [UInt8]
    /// Power-of-two table of id numbers + 1 (0 for an empty slot).
    let slots: [UInt32]

    /// The position of the entry with this canonical or list id.
    public subscript(id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = GazetteerIDIndex.slot(of: id, mask: mask)
        var id = id
        return id.withUTF8 { wanted -> Int? in
            for _ in 0..<slots.count {
                let stored = Int(slots[slot])
                if stored == 0 { return nil }
                let number = stored - 1
                let start = Int(idOffsets[number]), end = Int(idOffsets[number + 1])
                if end - start == wanted.count, idBytes.withUnsafeBufferPointer({ all in
                    wanted.elementsEqual(UnsafeBufferPointer(rebasing: all[start..<end]))
                }) {
                    return Int(idEntries[number])
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Indexes `(id, entry position)` pairs; the first pair for an id wins.
    init(_ pairs: [(id: String, entry: Int)]) {
        var idEntries: [Int32] = []
        var idOffsets: [UInt32] = [0]
        var idBytes: [UInt8] = []
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (id, entry) in pairs {
            var slot = GazetteerIDIndex.slot(of: id, mask: mask)
            var text = id
            let inserted = text.withUTF8 { bytes -> Bool in
                while slots[slot] != 0 {
                    let number = Int(slots[slot]) - 1
                    let start = Int(idOffsets[number]), end = Int(idOffsets[number + 1])
                    if idBytes[start..<end].elementsEqual(bytes) { return false }
                    slot = (slot + 1) & mask
                }
                slots[slot] = UInt32(idEntries.count + 1)
                idBytes.append(contentsOf: bytes)
                return true
            }
            guard inserted else { continue }
            idEntries.append(Int32(entry))
            idOffsets.append(UInt32(truncatingIfNeeded: idBytes.count))
        }
        self.init(idEntries: idEntries, idOffsets: idOffsets, idBytes: idBytes, slots: slots)
    }

    init(idEntries: [Int32], idOffsets: [UInt32], idBytes: [UInt8], slots: [UInt32]) {
        self.idEntries = idEntries
        self.idOffsets = idOffsets
        self.idBytes = idBytes
        self.slots = slots
    }

    /// True when the parts fit together and every id points at one of `entryCount` entries.
    func isConsistent(entryCount: Int) -> Bool {
        guard idOffsets.count == idEntries.count + 1, idOffsets.first == 0, idOffsets.last.map({ Int($0) == idBytes.count }) == true,
              slots.count >= 16, slots.count & (slots.count - 1) == 0, slots.count > idEntries.count else { return false }
        for k in idEntries.indices where idEntries[k] < 0 || Int(idEntries[k]) >= entryCount || idOffsets[k] > idOffsets[k + 1] { return false }
        return slots.allSatisfy { Int($0) <= idEntries.count }
    }

    static func slot(of id: String, mask: Int) -> Int {
        Int(truncatingIfNeeded: TokenHash.combine(TokenHash.empty, TokenHash.string(id))) & mask
    }
}

/// The alias forms of a ``Gazetteer`` grouped by index key, behind an open-addressing table.
struct AliasTable: Sendable {
    /// Every form, grouped so that the forms of one key are contiguous.
    let forms: [Gazetteer.AliasForm]
    /// The bytes of the forms as written (``Gazetteer/AliasForm/formStart``).
    let formBytes: [UInt8]
    /// Power-of-two tables: a slot's key, its first form and its form count (0 for empty).
    let keys: [UInt64]
    let starts: [UInt32]
    let counts: [UInt32]

    /// The forms indexed under `key`, if any.
    @inline(__always)
    subscript(key: UInt64) -> ArraySlice<Gazetteer.AliasForm>? {
        guard !keys.isEmpty else { return nil }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while counts[slot] != 0 {
            if keys[slot] == key {
                let start = Int(starts[slot])
                return forms[start..<(start + Int(counts[slot]))]
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Groups `(key, form)` pairs into a table.
    init(_ pairs: [(key: UInt64, form: Gazetteer.AliasForm)], formBytes: [UInt8]) {
        let sorted = pairs.enumerated().sorted { $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset }
        var forms: [Gazetteer.AliasForm] = []
        forms.reserveCapacity(sorted.count)
        var groups: [(key: UInt64, start: Int, count: Int)] = []
        for (_, pair) in sorted {
            if let last = groups.last, last.key == pair.key {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((pair.key, forms.count, 1))
            }
            forms.append(pair.form)
        }
        var capacity = 16
        while capacity * 5 < groups.count * 8 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var starts = [UInt32](repeating: 0, count: capacity)
        var counts = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for group in groups {
            var slot = Int(truncatingIfNeeded: group.key) & mask
            while counts[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = group.key
            starts[slot] = UInt32(group.start)
            counts[slot] = UInt32(group.count)
        }
        self.init(forms: forms, formBytes: formBytes, keys: keys, starts: starts, counts: counts)
    }

    init(forms: [Gazetteer.AliasForm], formBytes: [UInt8], keys: [UInt64], starts: [UInt32], counts: [UInt32]) {
        self.forms = forms
        self.formBytes = formBytes
        self.keys = keys
        self.starts = starts
        self.counts = counts
    }

    /// True when every slot's forms and every form's bytes and entry are in range, and the table
    /// has an empty slot (so a look-up ends).
    func isConsistent(entryCount: Int) -> Bool {
        guard !keys.isEmpty, keys.count & (keys.count - 1) == 0, starts.count == keys.count, counts.count == keys.count,
              counts.contains(0) else { return false }
        for slot in keys.indices where counts[slot] != 0 {
            guard Int(starts[slot]) + Int(counts[slot]) <= forms.count else { return false }
        }
        return forms.allSatisfy { form in
            form.entry >= 0 && Int(form.entry) < entryCount && Int(form.formStart) + Int(form.formLength) <= formBytes.count
        }
    }
}

/// A set of 64-bit keys (the prefixes of multi-token names), as an open-addressing table.
struct KeySet: Sendable {
    /// Power-of-two table; `occupied` says which slots hold a key.
    let keys: [UInt64]
    let occupied: [Bool]

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard !keys.isEmpty else { return false }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while occupied[slot] {
            if keys[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    init(_ values: Set<UInt64>) {
        var capacity = 16
        while capacity * 5 < values.count * 8 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var occupied = [Bool](repeating: false, count: capacity)
        let mask = capacity - 1
        for value in values.sorted() {
            var slot = Int(truncatingIfNeeded: value) & mask
            while occupied[slot] { slot = (slot + 1) & mask }
            keys[slot] = value
            occupied[slot] = true
        }
        self.init(keys: keys, occupied: occupied)
    }

    init(keys: [UInt64], occupied: [Bool]) {
        self.keys = keys
        self.occupied = occupied
    }

    /// True when the table is a power of two with at least one free slot.
    var isConsistent: Bool {
        !keys.isEmpty && keys.count & (keys.count - 1) == 0 && occupied.count == keys.count && occupied.contains(false)
    }
}
