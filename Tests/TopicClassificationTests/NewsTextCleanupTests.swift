import Testing
@testable import TopicClassification
import GazetteCore

@Suite struct NewsTextCleanupTests {
    @Test func tokenisedHeadlinesGetTheirContractionsAndPossessivesBack() {
        #expect(NewsTextCleanup.detokenized("why you do n't need a gym , says the mayor 's coach") == "why you don't need a gym, says the mayor's coach")
        #expect(NewsTextCleanup.detokenized("it ’s time : they 're back and we 've won") == "it’s time: they're back and we've won")
        #expect(NewsTextCleanup.detokenized("ca n't stop , wo n't stop") == "can't stop, won't stop")
    }

    @Test func mediaTagsAreDroppedButOtherBracketsStay() {
        #expect(NewsTextCleanup.detokenized("the prettiest lakes in the alps ( photos )") == "the prettiest lakes in the alps")
        #expect(NewsTextCleanup.detokenized("senator speaks ( video ) about the budget") == "senator speaks about the budget")
        #expect(NewsTextCleanup.detokenized("a vote ( finally ) on the bill") == "a vote (finally) on the bill")
    }

    @Test func usenetPostsLoseHeadersQuotesAttributionsSignaturesAndAddresses() {
        let post = """
            From: someone@example.org (A. Writer)
            Subject: Re: Re: Best telescope for a beginner?
            Organization: Example University
            Lines: 9

            In article <1993Apr1.123@example.org> other@example.org writes:
            > Should I buy a reflector?
            > Or a refractor?
            A small reflector gives the most aperture for the money.
            Mail me at someone@example.org for the list.
            --
            A. Writer, Astronomy Club
            """
        let (subject, body) = NewsTextCleanup.usenetPost(post)
        #expect(subject == "Best telescope for a beginner?")
        #expect(body.contains("A small reflector gives the most aperture for the money."))
        #expect(!body.contains("Should I buy"))
        #expect(!body.contains("writes:"))
        #expect(!body.contains("@"))
        #expect(!body.contains("Astronomy Club"))
        #expect(!body.contains("Organization"))
    }
}
