/// What a run of text means, for the theme to colour: ArticleText says *what* a span is, ReaderUI decides
/// how it looks.
public struct TextTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let bold = TextTraits(rawValue: 1 << 0)
    public static let italic = TextTraits(rawValue: 1 << 1)
    public static let underline = TextTraits(rawValue: 1 << 2)
    public static let strikethrough = TextTraits(rawValue: 1 << 3)
    public static let code = TextTraits(rawValue: 1 << 4)
    public static let link = TextTraits(rawValue: 1 << 5)
    public static let heading = TextTraits(rawValue: 1 << 6)
    public static let quote = TextTraits(rawValue: 1 << 7)
    /// Secondary text: captions, link lists, markers such as `[image: …]`.
    public static let muted = TextTraits(rawValue: 1 << 8)
    /// A search match.
    public static let match = TextTraits(rawValue: 1 << 9)
}

/// A run of sanitised text with one set of traits.
///
/// The text is a `Substring` so that the spans of a paragraph, and the pieces of the rows cut from it,
/// share the paragraph's one string instead of each owning a copy: laying out a long article then
/// allocates one array per row and no strings.
public struct StyledSpan: Sendable, Equatable {
    public var text: Substring
    public var traits: TextTraits
    public init(_ text: Substring, traits: TextTraits = []) { self.text = text; self.traits = traits }
    public init(_ text: String, traits: TextTraits = []) { self.text = Substring(text); self.traits = traits }
}

/// One laid-out row: spans whose total display width fits the width it was laid out for.
///
/// A row made by a layout does not own its spans: it points at its place in the layout's `RowStorage`,
/// where every row's pieces sit in one array and refer to the texts they were cut from. A 1 MB article's
/// twenty thousand rows then cost no allocation and no reference count each, to make or to free; the
/// spans of a row are put together when it is read (a pane reads the few it shows).
public struct StyledLine: Sendable, Equatable {
    private enum Content: Sendable {
        case spans([StyledSpan])
        case stored(RowStorage, Int32)
    }
    private let content: Content

    public init(_ spans: [StyledSpan] = []) { content = .spans(spans) }
    public init(_ text: String, traits: TextTraits = []) { content = .spans([StyledSpan(text, traits: traits)]) }
    init(storage: RowStorage, row: Int32) { content = .stored(storage, row) }

    /// The row's spans, in order.
    public var spans: [StyledSpan] {
        switch content {
        case .spans(let spans): spans
        case .stored(let storage, let row): storage.spans(ofRow: Int(row))
        }
    }

    /// The row's text without traits, for tests and search.
    public var plainText: String { spans.map(\.text).joined() }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool { lhs.spans == rhs.spans }
}
