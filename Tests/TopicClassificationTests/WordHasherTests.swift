import Testing
import TopicClassification

@Suite struct WordHasherTests {
    let hasher = WordHasher(options: { var o = FeatureOptions(); o.bigrams = false; return o }())

    func buckets(_ text: String) -> [Int] {
        var out: [Int] = []
        hasher.forEachBucket(in: text) { out.append($0) }
        return out
    }

    /// A slow reference: lowercase, digits to 0, drop apostrophes between letters, split on the rest.
    func referenceWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if s.properties.isAlphabetic && s.isASCII || ("0"..."9").contains(s) {
                current.unicodeScalars.append(("0"..."9").contains(s) ? "0" : Unicode.Scalar(UInt8(s.value) | 0x20))
            } else if s == "'" && !current.isEmpty && i + 1 < scalars.count && scalars[i + 1].properties.isAlphabetic {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test(arguments: [
        "The Bank of England's rate-setters held rates at 4.75% on Thursday.",
        "Chelsea beat Arsenal 2-1 at Stamford Bridge; Drogba scored twice (47', 88').",
        "  leading and trailing   spaces\n\nand\tTabs ",
        "don't won't O'Neill rock'n'roll 'quoted' ends'",
    ])
    func matchesTheReferenceWordSplitOnASCII(text: String) {
        let expected = referenceWords(text).flatMap { buckets($0) }
        #expect(buckets(text) == expected)
        #expect(referenceWords(text).allSatisfy { buckets($0).count == 1 })
    }

    /// The shipped topic model stores weights by these buckets: they must never move.
    @Test func bucketsKeepTheirValuesForShippedModels() {
        var options = FeatureOptions()
        options.hashBits = 18
        options.bigrams = true
        var out: [Int] = []
        WordHasher(options: options).forEachBucket(in: "Central BANK") { out.append($0) }
        #expect(out == [56342, 170446, 138161])
    }

    @Test func foldsCaseDigitsApostrophesAndLatinCapitals() {
        #expect(buckets("BANK'S") == buckets("banks"))
        #expect(buckets("Bank’s") == buckets("banks"))
        #expect(buckets("2004") == buckets("1999"))
        #expect(buckets("ÉCOLE Zürich") == buckets("école zürich"))
        #expect(buckets("peace—talks") == buckets("peace talks"))
        #expect(buckets("“ceasefire”") == buckets("ceasefire"))
        #expect(buckets("£5bn") == buckets("5bn"))
        #expect(buckets("war") != buckets("wars"))
        #expect(buckets("").isEmpty)
        #expect(buckets("!!! ... ???").isEmpty)
    }

    @Test func bigramsAddOneFeaturePerAdjacentPair() {
        let withBigrams = WordHasher(options: FeatureOptions())
        var count = 0
        withBigrams.forEachBucket(in: "central bank raises rates") { _ in count += 1 }
        #expect(count == 4 + 3)
    }

    @Test func survivesInvalidAndTruncatedUTF8() {
        let bytes: [UInt8] = [0x61, 0xE2, 0x80, 0xC3, 0xFF, 0x62, 0xC2]
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in hasher.forEachBucket(inBytes: buffer) { _ in count += 1 } }
        #expect(count >= 1)
    }
}
