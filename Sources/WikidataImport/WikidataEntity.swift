import GazetteIO

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
    static func parse(_ line: UnsafeBufferPointer<UInt8>, languages: Set<String>) throws(JSONSyntaxError) -> WikidataEntity {
        var entity = WikidataEntity()
        var scanner = JSONReader(bytes: line, strings: .lenient, unit: "entity")
        // Keys are not checked for repeats: a dump entity has hundreds (claims, sitelinks).
        try scanner.object(duplicates: .keepAll) { scanner, key throws(JSONSyntaxError) in
            if key == "id" {
                entity.id = try scanner.string()
            } else if key == "type" {
                entity.isItem = try scanner.string() == "item"
            } else if key == "labels" {
                try scanner.object(duplicates: .keepAll) { scanner, language throws(JSONSyntaxError) in
                    let code = language
                    guard languages.contains(code) else { try scanner.skipValue(); return }
                    if let value = try termValue(&scanner) { entity.labels[code] = value }
                }
            } else if key == "aliases" {
                try scanner.object(duplicates: .keepAll) { scanner, language throws(JSONSyntaxError) in
                    let code = language
                    guard languages.contains(code) else { try scanner.skipValue(); return }
                    var values: [String] = []
                    try scanner.array { scanner throws(JSONSyntaxError) in
                        if let value = try termValue(&scanner) { values.append(value) }
                    }
                    entity.aliases[code] = values
                }
            } else if key == "claims" {
                try scanner.object(duplicates: .keepAll) { scanner, property throws(JSONSyntaxError) in
                    try readStatements(&scanner, property: property, into: &entity)
                }
            } else if key == "sitelinks" {
                try scanner.object(duplicates: .keepAll) { scanner, _ throws(JSONSyntaxError) in
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
    private static func termValue(_ scanner: inout JSONReader) throws(JSONSyntaxError) -> String? {
        var value: String?
        try scanner.object(duplicates: .keepAll) { scanner, key throws(JSONSyntaxError) in
            if key == "value" { value = try scanner.string() } else { try scanner.skipValue() }
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

    private static func readStatements(_ scanner: inout JSONReader, property: String,
                                       into entity: inout WikidataEntity) throws(JSONSyntaxError) {
        let wanted = property == "P31" || property == "P106" || property == "P17" || property == "P27"
            || property == "P625" || property == "P1082" || property == "P297"
        guard wanted else { try scanner.skipValue(); return }
        var preferredPopulation: Double?
        try scanner.array { scanner throws(JSONSyntaxError) in
            var value = SnakValue.none
            var rank = "normal"
            try scanner.object(duplicates: .keepAll) { scanner, key throws(JSONSyntaxError) in
                if key == "mainsnak" {
                    value = try mainSnak(&scanner)
                } else if key == "rank" {
                    rank = try scanner.string()
                } else {
                    try scanner.skipValue()
                }
            }
            guard rank != "deprecated" else { return }
            switch value {
            case .item(let id):
                if property == "P31" { entity.instanceOf.append(id) }
                else if property == "P106" { entity.occupations.append(id) }
                else if property == "P17" { entity.countries.append(id) }
                else if property == "P27" { entity.citizenships.append(id) }
            case .coordinates(let latitude, let longitude):
                if property == "P625", entity.coordinates == nil { entity.coordinates = (latitude, longitude) }
            case .quantity(let amount):
                if property == "P1082" {
                    if rank == "preferred", preferredPopulation == nil { preferredPopulation = amount }
                    if entity.population == nil { entity.population = amount }
                }
            case .text(let text):
                if property == "P297", entity.isoCode == nil { entity.isoCode = text }
            case .none:
                break
            }
        }
        if let preferredPopulation { entity.population = preferredPopulation }
    }

    private static func mainSnak(_ scanner: inout JSONReader) throws(JSONSyntaxError) -> SnakValue {
        var value = SnakValue.none
        try scanner.object(duplicates: .keepAll) { scanner, key throws(JSONSyntaxError) in
            guard key == "datavalue" else { try scanner.skipValue(); return }
            try scanner.object(duplicates: .keepAll) { scanner, key throws(JSONSyntaxError) in
                guard key == "value" else { try scanner.skipValue(); return }
                switch scanner.peek {
                case UInt8(ascii: "\""):
                    value = .text(try scanner.string())
                case UInt8(ascii: "{"):
                    var id: String?, latitude: Double?, longitude: Double?, amount: Double?
                    try scanner.object(duplicates: .keepAll) { scanner, field throws(JSONSyntaxError) in
                        if field == "id" { id = try scanner.string() }
                        else if field == "latitude" { latitude = try scanner.number() }
                        else if field == "longitude" { longitude = try scanner.number() }
                        else if field == "amount" {
                            // quantities are written as signed decimal strings: "+120500"
                            if scanner.peek == UInt8(ascii: "\"") {
                                let text = try scanner.string()
                                amount = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
                            } else {
                                amount = try scanner.number()
                            }
                        }
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
