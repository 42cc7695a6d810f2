import GazetteCore
import Testing

/// `Pipeline` checks at construction what its stages declare.
@Suite struct PipelineContractTests {
    /// A stage that only declares layers (what it does is not the point here).
    struct Declared: PipelineStage {
        let name: String
        let reads: ArticleLayers
        let writes: ArticleLayers
        func process(_ article: inout Article) throws(GazetteError) {}
    }

    let clean = Declared(name: "html", reads: .input, writes: [.text, .language])
    let segment = Declared(name: "segment", reads: .text, writes: .tokens)
    let match = Declared(name: "gazetteer", reads: .tokens, writes: .candidates)
    let recognize = Declared(name: "recognize", reads: [.tokens, .candidates, .language], writes: .mentions)

    @Test func aPossibleOrderIsAccepted() throws {
        let pipeline = try Pipeline { clean; segment; match; recognize }
        #expect(pipeline.stages.map(\.name) == ["html", "segment", "gazetteer", "recognize"])
    }

    @Test func aStageBeforeWhatItReadsIsRejectedNamingTheFix() {
        do {
            _ = try Pipeline { clean; match; segment; recognize }
            Issue.record("an impossible order was accepted")
        } catch {
            #expect(error.code == .pipeline)
            #expect(error.message == "stage 2 'gazetteer' reads tokens, which no stage before it writes; move 'segment' before it")
        }
    }

    @Test func aLayerNoStageWritesIsRejected() {
        do {
            _ = try Pipeline(given: [.input, .text]) { segment; recognize }
            Issue.record("a missing layer was accepted")
        } catch {
            #expect(error.message == "stage 2 'recognize' reads language, candidates, which no stage before it writes; add a stage that writes it")
        }
    }

    @Test func layersGivenWithTheInputCountAsWritten() throws {
        #expect(throws: GazetteError.self) { try Pipeline { segment } }
        #expect(throws: Never.self) { try Pipeline(given: .text) { segment } }
    }

    @Test func twoStagesWithOneNameAreRejected() {
        #expect(throws: GazetteError.self) { try Pipeline { clean; segment; Declared(name: "segment", reads: .tokens, writes: .tokens) } }
    }
}
