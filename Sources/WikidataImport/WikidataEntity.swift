/// The parts of one Wikidata item that an import uses: labels and aliases in the chosen
/// languages, a few statements, and the number of sitelinks.
struct WikidataEntity: Sendable, Equatable {
    var id = ""
    var isItem = false
    /// Labels by language, for the chosen languages only.
    var labels: [String: String] = [:]
    /// Aliases by language, for the chosen languages only.
    var aliases: [String: [String]] = [:]
    /// Item values of P31 (instance of), P106 (occupation), P17 (country), P27 (citizenship).
    var instanceOf: [String] = []
    var occupations: [String] = []
    var countries: [String] = []
    var citizenships: [String] = []
    /// P625 (coordinate location), first non-deprecated value.
    var coordinates: (latitude: Double, longitude: Double)?
    /// P1082 (population): the preferred value, else the first.
    var population: Double?
    /// P297 (ISO 3166-1 alpha-2 code), for countries.
    var isoCode: String?
    var sitelinks = 0

    static func == (lhs: WikidataEntity, rhs: WikidataEntity) -> Bool {
        lhs.id == rhs.id && lhs.labels == rhs.labels && lhs.aliases == rhs.aliases && lhs.instanceOf == rhs.instanceOf
            && lhs.sitelinks == rhs.sitelinks && lhs.population == rhs.population && lhs.isoCode == rhs.isoCode
            && lhs.coordinates?.latitude == rhs.coordinates?.latitude && lhs.coordinates?.longitude == rhs.coordinates?.longitude
    }

    /// Parses one entity line of the dump (without its trailing comma), keeping labels and
    /// aliases in `languages`.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, languages: Set<String>) throws(JSONPullScanner.Failure) -> WikidataEntity {
        var entity = WikidataEntity()
        var scanner = JSONPullScanner(line)
        try scanner.object { scanner, key throws(JSONPullScanner.Failure) in
            if key.equals("id") {
                entity.id = try scanner.string()
            } else if key.equals("type") {
                entity.isItem = try scanner.string() == "item"
            } else if key.equals("labels") {
                try scanner.object { scanner, language throws(JSONPullScanner.Failure) in
                    let code = String(decoding: language, as: UTF8.self)
                    guard languages.contains(code) else { try scanner.skipValue(); return }
                    if let value = try termValue(&scanner) { entity.labels[code] = value }
                }
            } else if key.equals("aliases") {
                try scanner.object { scanner, language throws(JSONPullScanner.Failure) in
                    let code = String(decoding: language, as: UTF8.self)
                    guard languages.contains(code) else { try scanner.skipValue(); return }
                    var values: [String] = []
                    try scanner.array { scanner throws(JSONPullScanner.Failure) in
                        if let value = try termValue(&scanner) { values.append(value) }
                    }
                    entity.aliases[code] = values
                }
            } else if key.equals("claims") {
                try scanner.object { scanner, property throws(JSONPullScanner.Failure) in
                    try readStatements(&scanner, property: property, into: &entity)
                }
            } else if key.equals("sitelinks") {
                try scanner.object { scanner, _ throws(JSONPullScanner.Failure) in
                    entity.sitelinks += 1
                    try scanner.skipValue()
                }
            } else {
                try scanner.skipValue()
            }
        }
        return entity
    }

    /// `{"language": "en", "value": "Kyiv"}` → `Kyiv`.
    private static func termValue(_ scanner: inout JSONPullScanner) throws(JSONPullScanner.Failure) -> String? {
        var value: String?
        try scanner.object { scanner, key throws(JSONPullScanner.Failure) in
            if key.equals("value") { value = try scanner.string() } else { try scanner.skipValue() }
        }
        return value
    }

    /// One value of a statement's main snak.
    private enum SnakValue {
        case item(String)
        case coordinates(Double, Double)
        case quantity(Double)
        case text(String)
        case none
    }

    private static func readStatements(_ scanner: inout JSONPullScanner, property: UnsafeBufferPointer<UInt8>,
                                       into entity: inout WikidataEntity) throws(JSONPullScanner.Failure) {
        let wanted = property.equals("P31") || property.equals("P106") || property.equals("P17") || property.equals("P27")
            || property.equals("P625") || property.equals("P1082") || property.equals("P297")
        guard wanted else { try scanner.skipValue(); return }
        var preferredPopulation: Double?
        try scanner.array { scanner throws(JSONPullScanner.Failure) in
            var value = SnakValue.none
            var rank = "normal"
            try scanner.object { scanner, key throws(JSONPullScanner.Failure) in
                if key.equals("mainsnak") {
                    value = try mainSnak(&scanner)
                } else if key.equals("rank") {
                    rank = try scanner.string()
                } else {
                    try scanner.skipValue()
                }
            }
            guard rank != "deprecated" else { return }
            switch value {
            case .item(let id):
                if property.equals("P31") { entity.instanceOf.append(id) }
                else if property.equals("P106") { entity.occupations.append(id) }
                else if property.equals("P17") { entity.countries.append(id) }
                else if property.equals("P27") { entity.citizenships.append(id) }
            case .coordinates(let latitude, let longitude):
                if property.equals("P625"), entity.coordinates == nil { entity.coordinates = (latitude, longitude) }
            case .quantity(let amount):
                if property.equals("P1082") {
                    if rank == "preferred", preferredPopulation == nil { preferredPopulation = amount }
                    if entity.population == nil { entity.population = amount }
                }
            case .text(let text):
                if property.equals("P297"), entity.isoCode == nil { entity.isoCode = text }
            case .none:
                break
            }
        }
        if let preferredPopulation { entity.population = preferredPopulation }
    }

    private static func mainSnak(_ scanner: inout JSONPullScanner) throws(JSONPullScanner.Failure) -> SnakValue {
        var value = SnakValue.none
        try scanner.object { scanner, key throws(JSONPullScanner.Failure) in
            guard key.equals("datavalue") else { try scanner.skipValue(); return }
            try scanner.object { scanner, key throws(JSONPullScanner.Failure) in
                guard key.equals("value") else { try scanner.skipValue(); return }
                switch scanner.peek() {
                case UInt8(ascii: "\""):
                    value = .text(try scanner.string())
                case UInt8(ascii: "{"):
                    var id: String?, latitude: Double?, longitude: Double?, amount: Double?
                    try scanner.object { scanner, field throws(JSONPullScanner.Failure) in
                        if field.equals("id") { id = try scanner.string() }
                        else if field.equals("latitude") { latitude = try scanner.number() }
                        else if field.equals("longitude") { longitude = try scanner.number() }
                        else if field.equals("amount") { amount = try scanner.number() }
                        else { try scanner.skipValue() }
                    }
                    if let id { value = .item(id) }
                    else if let latitude, let longitude { value = .coordinates(latitude, longitude) }
                    else if let amount { value = .quantity(amount) }
                default:
                    try scanner.skipValue()
                }
            }
        }
        return value
    }
}
