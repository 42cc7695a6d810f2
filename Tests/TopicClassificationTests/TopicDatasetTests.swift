import Testing
import TopicClassification
import GazetteCore

@Suite struct TopicDatasetTests {
    func parse(_ text: String) throws(GazetteError) -> [TopicExample] {
        try TopicDataset.parse(Array(text.utf8), name: "data.jsonl")
    }

    func error(_ text: String) -> GazetteError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func readsTextLabelLabelsAndTitle() throws {
        let examples = try parse("""
            {"text": "Rates rise again", "label": "economy"}

            {"title": "Cup final", "text": "A late goal won it.", "labels": ["sport", "football"]}
            """)
        #expect(examples.count == 2)
        #expect(examples[0].labels == ["economy"])
        #expect(examples[1].parts == ["Cup final", "A late goal won it."])
        #expect(examples[1].labels == ["sport", "football"])
        #expect(examples[1].origin == "data.jsonl:3")
    }

    @Test func emptyFileIsAnError() {
        #expect(error("")?.code == .emptyInput)
        #expect(error("\n  \n")?.code == .emptyInput)
    }

    @Test func invalidJSONNamesItsLine() {
        let e = error("{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": }\n")
        #expect(e?.code == .invalidJSON)
        #expect(e?.message.hasPrefix("data.jsonl:2:") == true)
    }

    @Test(arguments: [
        "{\"label\": \"sport\"}",
        "{\"text\": \"A late goal\"}",
        "{\"text\": \"   \", \"label\": \"sport\"}",
        "{\"text\": 42, \"label\": \"sport\"}",
        "{\"text\": \"A late goal\", \"label\": \"\"}",
        "{\"text\": \"A late goal\", \"labels\": []}",
        "[\"text\", \"label\"]",
        "{\"html\": \"<p>A late goal</p>\", \"label\": \"sport\"}",
    ])
    func incompleteRecordsAreInvalid(line: String) {
        let e = error(line)
        #expect(e?.code == .invalidRecord)
        #expect(e?.message.hasPrefix("data.jsonl:1:") == true)
    }

    @Test func oneClassOnlyCannotBeTrained() throws {
        let examples = try parse("""
            {"text": "A late goal won the cup", "label": "sport"}
            {"text": "The champions lost at home", "label": "sport"}
            """)
        do {
            _ = try LinearTopicModel.train(examples)
            Issue.record("training on one class should fail")
        } catch {
            #expect(error.code == .invalidRecord)
            #expect(error.message.contains("at least two different labels"))
        }
        do {
            _ = try LinearTopicModel.train([])
            Issue.record("training on nothing should fail")
        } catch {
            #expect(error.code == .invalidRecord)
        }
    }
}
