import TextSafety

/// An article as a tree of blocks, independent of any width: what the HTML means, not how it is laid out.
/// Build it once per story (`ArticleRenderer.richText(fromHTML:baseURL:)`) and lay it out again on every
/// resize (`TextLayout.lines(for:width:)`). All text in it has passed through `Sanitizer`.
public struct RichText: Sendable, Equatable {
    /// The body, in reading order.
    public var blocks: [Block]
    /// Link targets, numbered from 1 in order of first appearance: the span `[n]` in the text refers to
    /// `links[n - 1]`. Only http, https and mailto URLs are kept as links.
    public var links: [String]

    public init(blocks: [Block] = [], links: [String] = []) { self.blocks = blocks; self.links = links }
}

/// One block of an article. Nesting (quotes, lists) is capped at `RichText.maxDepth` levels when built
/// from HTML, so laying it out never recurses deeply whatever the input. Not `indirect`: nesting
/// goes through arrays already, and a block stored in place costs no box of its own.
public enum Block: Sendable, Equatable {
    /// Running text; `"\n"` inside a span is a hard line break (`<br>`).
    case paragraph([StyledSpan])
    /// A heading, level 1 to 6.
    case heading(level: Int, [StyledSpan])
    /// Text shown exactly as written, never reflowed: clipped at the pane's width.
    case preformatted(String)
    /// A block quotation, drawn with a bar.
    case quote([Block])
    /// An ordered or unordered list; each item is a sequence of blocks.
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// A definition list: terms, each followed by its descriptions.
    case definitions([Definition])
    /// A horizontal rule.
    case rule
    /// A table, as rows of cells (each cell's text already flattened to spans).
    case table(Table)
    /// A caption (figure caption, table caption): shown muted.
    case caption([StyledSpan])
}

/// One entry of a definition list: the term (possibly empty) and the blocks that describe it.
public struct Definition: Sendable, Equatable {
    public var term: [StyledSpan]
    public var details: [Block]
    public init(term: [StyledSpan], details: [Block]) { self.term = term; self.details = details }
}

/// A table's rows; `isHeader` marks rows made of `<th>` cells or inside `<thead>`.
public struct Table: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var cells: [[StyledSpan]]
        public var isHeader: Bool
        public init(cells: [[StyledSpan]], isHeader: Bool) { self.cells = cells; self.isHeader = isHeader }
    }
    public var rows: [Row]
    public init(rows: [Row]) { self.rows = rows }
}

extension RichText {
    /// How many levels of quotes and lists are kept; deeper levels are laid out at the deepest kept one.
    /// The indentation would have eaten the pane's width long before, and it bounds recursion.
    public static let maxDepth = 12
}
