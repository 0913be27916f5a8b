import NewsModel

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

    /// Parses text in which matches are wrapped in `SearchMarkers` (the index's CJK separators dropped).
    init(markedWith text: String) {
        var plain = ""
        var matches: [Range<Int>] = []
        var start: Int?
        var count = 0
        var segment = String.UnicodeScalarView()
        func flush() {
            let piece = String(segment)
            count += piece.count
            plain += piece
            segment = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case SearchMarkers.open:
                flush(); start = count
            case SearchMarkers.close:
                flush()
                if let begin = start, begin < count {
                    if let last = matches.last, last.upperBound >= begin {
                        matches[matches.count - 1] = last.lowerBound..<max(count, last.upperBound)
                    } else {
                        matches.append(begin..<count)
                    }
                }
                start = nil
            case SearchMarkers.separator:
                continue
            default:
                segment.append(scalar)
            }
        }
        flush()
        self.init(text: plain, matches: matches)
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
