@_spi(GazetteInternal) import GazetteCore
import Testing

/// Golden values for the hashes that shipped models and caches store. If one of these fails, the
/// change breaks every shipped entity model, topic model and compiled gazetteer cache: revert it.
@Suite struct StableHashTests {
    @Test func fnv1a64MatchesThePublishedTestVectors() {
        #expect(StableHash.fnv1a([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.fnv1a(Array("foobar".utf8)) == 0x8594_4171_F739_67E8)
    }

    @Test func fnv1a32MatchesThePublishedTestVectors() {
        var hash = StableHash.fnv32Offset
        for byte in "foobar".utf8 { hash = StableHash.fnv1a32(hash, byte) }
        #expect(hash == 0xBF9C_F968)
        #expect(StableHash.fnv1a32(StableHash.fnv32Offset, UInt8(ascii: "a")) == 0xE40C_292C)
    }

    @Test func lowercasedHashEqualsTheHashOfTheLowercasedBytes() {
        #expect(StableHash.fnv1aASCIILowercased(Array("NATO Kyiv".utf8)) == StableHash.fnv1a(Array("nato kyiv".utf8)))
        // Only ASCII capitals fold; other bytes (here `É` in UTF-8) stay as they are.
        #expect(StableHash.fnv1aASCIILowercased(Array("É".utf8)) == StableHash.fnv1a(Array("É".utf8)))
    }

    @Test func generatorMatchesTheSplitmix64Reference() {
        var generator = StableHash.Generator(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
        #expect(generator.next() == 9_817_491_932_198_370_423)
    }

    @Test func mixersKeepTheirValues() {
        #expect(StableHash.finalize(0x1234) == 0xBBAB_031D_6FC0_F336)
        #expect(StableHash.mix(42) == 0xBDD7_3226_2FEB_6E95)
        let new = StableHash.extend(StableHash.golden, StableHash.fnv1a(Array("new".utf8)))
        #expect(new == 0x2138_1844_5C1C_B62F)
        #expect(StableHash.extend(new, StableHash.fnv1a(Array("york".utf8))) == 0x8C83_4E60_6998_560D)
    }
}
