/// A piece of a laid-out row: a UTF-8 range of the layout's text, with its traits.
struct RowPiece: Sendable {
    var start: Int32
    var end: Int32
    var traits: TextTraits
}

/// The rows of one layout, stored flat: each row's pieces are `pieces[rowStarts[r]..<rowStarts[r + 1]]`,
/// and each piece is a UTF-8 range of `text`, which holds every paragraph, prefix and marker the rows
/// show, one after the other. Shared by the `StyledLine`s that point into it; immutable once built.
/// Freeing it frees three buffers, whatever the number of rows.
final class RowStorage: Sendable {
    let text: String
    let pieces: [RowPiece]
    let rowStarts: [Int32]

    init(text: String, pieces: [RowPiece], rowStarts: [Int32]) {
        self.text = text
        self.pieces = pieces
        self.rowStarts = rowStarts
    }

    /// Row `row` as spans: slices of `text`, so nothing is copied.
    func spans(ofRow row: Int) -> [StyledSpan] {
        let range = Int(rowStarts[row])..<Int(rowStarts[row + 1])
        var spans: [StyledSpan] = []
        spans.reserveCapacity(range.count)
        let utf8 = text.utf8
        for piece in pieces[range] {
            let lower = utf8.index(utf8.startIndex, offsetBy: Int(piece.start))
            let upper = utf8.index(lower, offsetBy: Int(piece.end - piece.start))
            spans.append(StyledSpan(Substring(utf8[lower..<upper]), traits: piece.traits))
        }
        return spans
    }
}

/// Collects rows as they are laid out (`TextLayout`, `LineWrapper`) and makes them `StyledLine`s sharing
/// one `RowStorage` at the end. A text (a paragraph, a prefix) is copied once into the layout's own text
/// and its rows refer to byte ranges of it: cutting a row out of a paragraph adds pieces, allocates
/// nothing and touches no reference count, and the paragraphs themselves can be freed as soon as they
/// are laid out.
struct RowBuilder {
    private var text = ""
    private var pieces: [RowPiece] = []
    private var rowStarts: [Int32] = [0]

    /// `expectedBytes`, the size of the document being laid out when known, sizes the buffers once
    /// instead of growing them step by step (a row of text is some fifty bytes of HTML).
    init(expectedBytes: Int = 0) {
        guard expectedBytes > 0 else { return }
        text.reserveCapacity(expectedBytes)
        pieces.reserveCapacity(expectedBytes / 16)
        rowStarts.reserveCapacity(expectedBytes / 48)
    }

    /// How many rows so far.
    var count: Int { rowStarts.count - 1 }
    var isEmpty: Bool { rowStarts.count == 1 }

    /// Copies `added` into the layout's text; returns where it starts there. Appending a string to a
    /// string copies its bytes without checking them again.
    mutating func add(_ added: Substring) -> Int {
        let start = text.utf8.count
        text.append(contentsOf: added)
        return start
    }

    /// The byte of the layout's text at `offset`.
    func byte(at offset: Int) -> UInt8 {
        let utf8 = text.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: offset)]
    }

    /// Adds a piece (a range of the layout's text) to the row being built. An empty piece is kept: it is
    /// a span of the row (tables pad with them).
    mutating func appendPiece(start: Int, end: Int, traits: TextTraits) {
        pieces.append(RowPiece(start: Int32(start), end: Int32(end), traits: traits))
    }

    /// The pieces of the row being built.
    var openPieceCount: Int { pieces.count - Int(rowStarts[rowStarts.count - 1]) }

    /// The last piece of the row being built; there must be one.
    var lastPiece: RowPiece {
        get { pieces[pieces.count - 1] }
        set { pieces[pieces.count - 1] = newValue }
    }

    mutating func removeLastPiece() { pieces.removeLast() }

    /// Ends the row being built.
    mutating func endRow() { rowStarts.append(Int32(pieces.count)) }

    /// A whole row from spans, after `prefix` (for rows that are not cut from a paragraph: rules, table
    /// rows, blanks).
    mutating func appendRow(_ spans: [StyledSpan], after prefix: [StyledSpan] = []) {
        for span in prefix { appendSpan(span) }
        for span in spans { appendSpan(span) }
        endRow()
    }

    private mutating func appendSpan(_ span: StyledSpan) {
        let start = add(span.text)
        appendPiece(start: start, end: start + span.text.utf8.count, traits: span.traits)
    }

    /// Drops the last row (a separator before a block that showed nothing).
    mutating func removeLastRow() {
        guard rowStarts.count > 1 else { return }
        rowStarts.removeLast()
        pieces.removeSubrange(Int(rowStarts[rowStarts.count - 1])...)
    }

    /// The rows, as `StyledLine`s sharing one storage.
    func finish() -> [StyledLine] {
        guard !isEmpty else { return [] }
        let storage = RowStorage(text: text, pieces: pieces, rowStarts: rowStarts)
        return (0..<count).map { StyledLine(storage: storage, row: Int32($0)) }
    }
}
