import GazetteCore

/// The word lists the recogniser uses as cues (given names, title words, organisation and place
/// suffixes, demonyms, name particles), stored as hashes of their lower-cased words.
///
/// Built from the loaded ``Lexicons`` (`gazetteers/lexicons/`); a small built-in core (prepositions of place, the most
/// common titles and suffixes) is always present so the cues work without the files.
public struct RecognizerLexicons: Sendable {
    /// One bit per list a word belongs to.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// A given name (`Timur`, `Angela`).
        public static let givenName = Flags(rawValue: 1 << 0)
        /// A title or role word that precedes a name (`President`, `Minister`, `spokesman`).
        public static let title = Flags(rawValue: 1 << 1)
        /// A word that ends organisation names (`Ministry`, `Inc.`, `Bank`, `Party`).
        public static let orgSuffix = Flags(rawValue: 1 << 2)
        /// A word that starts organisation names (`Ministry` in `Ministry of X`, `University`).
        public static let orgPrefix = Flags(rawValue: 1 << 3)
        /// A word that ends place names (`Oblast`, `Province`, `County`).
        public static let placeSuffix = Flags(rawValue: 1 << 4)
        /// A nationality adjective or demonym (`Russian`, `Ukrainians`).
        public static let demonym = Flags(rawValue: 1 << 5)
        /// A particle inside person names (`van`, `de`, `bin`).
        public static let particle = Flags(rawValue: 1 << 6)
        /// A preposition that introduces places (`in`, `near`, `outside`, `from`).
        public static let placePreposition = Flags(rawValue: 1 << 7)
        /// A month, weekday or holiday name (capitalised but never an entity on its own).
        public static let calendar = Flags(rawValue: 1 << 8)
        /// A verb of a match result between two sides (`beat`, `defeated`, `lost`).
        public static let contestVerb = Flags(rawValue: 1 << 9)
        /// A noun of office or rule a person's name qualifies (`administration`, `government`, `presidency`).
        public static let personAttribute = Flags(rawValue: 1 << 10)
        /// A word after a name and a hyphen that makes the name attributive (`era` in `Trump-era`, `led`).
        public static let attributiveSuffix = Flags(rawValue: 1 << 11)
    }

    /// List membership per lower-cased word hash.
    private(set) var words = WordTable<UInt16>(capacity: 4096)
    /// Number of words loaded from files (for diagnostics).
    public private(set) var loadedWordCount = 0

    /// The built-in core lists only.
    public init() {
        for w in ["in", "near", "outside", "from", "at", "into", "across", "throughout", "towards", "toward", "around", "inside", "to", "via"] {
            add(w, .placePreposition)
        }
        for w in ["president", "minister", "ambassador", "spokesman", "spokeswoman", "spokesperson", "ceo", "general", "gen.",
                  "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prime", "chancellor", "premier", "senator", "sen.",
                  "governor", "gov.", "mayor", "king", "queen", "prince", "princess", "pope", "secretary", "chairman",
                  "chairwoman", "director", "leader", "judge", "coach", "captain", "colonel", "col.", "lieutenant",
                  "sergeant", "commander", "admiral", "minister", "deputy", "envoy", "rep.", "representative", "sheikh",
                  "president-elect", "economist", "analyst", "striker", "midfielder", "defender", "goalkeeper"] {
            add(w, .title)
        }
        for w in ["ministry", "inc.", "inc", "ltd", "ltd.", "plc", "corp.", "corp", "co.", "llc", "ag", "sa", "nv", "gmbh",
                  "group", "bank", "university", "party", "army", "agency", "council", "court", "committee", "commission",
                  "association", "federation", "union", "company", "corporation", "institute", "foundation", "fund",
                  "board", "authority", "office", "department", "service", "police", "navy", "force", "forces", "front",
                  "movement", "club", "airlines", "airways", "holdings", "parliament", "assembly", "senate", "congress",
                  "exchange", "bureau", "network", "news", "times", "post", "journal", "reuters", "media"] {
            add(w, .orgSuffix)
        }
        for w in ["ministry", "university", "bank", "department", "office", "court", "council", "committee", "federation",
                  "association", "institute", "party", "union", "church", "house", "league", "organisation", "organization"] {
            add(w, .orgPrefix)
        }
        for w in ["oblast", "province", "region", "county", "district", "krai", "kray", "prefecture", "governorate", "canton",
                  "voivodeship", "municipality", "raion", "okrug", "parish", "borough", "republic", "state", "city", "island",
                  "islands", "valley", "river", "mountains", "sea", "bay", "strait", "peninsula", "gulf", "lake", "desert"] {
            add(w, .placeSuffix)
        }
        for w in ["van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin", "ibn", "al",
                  "el", "ben", "abu", "mac", "st.", "y", "dos", "das", "ter", "ten", "zu"] {
            add(w, .particle)
        }
        for w in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "christmas", "easter", "ramadan", "thanksgiving"] {
            add(w, .calendar)
        }
        for w in ["beat", "beats", "defeated", "defeats", "lost", "loses", "edged", "routed", "drew"] {
            add(w, .contestVerb)
        }
        for w in ["administration", "government", "presidency", "cabinet", "campaign", "era"] {
            add(w, .personAttribute)
        }
        for w in ["era", "led", "backed", "allied", "appointed", "style"] {
            add(w, .attributiveSuffix)
        }
    }

    /// The built-in core plus the loaded lists (`given-names`, `person-titles`, `org-suffixes`,
    /// `org-prefixes`, `place-suffixes`, `person-name-particles`, `holidays`, `contest-verbs`,
    /// `person-attributes`, `attributive-suffixes` and the demonyms).
    public init(_ lexicons: Lexicons) {
        self.init()
        let lists: [(String, Flags)] = [
            ("given-names", .givenName), ("person-titles", .title), ("org-suffixes", .orgSuffix),
            ("org-prefixes", .orgPrefix), ("place-suffixes", .placeSuffix), ("person-name-particles", .particle),
            ("holidays", .calendar), ("contest-verbs", .contestVerb), ("person-attributes", .personAttribute),
            ("attributive-suffixes", .attributiveSuffix),
        ]
        for (name, flag) in lists {
            for entry in lexicons.list(name).sorted() { addEntry(entry, flag) }
        }
        for demonym in lexicons.demonyms.keys.sorted() { addEntry(demonym, .demonym) }
    }

    /// Adds a lexicon entry: the last word of a multi-word title, suffix or demonym counts (the word
    /// next to the name), the first word of a prefix, every word of a particle.
    mutating func addEntry(_ entry: String, _ flag: Flags) {
        let parts = entry.split(separator: " ").map(String.init)
        guard let firstWord = parts.first, let lastWord = parts.last else { return }
        loadedWordCount += 1
        switch flag {
        case .particle:
            for p in parts { add(p, flag) }
        case .orgPrefix:
            add(firstWord, flag)
        default:
            add(lastWord, flag)
        }
    }

    private mutating func add(_ word: String, _ flag: Flags) {
        words.insertBits(FeatureHash.lowercased(word), flag.rawValue)
        if word.hasSuffix("."), word.utf8.count > 1 {
            words.insertBits(FeatureHash.lowercased(String(word.dropLast())), flag.rawValue)
        }
    }

    /// The lists the word with lower-cased hash `hash` belongs to.
    @inline(__always)
    func flags(_ hash: UInt64) -> Flags { Flags(rawValue: words[hash]) }
}
