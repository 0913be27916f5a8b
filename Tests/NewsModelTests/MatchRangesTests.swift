import Testing
@testable import NewsModel

@Suite("Where search words occur")
struct MatchRangesTests {
    @Test("Occurrences are found ignoring case, in Character offsets, sorted, without overlap")
    func ranges() {
        #expect(MatchRanges.of(["maduro"], in: Array("Maduro and MADURO")) == [0..<6, 11..<17])
        #expect(MatchRanges.of(["東京", "b"], in: Array("b 東京 b")) == [0..<1, 2..<4, 5..<6])
        #expect(MatchRanges.of(["aa"], in: Array("aaa")) == [0..<2])
        #expect(MatchRanges.of([""], in: Array("abc")).isEmpty)
    }
}
