import GazetteCore
import TextAnalysis
@testable import EntityTagging

/// A small gazetteer written for the tests, in the shipped TSV format.
enum GazetteerTestData {
    static let tsv = """
    id\ttype\tname\taliases\tcountry\tsubtype\tpopulation\trole\tsource
    Q7747\tPerson\tVladimir Putin\tPutin|Vladimir Vladimirovich Putin\tRU\tpolitician\t\tPresident of Russia\ttest
    Q3874799\tPerson\tVolodymyr Zelenskyy\tZelenskyy|Zelensky|Zelenskiy|Volodymyr Zelensky\tUA\tpolitician\t\tPresident of Ukraine\ttest
    Q39723\tPerson\tRecep Tayyip Erdoğan\tErdoğan|Erdogan\tTR\tpolitician\t\tPresident of Turkey\ttest
    Q7184\tOrganization\tNATO\tNorth Atlantic Treaty Organization|~Nato\t\tintergovernmental\t\t\ttest
    Q312\tOrganization\tApple Inc.\t~Apple\tUS\tcompany\t\t\ttest
    gz:o:bank-of-england\tOrganization\tBank of England\tBoE\tGB\tcompany\t\t\ttest
    Q1899\tPlace\tKyiv\tKiev\tUA\tcity\t2952301\t\ttest
    Q159\tPlace\tRussia\tRussian Federation\tRU\tcountry\t\t\ttest
    Q212\tPlace\tUkraine\t\tUA\tcountry\t\t\ttest
    Q21\tPlace\tEngland\t\tGB\tregion\t\t\ttest
    Q230\tPlace\tGeorgia\t~Georgia\tGE\tcountry\t\t\ttest
    Q1428\tPlace\tGeorgia (U.S. state)\t~Georgia\tUS\tregion\t10711908\t\ttest
    Q994\tPlace\tTbilisi\t\tGE\tcity\t1118035\t\ttest
    Q23556\tPlace\tAtlanta\t\tUS\tcity\t498715\t\ttest
    Q406\tPlace\tIstanbul\tİstanbul\tTR\tcity\t15462452\t\ttest
    Q57401\tPerson\tIlir Meta\t~Meta\tAL\tpolitician\t\tPresident of Albania\ttest
    gz:o:meta\tOrganization\tMeta Platforms\tMeta\tUS\tcompany\t\t\ttest
    Q30\tPlace\tUnited States\tU.S.|US|USA\tUS\tcountry\t\t\ttest
    """

    static func gazetteer(extra: String = "") -> Gazetteer {
        var diagnostics: [GazetteerFile.Diagnostic] = []
        let entries = GazetteerFile.parse(bytes: Array((tsv + extra).utf8), path: "test.tsv", diagnostics: &diagnostics)
        return Gazetteer(entries: entries)
    }

    static let lexicons = Lexicons(lists: [:], demonyms: [
        "georgian": (id: "Q230", name: "Georgia"), "american": (id: "Q30", name: "United States"),
    ])

    /// Segments and matches `text`; returns the article and the matched surfaces.
    static func match(_ text: String, gazetteer: Gazetteer = gazetteer()) throws -> (Article, [String]) {
        var article = Article(id: "t", text: text)
        try Segmenter().process(&article)
        try GazetteerMatcher(gazetteer: gazetteer).process(&article)
        let bytes = Array(text.utf8)
        return (article, article.candidates.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) })
    }
}
