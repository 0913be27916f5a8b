/// One line of text from outside that has been through `Sanitizer.cleanLine`: nothing in it can act on a
/// terminal, and its white space is folded. Its only initialisers clean (decoding too), so code that is
/// handed a `SafeLine` — the headline list painting every row of every frame — draws it without cleaning
/// it again.
public struct SafeLine: Sendable, Hashable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The cleaned text.
    public let text: String

    /// `raw` made safe by `Sanitizer.cleanLine` (free for the usual clean title: a byte check).
    public init(_ raw: String) { text = Sanitizer.cleanLine(raw) }

    public init(stringLiteral value: String) { self.init(value) }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }
    public var isEmpty: Bool { text.isEmpty }

    public static func < (lhs: SafeLine, rhs: SafeLine) -> Bool { lhs.text < rhs.text }
}
