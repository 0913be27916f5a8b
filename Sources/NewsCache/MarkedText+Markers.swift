import NewsModel

/// Reading the index's marked snippets into `MarkedText`.
extension MarkedText {
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
