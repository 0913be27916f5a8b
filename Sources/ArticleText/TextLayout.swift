import TextSafety
import TermCore

/// Lays out `RichText` at a width into rows (`StyledLine`), every row at most that many columns wide.
///
/// Blocks are separated by one empty row. Quotes draw a bar (`│ `) before each of their rows; list items
/// hang their text after the marker (`• `, `1. `); preformatted blocks keep their lines and are clipped
/// with a `→` marker where they are cut; tables align their columns when they fit and otherwise show one
/// block per row (`Header: value`). Indentation stops growing once only a third of the width (at least
/// 10 columns) would be left for the text.
public enum TextLayout {
    /// The rows of `text` at `width` columns, followed by its numbered link list when `includeLinks`.
    /// `horizontalOffset` scrolls preformatted blocks sideways (columns hidden on the left); running text
    /// always wraps and is not affected.
    public static func lines(for text: RichText, width: Int, horizontalOffset: Int = 0,
                             includeLinks: Bool = true) -> [StyledLine] {
        guard width > 0 else { return [] }
        var layout = IncrementalLayout(width: width, horizontalOffset: horizontalOffset)
        layout.add(text.blocks[...])
        return layout.finish(links: includeLinks ? text.links : [])
    }

    /// The numbered link list alone (what `lines(for:width:)` puts after the body and an empty row).
    static func linkListLines(_ links: [String], width: Int) -> [StyledLine] {
        guard width > 0, !links.isEmpty else { return [] }
        var writer = Writer(width: width, horizontalOffset: 0)
        writer.linkList(links)
        return writer.rows.finish()
    }

    /// Rows for plain text (a comment from a source that sends text, not HTML): paragraphs are separated
    /// by one blank row however many there were; single newlines are kept as line breaks; tabs expand to
    /// 8-column stops.
    public static func plainTextLines(_ text: String, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var rows = RowBuilder()
        var blankPending = false
        for paragraph in Sanitizer.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var folded = expandTabs(String(paragraph))
            while folded.last == " " { folded.removeLast() }
            if folded.isEmpty {
                blankPending = !rows.isEmpty
                continue
            }
            if blankPending { rows.appendRow([]); blankPending = false }
            LineWrapper.wrap([StyledSpan(folded)], width: width, into: &rows)
        }
        return rows.finish()
    }

    /// `character` (one scalar) `count` times, written as UTF-8 in one allocation: `String(repeating:count:)`
    /// appends a non-ASCII character one at a time.
    static func repeated(_ character: Unicode.Scalar, count: Int) -> String {
        guard count > 0 else { return "" }
        let encoded = Array(String(character).utf8)
        return String(unsafeUninitializedCapacity: encoded.count * count) { buffer in
            var offset = 0
            for _ in 0..<count {
                for byte in encoded { buffer[offset] = byte; offset += 1 }
            }
            return offset
        }
    }

    /// Tabs as spaces to the next multiple of 8 columns.
    static func expandTabs(_ line: String) -> String {
        guard line.utf8.contains(0x09) else { return line }
        var out = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 8 - column % 8
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column += DisplayWidth.width(of: character)
            }
        }
        return out
    }

}

/// Lays out an article's top-level blocks as they arrive, then its link list: `TextLayout.lines(for:width:)`
/// in steps, so that a long article can be laid out while the rest of it is still being read.
struct IncrementalLayout {
    private var writer: Writer
    private var context = Context(first: [], rest: [], prefixWidth: 0, traits: [], listDepth: 0)
    private var emittedAny = false

    /// `expectedBytes`: the size of the HTML being laid out, when known (see `RowBuilder`).
    init(width: Int, horizontalOffset: Int = 0, expectedBytes: Int = 0) {
        writer = Writer(width: width, horizontalOffset: max(0, horizontalOffset), expectedBytes: expectedBytes)
    }

    /// Lays out the next top-level blocks.
    mutating func add(_ blocks: ArraySlice<Block>) {
        guard writer.width > 0 else { return }
        for block in blocks { writer.append(block, emittedAny: &emittedAny, context: &context) }
    }

    /// The rows, followed by the numbered list of `links` when there are any.
    mutating func finish(links: [String]) -> [StyledLine] {
        guard writer.width > 0 else { return [] }
        if !links.isEmpty { writer.linkList(links) }
        return writer.rows.finish()
    }
}

/// Where the rows of a block go: the prefix of its first row and of the others (quote bars, list
/// markers and indentation), and traits added to its text.
struct Context {
    var first: [StyledSpan]
    var rest: [StyledSpan]
    var prefixWidth: Int
    var traits: TextTraits
    var listDepth: Int
    /// Whether the next row is the block's first, which takes `first` as its prefix.
    var atFirst = true

    var current: [StyledSpan] { atFirst ? first : rest }

    /// A context nested inside this one, with `firstMarker` before its first row and `restMarker` before
    /// the others; when the indentation would leave too little room, the markers are left out.
    func nested(firstMarker: [StyledSpan], restMarker: [StyledSpan], markerWidth: Int, maxPrefix: Int,
                traits extra: TextTraits = [], listDepth: Int? = nil) -> Context {
        guard prefixWidth + markerWidth <= maxPrefix else {
            return Context(first: current, rest: rest, prefixWidth: prefixWidth, traits: traits.union(extra),
                           listDepth: listDepth ?? self.listDepth)
        }
        return Context(first: current + firstMarker, rest: rest + restMarker, prefixWidth: prefixWidth + markerWidth,
                       traits: traits.union(extra), listDepth: listDepth ?? self.listDepth)
    }
}

/// Accumulates the rows of a layout.
struct Writer {
    let width: Int
    let horizontalOffset: Int
    var rows: RowBuilder
    /// A rule (`─`) and spaces as wide as the whole width, made once: rules, table rules and table
    /// padding are slices of them.
    private(set) lazy var fullRule = TextLayout.repeated("─", count: width)
    private(set) lazy var fullSpaces = String(repeating: " ", count: width)

    /// `count` columns of `─` (at most the width).
    mutating func rule(_ count: Int) -> Substring { Substring(fullRule.utf8.prefix(3 * max(0, count))) }

    /// `count` spaces (at most the width).
    mutating func spaces(_ count: Int) -> Substring { Substring(fullSpaces.utf8.prefix(max(0, count))) }

    init(width: Int, horizontalOffset: Int, expectedBytes: Int = 0) {
        self.width = width
        self.horizontalOffset = horizontalOffset
        rows = RowBuilder(expectedBytes: expectedBytes)
    }

    /// The widest indentation allowed: a third of the width, at least 10 columns, stays for text.
    var maxPrefix: Int { max(0, width - max(10, width / 3)) }

    mutating func row(_ content: [StyledSpan], context: inout Context) {
        defer { context.atFirst = false }
        rows.appendRow(content, after: context.current)
    }

    /// An empty row between blocks; quote bars continue through it.
    mutating func blank(context: Context) {
        var spans = context.rest
        trimTrailingSpaces(&spans)
        rows.appendRow(spans)
    }

    /// Blocks one after the other, an empty row between two that showed something.
    mutating func blocks(_ blocks: [Block], context: inout Context) {
        var emittedAny = false
        for block in blocks { append(block, emittedAny: &emittedAny, context: &context) }
    }

    /// The next block of a sequence: after an empty row if an earlier block of it (`emittedAny`) showed
    /// something.
    mutating func append(_ block: Block, emittedAny: inout Bool, context: inout Context) {
        let before = rows.count
        // Inside a list item, a nested list follows its text directly, as in every reader.
        var separated = emittedAny
        if case .list = block, context.listDepth > 0 { separated = false }
        if case .caption = block { separated = false }  // a caption sits under its picture
        if separated { blank(context: context) }
        self.block(block, context: &context)
        if rows.count == before + (separated ? 1 : 0) {
            if separated { rows.removeLastRow() }  // the block showed nothing: no separator either
        } else {
            emittedAny = true
        }
    }

    mutating func block(_ block: Block, context: inout Context) {
        let available = max(1, width - context.prefixWidth)
        switch block {
        case .paragraph(let spans):
            wrapped(spans, extra: [], available: available, context: &context)
        case .heading(_, let spans):
            wrapped(spans, extra: [.heading, .bold], available: available, context: &context)
        case .caption(let spans):
            wrapped(spans, extra: [.muted, .italic], available: available, context: &context)
        case .preformatted(let text):
            // Lines split on the newline byte (a line feed is always a cluster of its own), not by
            // comparing every `Character`.
            let utf8 = text.utf8
            var start = utf8.startIndex
            while true {
                let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
                row(clipped(TextLayout.expandTabs(text[start..<end].withoutBreakHints), available: available,
                            traits: context.traits.union(.code)),
                    context: &context)
                if end == utf8.endIndex { break }
                start = utf8.index(after: end)
            }
        case .rule:
            row([StyledSpan(rule(available), traits: .muted)], context: &context)
        case .quote(let inner):
            let bar = StyledSpan("│ ", traits: [.quote, .muted])
            var nested = context.nested(firstMarker: [bar], restMarker: [bar], markerWidth: 2, maxPrefix: maxPrefix,
                                        traits: .quote)
            blocks(inner, context: &nested)
            if !nested.atFirst { context.atFirst = false }
        case .list(let ordered, let start, let items):
            list(ordered: ordered, start: start, items: items, context: &context)
        case .definitions(let definitions):
            for (index, definition) in definitions.enumerated() {
                if index > 0 && !context.atFirst && !definition.term.isEmpty { blank(context: context) }
                if !definition.term.isEmpty {
                    wrapped(definition.term, extra: .bold, available: available, context: &context)
                }
                let indent = StyledSpan("    ")
                var nested = context.nested(firstMarker: [indent], restMarker: [indent], markerWidth: 4,
                                            maxPrefix: maxPrefix)
                blocks(definition.details, context: &nested)
                if !nested.atFirst { context.atFirst = false }
            }
        case .table(let table):
            self.table(table, available: available, context: &context)
        }
    }

    mutating func wrapped(_ spans: [StyledSpan], extra: TextTraits, available: Int, context: inout Context) {
        // The wrapper writes the rows straight into `rows`, prefix included: no array per row is made.
        let added = LineWrapper.wrap(spans, width: available, traits: context.traits.union(extra),
                                     first: context.current, rest: context.rest, into: &rows)
        if added > 0 { context.atFirst = false }
    }

    mutating func list(ordered: Bool, start: Int, items: [[Block]], context: inout Context) {
        let markers: [String]
        if ordered {
            // Numbers are ASCII: their byte count is their width.
            let numbers = items.indices.map { String(start + $0) + ". " }
            let widest = numbers.map(\.utf8.count).max() ?? 0
            markers = numbers.map { $0.utf8.count == widest ? $0 : String(repeating: " ", count: widest - $0.utf8.count) + $0 }
        } else {
            let bullets = ["• ", "◦ ", "▪ "]
            markers = Array(repeating: bullets[context.listDepth % bullets.count], count: items.count)
        }
        // Every marker of a list is as wide as the first (bullets are one kind, numbers are padded), so
        // the width and the indentation of the following rows are worked out once.
        let markerWidth = markers.first.map { DisplayWidth.width(of: $0) } ?? 0
        let restMarker = [StyledSpan(String(repeating: " ", count: markerWidth))]
        let indented = context.prefixWidth + markerWidth <= maxPrefix
        let rest = indented ? context.rest + restMarker : context.rest
        for (item, marker) in zip(items, markers) {
            // `context.nested(…)`, with the rows after the first sharing one prefix.
            var nested = Context(
                first: indented ? context.current + [StyledSpan(marker, traits: context.traits.union(.muted))]
                    : context.current,
                rest: rest, prefixWidth: context.prefixWidth + (indented ? markerWidth : 0), traits: context.traits,
                listDepth: context.listDepth + 1)
            if item.isEmpty {
                row([], context: &nested)
            } else {
                blocks(item, context: &nested)
            }
            if !nested.atFirst { context.atFirst = false }
        }
    }

    /// A preformatted line cut to `available` columns after `horizontalOffset`, with `→` where it goes on
    /// and `←` where columns are hidden on the left.
    func clipped(_ line: String, available: Int, traits: TextTraits) -> [StyledSpan] {
        var skip = horizontalOffset
        var text = ""
        var column = 0
        var cut = false
        // A line that fits as it is (most of them) is one span, measured on its bytes.
        if skip == 0 {
            let total = DisplayWidth.width(of: line)
            if total <= available { return line.isEmpty ? [] : [StyledSpan(line, traits: traits)] }
        }
        var characters = line[...]
        if skip > 0 {
            while let character = characters.first, skip > 0 {
                let w = DisplayWidth.width(of: character)
                characters = characters.dropFirst()
                skip -= w
            }
            // A wide character straddling the left edge leaves one blank column.
            if skip < 0 { text = " "; column = 1 }
        }
        let total = column + DisplayWidth.width(of: characters)
        let limit = total > available ? available - 1 : available
        for character in characters {
            let w = DisplayWidth.width(of: character)
            if column + w > limit { cut = true; break }
            text.append(character)
            column += w
        }
        var spans = text.isEmpty ? [] : [StyledSpan(text, traits: traits)]
        if cut && available >= 1 { spans.append(StyledSpan("→", traits: .muted)) }
        return spans
    }

    mutating func table(_ table: Table, available: Int, context: inout Context) {
        let columns = table.rows.reduce(0) { max($0, $1.cells.count) }
        guard columns > 0 else { return }
        // Cells are not wrapped, so the break hints the wrapper would consume are removed here. Each
        // cell's width is measured once.
        var texts: [[[StyledSpan]]] = []
        var cellWidths: [[Int]] = []
        texts.reserveCapacity(table.rows.count)
        cellWidths.reserveCapacity(table.rows.count)
        var widths = Array(repeating: 0, count: columns)
        for tableRow in table.rows {
            var cells: [[StyledSpan]] = []
            var rowWidths: [Int] = []
            cells.reserveCapacity(tableRow.cells.count)
            rowWidths.reserveCapacity(tableRow.cells.count)
            for (index, cell) in tableRow.cells.enumerated() {
                // Most cells have neither newlines nor break hints: their spans are used as they are.
                let spans = cell.contains { $0.text.hasNewlineOrTab || $0.text.mayHaveBreakHints }
                    ? cell.map { StyledSpan($0.text.replacingNewlines().breakHintsRemoved, traits: $0.traits) } : cell
                let used = spans.reduce(0) { $0 + DisplayWidth.width(of: $1.text) }
                widths[index] = max(widths[index], used)
                cells.append(spans)
                rowWidths.append(used)
            }
            texts.append(cells)
            cellWidths.append(rowWidths)
        }
        let separator = " │ "
        let total = widths.reduce(0, +) + 3 * (columns - 1)
        if total <= available {
            for (rowIndex, cells) in texts.enumerated() {
                var spans: [StyledSpan] = []
                spans.reserveCapacity(cells.reduce(0) { $0 + $1.count } + 2 * columns)
                let isHeader = table.rows[rowIndex].isHeader
                // Every span takes the context's traits (a table in a quote is quoted), cells of a header
                // row are bold.
                let cellTraits = isHeader ? context.traits.union(.bold) : context.traits
                for column in 0..<columns {
                    let present = column < cells.count
                    if present {
                        for span in cells[column] { spans.append(StyledSpan(span.text, traits: span.traits.union(cellTraits))) }
                    }
                    if column < columns - 1 {
                        let used = present ? cellWidths[rowIndex][column] : 0
                        spans.append(StyledSpan(spaces(widths[column] - used), traits: context.traits))
                        spans.append(StyledSpan(separator, traits: context.traits.union(.muted)))
                    }
                }
                trimTrailingSpaces(&spans)
                row(spans, context: &context)
                if isHeader && (rowIndex + 1 < texts.count) && !table.rows[rowIndex + 1].isHeader {
                    var line = ""
                    for (column, columnWidth) in widths.enumerated() {
                        if column > 0 { line += "─┼─" }
                        line.append(contentsOf: rule(columnWidth))  // a substring: not appended per character
                    }
                    row([StyledSpan(line, traits: .muted)], context: &context)
                }
            }
            return
        }
        // Too wide: one block per row, each cell on its own rows, labelled by the header when there is one.
        let header = table.rows.first(where: \.isHeader).map { headerRow in headerRow.cells.map { $0.map(\.text).joined() } }
        var firstBlock = true
        for (rowIndex, cells) in texts.enumerated() where !table.rows[rowIndex].isHeader || header == nil {
            if !firstBlock { blank(context: context) }
            firstBlock = false
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                var spans = cell
                if let header, column < header.count, !header[column].isEmpty {
                    spans.insert(StyledSpan(header[column] + ": ", traits: .bold), at: 0)
                }
                wrapped(spans, extra: [], available: available, context: &context)
            }
        }
    }

    private func trimTrailingSpaces(_ spans: inout [StyledSpan]) {
        while let last = spans.last, last.text.utf8.last == 0x20 {
            // Sliced, not `removeLast()`: removing from a substring copies the string it shares.
            var text = last.text
            while text.utf8.last == 0x20 { text = Substring(text.utf8.dropLast()) }
            if text.isEmpty { spans.removeLast() } else { spans[spans.count - 1].text = text; break }
        }
    }

    /// `[n] ` right-aligned in `width` columns, written as bytes: an article's link list makes one per
    /// link, and joining strings made each of them several steps.
    static func linkMarker(_ number: Int, width: Int) -> String {
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let length = max(width, digits + 3)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var offset = 0
            while offset < length - digits - 3 { buffer[offset] = 0x20; offset += 1 }
            buffer[offset] = 0x5B  // [
            var value = number
            for position in stride(from: offset + digits, to: offset, by: -1) {
                buffer[position] = UInt8(0x30 + value % 10)
                value /= 10
            }
            buffer[offset + digits + 1] = 0x5D  // ]
            buffer[offset + digits + 2] = 0x20
            return length
        }
    }

    /// The numbered link list: `[n] URL`, URLs wrapped under themselves. Markers are right-aligned to
    /// the widest; when even that would leave too little room, they are left out.
    mutating func linkList(_ links: [String]) {
        if !rows.isEmpty { rows.appendRow([]) }
        let widest = String(links.count).utf8.count + 3  // "[n] "
        let indented = widest <= maxPrefix
        let rest = indented ? [StyledSpan(String(repeating: " ", count: widest))] : []
        let available = max(1, width - (indented ? widest : 0))
        for (index, url) in links.enumerated() {
            let marker = Self.linkMarker(index + 1, width: widest)
            // Most URLs are printable ASCII that fits: one row, as the wrapper would make it, written
            // straight into the rows.
            let fits = !url.isEmpty && url.utf8.count <= available
                && (url.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } } ?? false)
            if fits {
                if indented {
                    let start = rows.add(Substring(marker))
                    rows.appendPiece(start: start, end: start + marker.utf8.count, traits: .muted)
                }
                let start = rows.add(Substring(url))
                rows.appendPiece(start: start, end: start + url.utf8.count, traits: [.link, .muted])
                rows.endRow()
            } else {
                let first = indented ? [StyledSpan(marker, traits: .muted)] : []
                LineWrapper.wrap([StyledSpan(url, traits: [.link, .muted])], width: available, first: first, rest: rest,
                                 into: &rows)
            }
        }
    }
}

extension Substring {
    /// `withoutBreakHints` that returns text without hints (nearly all) as it is, still shared.
    var breakHintsRemoved: Substring {
        guard mayHaveBreakHints else { return self }
        return Substring(withoutBreakHints)
    }

    /// Whether the text holds a byte that starts a soft hyphen (C2) or a zero-width space (E2): when not,
    /// it has neither.
    var mayHaveBreakHints: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0xC2 || $0 == 0xE2 } }
            ?? utf8.contains { $0 == 0xC2 || $0 == 0xE2 }
    }
}

extension StringProtocol {
    /// Without soft hyphens and zero-width spaces: break hints for the wrapper, never drawn (a terminal
    /// may show a soft hyphen as a visible hyphen, in a column nobody counted).
    var withoutBreakHints: String {
        guard utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return String(self) }
        guard unicodeScalars.contains(where: { $0.value == 0xAD || $0.value == 0x200B }) else { return String(self) }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars where scalar.value != 0xAD && scalar.value != 0x200B { result.append(scalar) }
        return String(result)
    }
}
