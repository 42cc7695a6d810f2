@_spi(GazetteInternal) import GazetteCore

/// Splits UTF-8 text into folded words and hashes words and adjacent word pairs into buckets.
///
/// Works on bytes: ASCII letters are lowercased, Latin-1 capitals (À–Þ) are lowercased, digits all
/// become `0` (so `2004` and `1999` share a feature), apostrophes inside a word are dropped
/// (`bank's` → `banks`), and ASCII punctuation, Latin-1 symbols (U+0080–U+00BF) and general
/// punctuation (U+2000–U+206F: dashes, curly quotes) separate words. Every other non-ASCII
/// character is part of a word, so accented and non-Latin words stay whole.
package struct WordHasher: Sendable, Hashable {
    /// Bucket mask (`dimension - 1`).
    public let mask: UInt64
    /// Whether adjacent word pairs are hashed too.
    public let bigrams: Bool
    /// Word hashes of the stop words, in an open-addressing table (0 = empty slot), or empty.
    let stopTable: [UInt64]

    /// Creates a hasher for the given options.
    public init(options: FeatureOptions) {
        mask = UInt64(options.dimension - 1)
        bigrams = options.bigrams
        stopTable = Self.table(of: options.stopWords)
    }

    /// The hash of each word of `words` (folded like text), in a table with at least 4 slots per word.
    static func table(of words: [String]) -> [UInt64] {
        guard !words.isEmpty else { return [] }
        var size = 16
        while size < words.count * 4 { size <<= 1 }
        var table = [UInt64](repeating: 0, count: size)
        let hasher = WordHasher(mask: 0, bigrams: false, stopTable: [])
        for word in words {
            var copy = word
            copy.withUTF8 { bytes in
                hasher.forEachWordHash(bytes) { hash, _ in
                    var slot = Int(finalize(hash) & UInt64(size - 1))
                    while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & (size - 1) }
                    table[slot] = hash
                }
            }
        }
        return table
    }

    private init(mask: UInt64, bigrams: Bool, stopTable: [UInt64]) {
        self.mask = mask
        self.bigrams = bigrams
        self.stopTable = stopTable
    }

    /// Whether the word with FNV hash `hash` (finalised: `mixed`) is a stop word.
    @inline(__always) func isStopWord(_ hash: UInt64, mixed: UInt64) -> Bool {
        guard !stopTable.isEmpty else { return false }
        let tableMask = stopTable.count - 1
        var slot = Int(mixed & UInt64(tableMask))
        while true {
            let entry = stopTable[slot]
            if entry == hash { return true }
            if entry == 0 { return false }
            slot = (slot + 1) & tableMask
        }
    }

    /// Calls `body` with the bucket of every unigram and (if enabled) bigram of `text`, in text order.
    public func forEachBucket(in text: String, _ body: (Int) -> Void) {
        var copy = text
        copy.withUTF8 { forEachBucket(inBytes: $0, body) }
    }

    /// Calls `body` with the bucket of every unigram and bigram of UTF-8 `bytes`, in text order; stop
    /// words give no bucket, and the bigram spans them.
    public func forEachBucket(inBytes bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        forEachFeature(inBytes: bytes) { bucket, _ in body(bucket) }
    }

    /// Calls `body` with the bucket of every unigram and bigram of UTF-8 `bytes` and the byte range it
    /// covers (a bigram's runs from its first word's start to its second word's end).
    public func forEachFeature(inBytes bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) -> Void) {
        forEachFeature(inBytes: bytes, word: { _, _ in }, body)
    }

    /// As ``forEachFeature(inBytes:_:)``, and calls `word` with the FNV hash and range of each word
    /// that is not a stop word (in the same pass: cluster features need the word's hash).
    func forEachFeature(inBytes bytes: UnsafeBufferPointer<UInt8>, word: (UInt64, Range<Int>) -> Void, _ body: (Int, Range<Int>) -> Void) {
        var previous: UInt64 = 0
        var previousStart = 0
        var havePrevious = false
        forEachWordHash(bytes) { hash, range in
            let mixed = Self.finalize(hash)
            if isStopWord(hash, mixed: mixed) { return }
            word(hash, range)
            body(Int(mixed & mask), range)
            if bigrams && havePrevious {
                body(Int(Self.finalize(previous &* StableHash.golden ^ hash ^ 0x5BD1_E995) & mask), previousStart..<range.upperBound)
            }
            previous = hash
            previousStart = range.lowerBound
            havePrevious = true
        }
    }

    /// Calls `body` with the FNV-1a hash of each folded word of `bytes` that is not a stop word, and its byte range.
    func forEachContentWord(inBytes bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64, Range<Int>) -> Void) {
        forEachWordHash(bytes) { hash, range in
            if !isStopWord(hash, mixed: Self.finalize(hash)) { body(hash, range) }
        }
    }

    /// Calls `body` with the FNV-1a hash of each folded word of `bytes` and the word's byte range.
    func forEachWordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64, Range<Int>) -> Void) {
        let offset = StableHash.fnvOffset
        var hash = offset
        var inWord = false
        var start = 0
        var i = 0
        let n = bytes.count
        @inline(__always) func add(_ b: UInt8) {
            if !inWord { start = i }
            hash = StableHash.fnv1a(hash, b)
        }
        @inline(__always) func endWord() {
            if inWord { body(hash, start..<i) }
            inWord = false
            hash = offset
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x61 && b <= 0x7A {  // a-z
                    add(b); inWord = true
                } else if b >= 0x41 && b <= 0x5A {  // A-Z
                    add(b | 0x20); inWord = true
                } else if b >= 0x30 && b <= 0x39 {  // digits fold to 0
                    add(0x30); inWord = true
                } else if b == 0x27 && inWord && i + 1 < n && Self.isWordStart(bytes, i + 1) {
                    // apostrophe inside a word: dropped
                } else {
                    endWord()
                }
                i += 1
                continue
            }
            // Multi-byte sequence.
            if b == 0xC2 {
                // U+0080–U+00BF: Latin-1 symbols and punctuation separate words.
                endWord()
                i += 2
                continue
            }
            if b == 0xE2 && i + 1 < n && (bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81) {
                // U+2000–U+207F general punctuation; U+2019 inside a word is an apostrophe.
                if inWord && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 && i + 3 < n && Self.isWordStart(bytes, i + 3) {
                    i += 3
                    continue
                }
                endWord()
                i += 3
                continue
            }
            if b == 0xC3 && i + 1 < n {
                var c = bytes[i + 1]
                if c == 0x97 || c == 0xB7 {  // × ÷
                    endWord()
                    i += 2
                    continue
                }
                if c >= 0x80 && c <= 0x9E { c += 0x20 }  // À–Þ → à–þ
                add(0xC3); add(c); inWord = true
                i += 2
                continue
            }
            add(b); inWord = true
            i += 1
        }
        endWord()
    }

    @inline(__always) static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b >= 0x80 { return b != 0xC2 && b != 0xE2 }
        let l = b | 0x20
        return (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    /// Mixes the bits of a word hash so that low bits are usable as a bucket (splitmix64 finaliser).
    @inline(__always) static func finalize(_ x: UInt64) -> UInt64 { StableHash.finalize(x) }
}
