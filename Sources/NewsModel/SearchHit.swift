
/// Text with the parts that matched a search marked, for drawing highlights.
public struct MarkedText: Sendable, Equatable, Codable {
    public var text: String
    /// The matched parts as ranges of `Character` offsets into `text`, in order, not overlapping.
    public var matches: [Range<Int>]

    public init(text: String, matches: [Range<Int>] = []) {
        self.text = text; self.matches = matches
    }

    /// The text with `open` and `close` around each match (`[` `]` for plain output, SGR codes for a tty).
    public func marked(open: String, close: String) -> String {
        var out = ""
        var offset = 0
        var pending = matches[...]
        for character in text {
            if let next = pending.first, next.lowerBound == offset { out += open }
            out.append(character)
            offset += 1
            if let next = pending.first, next.upperBound == offset { out += close; pending = pending.dropFirst() }
        }
        return out
    }
}

/// One search result: the story's headline, its title and a snippet of its text with the matches marked.
public struct SearchHit: Sendable, Equatable, Codable {
    public var headline: Headline
    public var title: MarkedText
    public var snippet: MarkedText

    public init(headline: Headline, title: MarkedText, snippet: MarkedText) {
        self.headline = headline; self.title = title; self.snippet = snippet
    }
}
