/// Wikidata classes the importer reads types and subtypes from. The dump gives each item's
/// direct classes (P31) only, not the class hierarchy, so these lists name the classes news
/// entities are commonly direct instances of; `--org-class` adds more.
public enum WikidataClasses {
    /// Direct classes whose instances are kept as organisations.
    public static let organizations: Set<String> = Set(organizationSubtypes.keys)

    /// Organisation class → our subtype.
    static let organizationSubtypes: [String: String] = [
        "Q43229": "", "Q163740": "ngo", "Q15911314": "ngo", "Q79913": "ngo", "Q48204": "ngo",
        "Q4830453": "company", "Q783794": "company", "Q891723": "company", "Q6881511": "company", "Q167037": "company",
        "Q1331793": "media", "Q11032": "media", "Q1002697": "media", "Q1110794": "media", "Q1616075": "media",
        "Q2085381": "company", "Q18127": "company", "Q46970": "company", "Q210167": "company",
        "Q7278": "party", "Q484652": "intergovernmental", "Q245065": "intergovernmental",
        "Q327333": "agency", "Q2659904": "government", "Q192350": "ministry", "Q35535": "agency",
        "Q41487": "court", "Q190752": "court", "Q11204": "government", "Q35749": "government",
        "Q176799": "military", "Q4508": "military", "Q17149090": "militant",
        "Q476028": "club", "Q847017": "club", "Q12973014": "club", "Q13393265": "club", "Q4438121": "sports-body",
        "Q3918": "university", "Q875538": "university", "Q902104": "university",
        "Q215380": "", "Q5741069": "", "Q13226383": "religious", "Q1530022": "religious",
    ]

    /// Country-like classes (sovereign state, country, state with limited recognition).
    static let countries: Set<String> = ["Q6256", "Q3624078", "Q3336843", "Q15634554", "Q1763527"]
    private static let regions: Set<String> = ["Q10864048", "Q107390", "Q34876", "Q35657", "Q5852411", "Q835714", "Q171079"]
    private static let settlements: Set<String> = [
        "Q515", "Q1549591", "Q5119", "Q1637706", "Q486972", "Q3957", "Q532", "Q15284", "Q200250", "Q1093829",
        "Q7930989", "Q2983893", "Q1115575", "Q202216",
    ]

    /// Our subtype of a place with these direct classes.
    static func placeSubtype(classes: Set<String>) -> String {
        if !classes.isDisjoint(with: countries) { return "country" }
        if !classes.isDisjoint(with: settlements) { return "city" }
        if !classes.isDisjoint(with: regions) { return "region" }
        return "geo"
    }

    /// Our subtype of an organisation with these direct classes, nil when none is an organisation
    /// class (the defaults or the ones a user listed).
    static func organizationSubtype(classes: Set<String>, organizationClasses: Set<String>) -> String? {
        let matching = classes.intersection(organizationClasses)
        guard !matching.isEmpty else { return nil }
        return matching.sorted().compactMap { organizationSubtypes[$0] }.first { !$0.isEmpty } ?? ""
    }

    private static let occupationSubtypes: [String: String] = [
        "Q82955": "politician", "Q193391": "official", "Q372436": "politician", "Q212238": "official",
        "Q2066131": "athlete", "Q937857": "athlete", "Q3665646": "athlete", "Q10833314": "athlete", "Q11513337": "athlete",
        "Q10871364": "athlete", "Q12299841": "athlete", "Q19204627": "athlete", "Q11774891": "athlete", "Q13381863": "athlete",
        "Q33999": "entertainer", "Q10800557": "entertainer", "Q177220": "entertainer", "Q639669": "entertainer",
        "Q2526255": "entertainer", "Q1930187": "journalist", "Q43845": "business",
        "Q131524": "business", "Q484876": "business", "Q250867": "religious", "Q1234713": "religious",
    ]

    /// Our subtype of a person with these occupations (the first that maps).
    static func personSubtype(occupations: [String]) -> String {
        occupations.lazy.compactMap { occupationSubtypes[$0] }.first ?? ""
    }
}
