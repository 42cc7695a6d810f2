import Foundation
public import GazetteCore

/// The labelled news sets the shipped IPTC model is trained on, each with its category → IPTC mapping.
///
/// Files are looked up under a data folder (`../shared/data` in development). A category mapped to
/// several topics (HuffPost's WORLD NEWS → politics and conflict) gives each an equal share of the
/// article; a category mapped to none is not used. docs/topics.md gives the reason for every choice
/// that is not obvious.
public enum NewsSource: String, CaseIterable, Sendable, Codable {
    /// BBC News 2004–2005 (Greene & Cunningham): 2,225 full articles, 5 categories.
    case bbc
    /// HuffPost headlines 2012–2018 (Misra 2018), lowercased and tokenised: 41 categories.
    case huffpost
    /// New York Times headlines 1996–2006 with a coder's one-line subject and a Comparative Agendas code.
    case nyt
    /// MasakhaNEWS English: BBC articles of the 2020s, 6 categories including health.
    case masakhanews
    /// 20 Newsgroups (bydate train): Usenet posts of 1993 in 20 groups.
    case newsgroups

    /// The file under the data folder.
    public var relativePath: String {
        switch self {
        case .bbc: "bbc/bbc.jsonl"
        case .huffpost: "topics-extra/huffpost-headlines.jsonl.gz"
        case .nyt: "topics-extra/nyt-headlines.jsonl"
        case .masakhanews: "topics-extra/masakhanews-eng.jsonl.gz"
        case .newsgroups: "topics-extra/20newsgroups-train.jsonl.gz"
        }
    }

    /// Where the data comes from and under which terms, for the model's provenance and the docs.
    public var licence: String {
        switch self {
        case .bbc: "BBC News (Greene & Cunningham 2006), BBC copyright, research use"
        case .huffpost: "HuffPost News Category Dataset (Misra 2018), CC BY 4.0"
        case .nyt: "NYT headlines with Comparative Agendas codes (Boydstun), RTextTools, GPL-3"
        case .masakhanews: "MasakhaNEWS English, AFL-3.0"
        case .newsgroups: "20 Newsgroups bydate train, research use"
        }
    }

    /// Category → IPTC top-level codes; categories not listed are not used.
    public var mapping: [String: [String]] {
        switch self {
        case .bbc:
            ["business": [IPTC.economy], "entertainment": [IPTC.arts], "politics": [IPTC.politics],
             "sport": [IPTC.sport], "tech": [IPTC.science]]
        case .masakhanews:
            ["business": [IPTC.economy], "entertainment": [IPTC.arts], "health": [IPTC.health],
             "politics": [IPTC.politics], "sports": [IPTC.sport], "technology": [IPTC.science]]
        case .huffpost:
            [
                "ARTS": [IPTC.arts], "ARTS & CULTURE": [IPTC.arts], "CULTURE & ARTS": [IPTC.arts],
                "ENTERTAINMENT": [IPTC.arts], "COMEDY": [IPTC.arts], "MEDIA": [IPTC.arts],
                "CRIME": [IPTC.crime],
                "BUSINESS": [IPTC.economy], "MONEY": [IPTC.economy],
                "EDUCATION": [IPTC.education], "COLLEGE": [IPTC.education],
                "ENVIRONMENT": [IPTC.environment], "GREEN": [IPTC.environment],
                "HEALTHY LIVING": [IPTC.health], "WELLNESS": [IPTC.health, IPTC.lifestyle],
                "WEIRD NEWS": [IPTC.humanInterest], "GOOD NEWS": [IPTC.humanInterest],
                "WEDDINGS": [IPTC.humanInterest, IPTC.lifestyle],
                "FOOD & DRINK": [IPTC.lifestyle], "TASTE": [IPTC.lifestyle], "TRAVEL": [IPTC.lifestyle],
                "HOME & LIVING": [IPTC.lifestyle], "STYLE": [IPTC.lifestyle, IPTC.arts],
                "STYLE & BEAUTY": [IPTC.lifestyle, IPTC.arts],
                "POLITICS": [IPTC.politics],
                "WORLD NEWS": [IPTC.politics, IPTC.conflict], "THE WORLDPOST": [IPTC.politics, IPTC.conflict],
                "WORLDPOST": [IPTC.politics, IPTC.conflict],
                "RELIGION": [IPTC.religion],
                "SCIENCE": [IPTC.science], "TECH": [IPTC.science],
                "PARENTING": [IPTC.society], "PARENTS": [IPTC.society], "DIVORCE": [IPTC.society],
                "WOMEN": [IPTC.society], "BLACK VOICES": [IPTC.society], "LATINO VOICES": [IPTC.society],
                "QUEER VOICES": [IPTC.society], "IMPACT": [IPTC.society],
                "SPORTS": [IPTC.sport],
                // FIFTY (advice for readers over fifty: love, grief, fitness, money) has no one topic.
            ]
        case .nyt:
            [
                "1": [IPTC.economy], "2": [IPTC.society, IPTC.politics], "3": [IPTC.health], "4": [IPTC.economy],
                "5": [IPTC.labour], "6": [IPTC.education], "7": [IPTC.environment], "8": [IPTC.economy],
                "12": [IPTC.crime], "13": [IPTC.society], "15": [IPTC.economy], "16": [IPTC.conflict, IPTC.politics],
                "17": [IPTC.science], "18": [IPTC.economy], "19": [IPTC.politics, IPTC.conflict], "20": [IPTC.politics],
                "24": [IPTC.politics], "26": [IPTC.disaster, IPTC.weather], "27": [IPTC.disaster], "28": [IPTC.arts],
                "29": [IPTC.sport], "30": [IPTC.humanInterest], "31": [IPTC.religion], "99": [IPTC.humanInterest],
                // 10 transportation (crashes, airline strikes, aviation rules), 14 community development
                // and housing, 21 public lands (Ground Zero, Puerto Rico's status, wetlands): mixed.
            ]
        case .newsgroups:
            [
                "alt.atheism": [IPTC.religion], "soc.religion.christian": [IPTC.religion], "talk.religion.misc": [IPTC.religion],
                "comp.graphics": [IPTC.science], "comp.os.ms-windows.misc": [IPTC.science], "comp.sys.ibm.pc.hardware": [IPTC.science],
                "comp.sys.mac.hardware": [IPTC.science], "comp.windows.x": [IPTC.science], "sci.crypt": [IPTC.science],
                "sci.electronics": [IPTC.science], "sci.space": [IPTC.science], "sci.med": [IPTC.health],
                "rec.sport.baseball": [IPTC.sport], "rec.sport.hockey": [IPTC.sport],
                "rec.autos": [IPTC.lifestyle], "rec.motorcycles": [IPTC.lifestyle],
                "talk.politics.guns": [IPTC.politics, IPTC.crime], "talk.politics.mideast": [IPTC.politics, IPTC.conflict],
                "talk.politics.misc": [IPTC.politics],
                // misc.forsale (classified ads) has no news topic.
            ]
        }
    }

    /// Reads the source's articles from `dataDirectory`, cleaned, with their IPTC labels; articles of
    /// unmapped categories and exact duplicate texts are dropped.
    public func articles(dataDirectory: String) throws(GazetteError) -> [SourceArticle] {
        let path = (dataDirectory as NSString).appendingPathComponent(relativePath)
        let records = try TrainingFile.jsonLines(TrainingFile.read(path), name: path)
        let mapping = self.mapping
        var seen = Set<String>()
        var articles: [SourceArticle] = []
        for (n, record) in records.enumerated() {
            func field(_ key: String) throws(GazetteError) -> String {
                if let value = record[key] as? String { return value }
                if let value = record[key] as? Int { return String(value) }
                throw GazetteError(.invalidRecord, "\(path): record \(n + 1) has no \"\(key)\"")
            }
            let category = try field(categoryKey)
            guard let labels = mapping[category], !labels.isEmpty else { continue }
            let text = try field("text")
            guard seen.insert(text).inserted else { continue }
            var article: SourceArticle
            switch self {
            case .bbc:
                let paragraphs = Self.paragraphs(text)
                article = SourceArticle(headline: paragraphs.first ?? "", paragraphs: Array(paragraphs.dropFirst()))
            case .masakhanews:
                article = SourceArticle(headline: try field("title"), paragraphs: Self.paragraphs(text))
            case .huffpost:
                article = SourceArticle(headline: NewsTextCleanup.detokenized(text), paragraphs: [])
            case .nyt:
                // The coder's one-line subject stands in for a lead: headlines alone are often riddles
                // ("Musharraf's Quandary").
                var headline = Substring(text.replacingOccurrences(of: "\n", with: " "))
                while headline.hasSuffix(";") || headline.hasSuffix(" ") { headline = headline.dropLast() }
                article = SourceArticle(headline: String(headline), paragraphs: [try field("subject")])
                article.hasBody = false
            case .newsgroups:
                let post = NewsTextCleanup.usenetPost(text)
                article = SourceArticle(headline: post.subject, paragraphs: Self.wrappedParagraphs(post.body))
            }
            guard !article.headline.isEmpty || !article.paragraphs.isEmpty else { continue }
            article.source = self
            article.category = category
            article.labels = labels
            article.origin = "\(rawValue):\(n + 1)"
            articles.append(article)
        }
        return articles
    }

    /// Categories named for a desk rather than a subject (international news, a politics desk,
    /// defence): they carry stories of every subject, so an article of one whose text is dominated by
    /// another topic's lexicon terms (a plane crash under WORLD NEWS, a teachers' strike under
    /// politics) is relabelled to that topic by ``DefaultModelRecipe/relabelled(_:lexicon:)``.
    /// Categories named for a subject (CRIME, sci.med) are never relabelled.
    public var sectionCategories: Set<String> {
        switch self {
        case .bbc: ["politics"]
        case .masakhanews: ["politics"]
        case .huffpost: ["WORLD NEWS", "THE WORLDPOST", "WORLDPOST"]
        case .nyt: ["16", "19"]
        case .newsgroups: []
        }
    }

    var categoryKey: String {
        switch self {
        case .nyt: "cap_code"
        case .newsgroups: "group"
        default: "category"
        }
    }

    /// Paragraphs of hard-wrapped text (Usenet): blocks between blank lines, their lines joined.
    static func wrappedParagraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    /// Non-empty paragraphs (lines) of a text, whitespace-trimmed.
    static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The 17 IPTC top-level codes by short name, for the source mappings.
enum IPTC {
    static let arts = "medtop:01000000", crime = "medtop:02000000", disaster = "medtop:03000000"
    static let economy = "medtop:04000000", education = "medtop:05000000", environment = "medtop:06000000"
    static let health = "medtop:07000000", humanInterest = "medtop:08000000", labour = "medtop:09000000"
    static let lifestyle = "medtop:10000000", politics = "medtop:11000000", religion = "medtop:12000000"
    static let science = "medtop:13000000", society = "medtop:14000000", sport = "medtop:15000000"
    static let conflict = "medtop:16000000", weather = "medtop:17000000"
}
