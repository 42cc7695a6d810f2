import TextAnalysis

/// Words of office, kinds of company and articles that news in other languages than English writes
/// next to a name but that are no part of it: `Bundeskanzler Friedrich Merz`, `Kremlsprecher Dmitri Peskow`,
/// `Канцлер Германии Фридрих Мерц`, `Речник Кремля`, `Premier ministre`, `La Croix-Rouge`.
///
/// A curated list, written by us, of role nouns (and the adjectives that open them: `Генеральный
/// секретарь`) in Russian, Ukrainian, German, French, Spanish, Italian, Portuguese, Polish and
/// Dutch. A Cyrillic word is compared by its stem and oblique stem (``CyrillicNames``), so every
/// case form counts (`Президента`, `президентом`); other words folded for case and diacritics. A
/// German compound counts when it ends in a role noun (`Bundeskanzler`, `Ministerpräsidentin`,
/// `Regierungschef`, `EU-Kommissionspräsidentin`). The English model has cue lists of its own and
/// never reads this.
struct RoleWords: Sendable {
    /// Folded role words (Latin script) and stems (Cyrillic).
    private var words: Set<String> = []
    /// Endings of German compounds that name an office.
    private let compoundEndings: [String]
    /// Articles and determiners that open a name span without being part of the name.
    private var articles: Set<String> = []

    /// The built-in lists, built once.
    static let builtIn = RoleWords()

    /// The built-in lists.
    init() {
        let latin = [
            // German
            "kanzler", "kanzlerin", "präsident", "präsidentin", "präsidenten", "minister", "ministerin", "ministern",
            "sprecher", "sprecherin", "sekretär", "sekretärin", "chef", "chefin", "direktor", "direktorin",
            "vorsitzende", "vorsitzender", "vorsitzenden", "botschafter", "botschafterin", "bürgermeister",
            "bürgermeisterin", "gouverneur", "könig", "königin", "papst", "kommissar", "kommissarin", "machthaber",
            "leiter", "leiterin", "beauftragte", "beauftragter", "gesandte", "gesandter", "staatschef", "regierungschef",
            "premierminister", "premierministerin", "herr", "frau",
            // French
            "président", "présidente", "ministre", "premier", "première", "chancelier", "chancelière", "porte",
            "parole", "secrétaire", "directeur", "directrice", "dirigeant", "dirigeante", "roi", "reine", "pape",
            "ambassadeur", "ambassadrice", "maire", "gouverneur", "général", "commissaire", "chef", "patron", "m.", "mme",
            // Spanish, Italian, Portuguese
            "presidente", "presidenta", "ministro", "ministra", "canciller", "portavoz", "secretario", "secretaria",
            "director", "directora", "rey", "reina", "papa", "embajador", "embajadora", "alcalde", "alcaldesa",
            "gobernador", "gobernadora", "jefe", "jefa", "líder", "primer", "primera", "cancelliere", "portavoce",
            "segretario", "segretaria", "sindaco", "primeiro", "porta-voz",
            // Polish
            "prezydent", "premier", "kanclerz", "rzecznik", "rzeczniczka", "sekretarz", "przewodniczący",
            "przewodnicząca", "szef", "szefowa", "dyrektor", "ambasador", "burmistrz", "prezes", "król", "królowa",
            // Dutch
            "president", "kanselier", "woordvoerder", "woordvoerster", "secretaris", "voorzitter", "directeur",
            "ambassadeur", "burgemeester", "koning", "koningin", "minister-president",
            // Sport
            "trainer", "trainerin", "bundestrainer", "coach", "entraîneur", "entraîneuse", "sélectionneur", "entrenador",
            "seleccionador", "allenatore", "capitano", "kapitän", "kapitan",
        ]
        // Kinds of company written before one's name (`Konzern Siemens`, `le constructeur Airbus`)
        let latinCompanyKinds = ["konzern", "autobauer", "hersteller", "groupe", "constructeur", "concern"]
        let cyrillic = [
            // Russian
            "президент", "премьер", "министр", "канцлер", "пресс", "секретарь", "госсекретарь", "генсек",
            "председатель", "глава", "спикер", "посол", "губернатор", "мэр", "директор", "лидер", "король",
            "королева", "принц", "патриарх", "сенатор", "депутат", "командующий", "главнокомандующий",
            "представитель", "советник", "помощник", "заместитель", "генерал", "маршал", "адмирал", "генеральный",
            "верховный", "официальный", "руководитель", "вице",
            // Ukrainian
            "прем'єр", "міністр", "речник", "речниця", "секретар", "держсекретар", "голова", "спікер",
            "мер", "лідер", "патріарх", "командувач", "представник", "радник", "заступник", "генеральний",
            "очільник", "очільниця", "керівник", "віце", "верховний", "офіційний", "прессекретар",
        ]
        // Kinds of company written before one's name (`Концерн Фольксваген`, `Корпорація Майкрософт`)
        let cyrillicCompanyKinds = ["концерн", "автоконцерн", "компания", "корпорация", "холдинг", "автопроизводитель",
                                    "авиакомпания", "компанія", "корпорація", "автовиробник", "авіакомпанія"]
        compoundEndings = ["kanzler", "kanzlerin", "prasident", "prasidentin", "prasidenten", "minister", "ministerin",
                           "sprecher", "sprecherin", "sekretar", "sekretarin", "chef", "chefin", "direktor", "direktorin",
                           "vorsitzende", "vorsitzender", "vorsitzenden", "botschafter", "botschafterin", "meister",
                           "meisterin", "kommissar", "kommissarin", "haber", "leiter", "leiterin", "beauftragte",
                           "beauftragter", "gesandte", "gesandter", "trainer", "trainerin", "konzern", "hersteller"]
        for word in latin + latinCompanyKinds { words.insert(TextFolding.fold(word)) }
        for word in latinCompanyKinds { companyKinds.insert(TextFolding.fold(word)) }
        let nouns = [
            "область", "район", "край", "округ", "автономный", "республика", "штат", "провинция", "губерния", "уезд",
            "волость", "сельсовет", "партия", "университет", "академия", "институт", "музей", "театр", "собор",
            "монастырь", "церковь", "море", "озеро", "река", "залив", "пролив", "остров", "полуостров", "хребет",
            "совет", "союз", "министерство", "комитет", "фонд", "банк", "суд", "служба", "агентство", "организация",
            "армия", "флот", "федерация", "ассоциация", "лига", "сборная", "клуб", "компания", "корпорация",
            "округа", "областная", "автономний", "республіка", "губернія", "партія", "університет", "академія",
            "інститут", "озеро", "річка", "затока", "острів", "рада", "міністерство", "комітет", "служба",
            "агентство", "організація", "федерація", "асоціація", "ліга", "збірна", "компанія",
        ]
        for word in nouns {
            var word = word
            word.withUTF8 { bytes in
                if let stems = CyrillicNames.stems(bytes) { nameNouns.insert(stems.stem) }
            }
        }
        for word in cyrillic + cyrillicCompanyKinds {
            let companyKind = cyrillicCompanyKinds.contains(word)
            var word = word
            word.withUTF8 { bytes in
                if let stems = CyrillicNames.stems(bytes) {
                    words.insert(stems.stem)
                    words.insert(stems.oblique)
                    if companyKind {
                        companyKinds.insert(stems.stem)
                        companyKinds.insert(stems.oblique)
                    }
                }
            }
        }
        for word in ["le", "la", "les", "l'", "un", "une", "der", "die", "das", "dem", "den", "des", "ein", "eine",
                     "einen", "el", "los", "las", "lo", "il", "gli", "het", "een"] {
            articles.insert(word)
        }
    }

    /// Lower-case words that join the parts of one name (`von der`, `Frankfurt am Main`, `фон дер`,
    /// `Institut für`); a span is never split at them.
    private let joiners: Set<String> = [
        "von", "van", "der", "den", "de", "des", "du", "da", "di", "del", "della", "dos", "das", "la", "le", "zu",
        "am", "im", "an", "für", "und", "d'", "l'", "al", "el", "bin", "ibn", "ben", "abu", "ter", "ten", "y", "e",
        "фон", "дер", "ван", "де", "да", "ди", "дос", "ла", "ле", "дю", "ас", "аш", "аль", "ал", "эль", "ель",
        "бен", "бин", "ибн",
    ]

    /// Stems of the lower-case Cyrillic nouns that continue a name after its capitalised adjective
    /// (`Кемеровской области`, `Ямало-Ненецкий автономный округ`, `Верховного Совета`); a span
    /// is never split at them.
    private var nameNouns: Set<String> = []

    /// True when the lower-case word `bytes` joins the parts of a name (see ``joiners``) or
    /// continues one (see ``nameNouns``).
    func isJoiner(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if CyrillicNames.startsCyrillic(bytes) {
            if let stems = CyrillicNames.stems(bytes), nameNouns.contains(stems.stem) || nameNouns.contains(stems.oblique) { return true }
        }
        return bytes.count <= 8 && joiners.contains(TextFolding.fold(bytes))
    }

    /// Kinds of company among the role words (folded, or Cyrillic stems): what follows them is a
    /// company, not a person.
    private var companyKinds: Set<String> = []

    /// True when the word `bytes` names an office a person holds: a role word that is no kind of
    /// company (`Chef`, `Renault-Chef`'s `Chef`, `Generaldirektorin`; not `Konzern`).
    func isPersonRole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isRole(bytes) else { return false }
        if CyrillicNames.startsCyrillic(bytes) {
            guard let stems = CyrillicNames.stems(bytes) else { return false }
            return !companyKinds.contains(stems.stem) && !companyKinds.contains(stems.oblique)
        }
        let folded = TextFolding.fold(bytes)
        return !companyKinds.contains { folded.hasSuffix($0) }
    }

    /// True when the word `bytes` names an office (see the type's documentation).
    func isRole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if CyrillicNames.startsCyrillic(bytes) {
            guard let stems = CyrillicNames.stems(bytes) else { return false }
            return words.contains(stems.stem) || words.contains(stems.oblique)
        }
        let folded = TextFolding.fold(bytes)
        if words.contains(folded) { return true }
        for ending in compoundEndings where folded.utf8.count > ending.utf8.count + 2 && folded.hasSuffix(ending) {
            return true
        }
        return false
    }

    /// True when the Cyrillic word `bytes` is a relational adjective in `-ский`/`-цкий` (Ukrainian
    /// `-ський`, `-зький`, `-цький`) in any case form: `Северокорейский`, `Французького`. Such a
    /// word opens a sentence before a word of office (`Северокорейский лидер Ким Чен Ын`) without
    /// being a name.
    func isRelationalAdjective(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard CyrillicNames.startsCyrillic(bytes), let stems = CyrillicNames.stems(bytes) else { return false }
        return stems.stem.hasSuffix("ск") || stems.stem.hasSuffix("цк") || stems.stem.hasSuffix("ськ")
            || stems.stem.hasSuffix("зьк") || stems.stem.hasSuffix("цьк")
    }

    /// True when the Latin word `bytes` ends in a German noun suffix that names seldom end in
    /// (`Delegationen`, `Verhandlungen`, `Sicherheit`, `Gemeinschaften`): capitalised in German
    /// text, such a noun after a name is no part of it. Not `-ion` alone (`Union`, `Nation`).
    func isCommonNoun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 7, !CyrillicNames.startsCyrillic(bytes) else { return false }
        let folded = TextFolding.fold(bytes)
        return ["ungen", "ionen", "heiten", "keiten", "schaften", "nisse", "taten"].contains { folded.hasSuffix($0) }
            || (["ung", "heit", "keit"].contains { folded.hasSuffix($0) } && bytes.count >= 8)
    }

    /// Prepositions, adverbs of time and connectives that open a sentence before a place or a name
    /// (`À Kigali`, `In Berlin`, `В Москве`, `Увечері Зеленський`, `Gestern Merz`), in the languages
    /// whose models read this: capitalised there, the models take them into the name.
    private let openingPrepositions: Set<String> = [
        // French
        "a", "au", "aux", "en", "dans", "selon", "pour", "avec", "apres", "depuis", "chez", "sur", "par", "pendant", "lors",
        // German
        "in", "im", "am", "nach", "laut", "mit", "bei", "aus", "fur", "seit", "vor", "gegen", "zum", "zur",
        // Spanish, Italian, Portuguese
        "segun", "desde", "con", "para", "tras", "durante", "nel", "nella", "no", "na",
        // Dutch
        "volgens", "met", "bij", "uit", "tijdens",
        // Polish
        "w", "we", "z", "po", "dla", "wedlug", "podczas",
        // Russian, Ukrainian
        "в", "во", "на", "по", "с", "со", "из", "к", "для", "после", "при", "у", "з", "із", "до", "після", "під", "за",
        // adverbs of time and connectives that open sentences (`Увечері Зеленський`, `Gestern Merz`)
        "вчера", "сегодня", "завтра", "утром", "вечером", "днем", "ночью", "ранее", "позже", "теперь", "сейчас", "также",
        "однако", "затем", "потом", "вчора", "сьогодні", "вранці", "увечері", "ввечері", "вдень", "уночі", "раніше",
        "пізніше", "тепер", "зараз", "також", "однак", "проте", "потім", "згодом",
        "heute", "gestern", "zuvor", "spater", "jetzt", "nun", "auch", "aber", "dann", "danach", "außerdem", "ausserdem", "zudem",
        "hier", "aujourd'hui", "demain", "ensuite", "puis", "mais", "cependant", "deja", "aussi",
        "ayer", "hoy", "luego", "despues", "tambien", "pero", "ademas",
    ]

    /// True when the word `bytes` is a preposition that opens sentences before names (see
    /// ``openingPrepositions``).
    func isOpeningPreposition(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 28 && openingPrepositions.contains(TextFolding.fold(bytes))
    }

    /// True when the lower-case word `bytes` is one that joins the parts of a name (``joiners``:
    /// `de`, `d'`, `von`, `фон`): a name never ends with one (`Félix Tshisekedi d'`).
    func isNameParticle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 8 && joiners.contains(TextFolding.fold(bytes))
    }

    /// German names of weekdays and months, capitalised as nouns are: after a lower-case word they
    /// end a span (`Nordirland am Sonntag`, `Berlin im Mai`).
    private let calendarNouns: Set<String> = [
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "januar", "jänner", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "dezember", "wochenende",
    ]

    /// True when the word `bytes` is a German weekday or month (see ``calendarNouns``).
    func isCalendarNoun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 12 && calendarNouns.contains(TextFolding.fold(bytes))
    }

    /// True when the word `bytes` is an article or determiner (`La`, `Der`, `Los`).
    func isArticle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 4 && articles.contains(TextFolding.fold(bytes))
    }
}
