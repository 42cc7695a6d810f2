import Testing
@testable import TextAnalysis

/// The table fast path of ``TextFolding`` must fold exactly as Foundation does.
@Suite struct TextFoldingTests {
    private func fold(_ word: String) -> String {
        var word = word
        return word.withUTF8 { TextFolding.fold($0) }
    }

    @Test func namesInEuropeanAlphabetsFoldAsFoundationFoldsThem() {
        let words = ["Bundes\u{AD}regierung", "l’Élysée", "Nguyễn", "Ἀθῆναι", "القاهرة", "ירושלים", "Erdoğan", "ERDOĞAN", "Škoda", "Łódź", "Müller", "Straße", "Ørsted", "Æbeltoft", "Ñuñoa",
                     "Θεσσαλονίκη", "ΑΘΗΝΑ", "Зеленский", "Зеленського", "Київ", "Їжакевич", "Ёлкин", "İstanbul",
                     "Sañ-Sébastien", "d’Estaing", "Kassym-Jomart", "Ceauşescu", "Ceaușescu", "Đoković"]
        for word in words {
            #expect(fold(word) == TextFolding.foldedByFoundation(word), "\(word)")
        }
        #expect(fold("Erdoğan") == "erdogan")
        #expect(fold("Straße") == "strasse")
        #expect(fold("MÜLLER") == "muller")
    }

    @Test func everyScalarOfTheTableFoldsAsFoundationFoldsIt() {
        for value in ScalarFolds.ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let word = "A" + String(Character(scalar)) + "z"
            #expect(fold(word) == TextFolding.foldedByFoundation(word), "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    @Test func wordsMixingTheTableWithOtherScalarsFoldAsFoundationFoldsThem() {
        // A combining accent or vowel sign after its letter, scalars beyond the table.
        for word in ["Jose\u{301}", "مُحَمَّد", "Ⅻ", "ﬁnance", "東京", "Jean\u{2060}Marc", "Ро\u{200C}ман", "Ω`", "é`", "’`"] {
            #expect(fold(word) == TextFolding.foldedByFoundation(word), "\(word)")
        }
    }

    @Test func generatedWordsFoldAsFoundationFoldsThem() {
        // Words of 2 to 9 scalars drawn from ASCII letters and the table, by a fixed sequence.
        let alphabet = Array("AbZq-'`") + ScalarFolds.ranges.joined().compactMap { Unicode.Scalar($0).map(Character.init) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<4_000 {
            let word = String((0..<(2 + next(8))).map { _ in alphabet[next(alphabet.count)] })
            #expect(fold(word) == TextFolding.foldedByFoundation(word), "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
