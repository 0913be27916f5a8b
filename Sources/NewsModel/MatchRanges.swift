/// Where words occur in a text, as `Character` offsets, ignoring case: one rule for the cache's search
/// snippets and the headline highlighting, so what is highlighted is what was found.
public enum MatchRanges {
    /// Every non-overlapping occurrence of each of `words` in `characters`, sorted by start.
    public static func of(_ words: [String], in characters: [Character]) -> [Range<Int>] {
        let lowered = characters.map { String($0).lowercased() }
        var ranges: [Range<Int>] = []
        for word in words {
            let needle = word.map { String($0).lowercased() }
            guard !needle.isEmpty, needle.count <= lowered.count else { continue }
            var start = 0
            while start + needle.count <= lowered.count {
                if Array(lowered[start..<(start + needle.count)]) == needle {
                    ranges.append(start..<(start + needle.count))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}
