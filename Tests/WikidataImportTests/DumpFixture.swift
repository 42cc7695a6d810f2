import CBZip2
import Foundation
import GazetteTestSupport

/// A small Wikidata JSON dump written for these tests in the real format: a `[` line, one entity
/// per line ending in a comma (the last one without), a `]` line. The entities are invented; their
/// shape (labels, aliases, statements with main snaks and ranks, qualifiers, references, sitelinks)
/// is the dump's.
enum DumpFixture {
    static func term(_ language: String, _ value: String) -> String { #"{"language":"\#(language)","value":"\#(value)"}"# }

    /// A member of an entity's `labels` object.
    static func label(_ language: String, _ value: String) -> String { #""\#(language)":\#(term(language, value))"# }

    static func statement(_ property: String, _ datavalue: String, type: String, rank: String = "normal") -> String {
        #"{"mainsnak":{"snaktype":"value","property":"\#(property)","datavalue":{"value":\#(datavalue),"type":"\#(type)"},"datatype":"x"},"type":"statement","id":"Q0$1","rank":"\#(rank)","references":[{"hash":"ab","snaks":{"P143":[{"snaktype":"value","property":"P143","datavalue":{"value":{"entity-type":"item","numeric-id":1,"id":"Q1"},"type":"wikibase-entityid"}}]},"snaks-order":["P143"]}]}"#
    }

    static func item(_ id: String) -> String { #"{"entity-type":"item","numeric-id":\#(id.dropFirst()),"id":"\#(id)"}"# }

    static func sitelinks(_ count: Int) -> String {
        "{" + (0..<count).map { #""w\#($0)wiki":{"site":"w\#($0)wiki","title":"T\#($0)","badges":[]}"# }.joined(separator: ",") + "}"
    }

    static func entity(_ id: String, labels: [String], aliases: [String: [String]] = [:], claims: [String: [String]], sitelinks count: Int,
                       type: String = "item") -> String {
        let aliasJSON = aliases.sorted { $0.key < $1.key }.map { language, values in
            #""\#(language)":[\#(values.map { term(language, $0) }.joined(separator: ","))]"#
        }.joined(separator: ",")
        let claimJSON = claims.sorted { $0.key < $1.key }.map { #""\#($0.key)":[\#($0.value.joined(separator: ","))]"# }.joined(separator: ",")
        return #"{"type":"\#(type)","id":"\#(id)","labels":{\#(labels.joined(separator: ","))},"descriptions":{"en":{"language":"en","value":"a description, never read"}},"aliases":{\#(aliasJSON)},"claims":{\#(claimJSON)},"sitelinks":\#(sitelinks(count)),"lastrevid":1}"#
    }

    /// The entity lines (without commas), in dump order.
    static let entities: [String] = [
        // A country the shipped lists do not know: its ISO code (P297) maps later entities.
        entity("Q990001", labels: [label("en", "Republic of Aurelia"), label("de", "Republik Aurelien")],
               claims: ["P31": [statement("P31", item("Q6256"), type: "wikibase-entityid")],
                        "P297": [statement("P297", #""XA""#, type: "string")],
                        "P625": [statement("P625", #"{"latitude":-25.5,"longitude":134.25,"altitude":null,"precision":0.01,"globe":"http://www.wikidata.org/entity/Q2"}"#, type: "globecoordinate")]],
               sitelinks: 200),
        // A politician: citizenship gives the country; an alias in another language; a \u escape.
        entity("Q990002", labels: [label("en", "Marta Kovalenko"), label("uk", "\\u041c\\u0430\\u0440\\u0442\\u0430 \\u041a\\u043e\\u0432\\u0430\\u043b\\u0435\\u043d\\u043a\\u043e"), label("fr", "Marta Kovalenko")],
               aliases: ["en": ["Marta O. Kovalenko", "the minister"], "uk": ["\\u041c. \\u041a\\u043e\\u0432\\u0430\\u043b\\u0435\\u043d\\u043a\\u043e"]],
               claims: ["P31": [statement("P31", item("Q5"), type: "wikibase-entityid")],
                        "P27": [statement("P27", item("Q990001"), type: "wikibase-entityid")],
                        "P106": [statement("P106", item("Q82955"), type: "wikibase-entityid")]],
               sitelinks: 12),
        // A human with too few sitelinks: left out.
        entity("Q990003", labels: [label("en", "Pavel Quiet")], claims: ["P31": [statement("P31", item("Q5"), type: "wikibase-entityid")]], sitelinks: 1),
        // A city: coordinates, a deprecated and a preferred population, the country through P17.
        entity("Q990004", labels: [label("en", "Port Solace"), label("de", "Hafen Solace")],
               claims: ["P31": [statement("P31", item("Q515"), type: "wikibase-entityid")],
                        "P17": [statement("P17", item("Q990001"), type: "wikibase-entityid")],
                        "P625": [statement("P625", #"{"latitude":-33.8123,"longitude":151.2051,"altitude":null,"precision":0.0001,"globe":"http://www.wikidata.org/entity/Q2"}"#, type: "globecoordinate")],
                        "P1082": [statement("P1082", #"{"amount":"+999","unit":"1"}"#, type: "quantity", rank: "deprecated"),
                                  statement("P1082", #"{"amount":"+120500","unit":"1"}"#, type: "quantity"),
                                  statement("P1082", #"{"amount":"+131000","unit":"1"}"#, type: "quantity", rank: "preferred")]],
               sitelinks: 30),
        // A party in a country the shipped lists know (Q212, Ukraine).
        entity("Q990005", labels: [label("en", "Green Harbour Party")], aliases: ["en": ["GHP"]],
               claims: ["P31": [statement("P31", item("Q7278"), type: "wikibase-entityid")],
                        "P17": [statement("P17", item("Q212"), type: "wikibase-entityid")]],
               sitelinks: 6),
        // An organisation of a class only a user lists (a fictional "cooperative bank" class).
        entity("Q990006", labels: [label("en", "Meadow Credit Union")],
               claims: ["P31": [statement("P31", item("Q990099"), type: "wikibase-entityid")]], sitelinks: 8),
        // A property and a painting: not people, organisations or places.
        entity("P990007", labels: [label("en", "height")], claims: [:], sitelinks: 0, type: "property"),
        entity("Q990008", labels: [label("en", "Harbour at Dusk")], claims: ["P31": [statement("P31", item("Q3305213"), type: "wikibase-entityid")]], sitelinks: 40),
    ]

    /// The dump text.
    static var text: String {
        "[\n" + entities.enumerated().map { $0.offset == entities.count - 1 ? $0.element : $0.element + "," }.joined(separator: "\n") + "\n]\n"
    }

    /// `bytes` gzip-compressed.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] { gzipMember(bytes) }

    /// `bytes` bzip2-compressed (libbz2).
    static func bzip2(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 100 + 1024)
        var length = UInt32(output.count)
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                _ = BZ2_bzBuffToBuffCompress(
                    UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self), &length,
                    UnsafeMutableRawPointer(source.baseAddress!).assumingMemoryBound(to: CChar.self), UInt32(source.count), 9, 0, 0)
            }
        }
        return Array(output.prefix(Int(length)))
    }
}
