import GazetteCore
import Testing
@testable import ArticleIO

/// The record rules the JSONL reader and the HTTP server share, called directly as the server
/// calls them (a request body, extra boolean keys, no duplicate check).
@Suite("JSON input record")
struct JSONInputRecordTests {
    private func decode(_ json: String, flags: Set<String> = ["include_text"]) -> JSONInputRecord.Decoded {
        JSONInputRecord.decode(Array(json.utf8), fallbackID: "request", origin: "request", limits: Limits(), flags: flags)
    }

    @Test func aRecordWithEveryKeyBecomesAnArticleAndItsFlag() throws {
        let decoded = decode(#"{"id":"rtr-88","url":"https://news.example/rtr-88","text":"Donald Tusk spoke in Warsaw.","include_text":true}"#)
        let article = try decoded.record.content.get()
        #expect(article.id == "rtr-88")
        #expect(article.url == "https://news.example/rtr-88")
        #expect(decoded.flags == ["include_text": true])
    }

    @Test func missingOrNullFlagIsAbsentAndOtherKeysAreIgnored() throws {
        #expect(decode(#"{"text":"Riga at dawn.","include_text":null,"section":"world"}"#).flags.isEmpty)
        let plain = decode(#"{"text":"Riga at dawn."}"#)
        #expect(plain.flags.isEmpty)
        #expect(plain.record.id == "request")
    }

    @Test func aFlagOfTheWrongTypeIsAnInvalidRecordKeepingIDAndURL() {
        let decoded = decode(#"{"id":"afp-3","url":"https://news.example/afp-3","text":"Lisbon.","include_text":"yes"}"#)
        guard case .failure(let error) = decoded.record.content else { Issue.record("expected an error record"); return }
        #expect(error.code == .invalidRecord)
        #expect(error.message.contains("\"include_text\" is a string"))
        #expect(decoded.record.id == "afp-3")
        #expect(decoded.record.url == "https://news.example/afp-3")
    }

    @Test func withoutFlagKeysTheKeyIsIgnoredAsInAJSONLFile() throws {
        let decoded = decode(#"{"id":"x","text":"Oslo.","include_text":"yes"}"#, flags: [])
        #expect(decoded.record.isError == false)
        #expect(decoded.flags.isEmpty)
    }

    @Test func theCheckIsAskedOnlyAboutIDsTheRecordSets() {
        var asked: [String] = []
        let check: (String) -> GazetteError? = { id in
            asked.append(id)
            return id == "taken" ? GazetteError(.duplicateID, "seen") : nil
        }
        _ = JSONInputRecord.decode(Array(#"{"text":"no id"}"#.utf8), fallbackID: "f:1", origin: "f:1", limits: Limits(), checkID: check)
        let duplicate = JSONInputRecord.decode(Array(#"{"id":"taken","text":"again"}"#.utf8), fallbackID: "f:2", origin: "f:2", limits: Limits(), checkID: check)
        #expect(asked == ["taken"])
        #expect(duplicate.record.id == "taken")
        if case .failure(let error) = duplicate.record.content { #expect(error.code == .duplicateID) } else { Issue.record("expected duplicate_id") }
    }
}
