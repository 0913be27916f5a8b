import TextSafety

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
///
/// The text is gathered as bytes and becomes a `String` once, in `finish()`: appending to an array of
/// bytes is a copy, appending to a string was several times that for the short texts most rows add.
/// Every text added is a whole string or a slice of one cut where a character starts, so the bytes
/// are UTF-8 throughout.
struct RowBuilder {
    private var text: [UInt8] = []
    private var pieces: [RowPiece] = []
    private var rowStarts: [Int32] = [0]
    /// Buffers `LineWrapper.wrap` reuses from one paragraph to the next, so that wrapping one allocates
    /// nothing: the runs of its spans, and the pieces of its prefixes (`setPrefixes`).
    var wrapRuns: [WrapRun] = []
    private var prefixPieces: [RowPiece] = []

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

    /// Copies `added` into the layout's text; returns where it starts there.
    mutating func add(_ added: Substring) -> Int {
        let start = text.count
        let copied = added.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            text.append(contentsOf: bytes)
            return true
        } ?? false
        if !copied { text.append(contentsOf: added.utf8) }
        return start
    }

    /// The byte of the layout's text at `offset`.
    func byte(at offset: Int) -> UInt8 { text[offset] }

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

    /// Copies the prefixes of a paragraph's rows into the text once, as pieces `appendPrefix` adds to
    /// each row: `first`'s before its first row, `rest`'s before the others.
    mutating func setPrefixes(first: [StyledSpan], rest: [StyledSpan]) {
        if !prefixPieces.isEmpty { prefixPieces.removeAll(keepingCapacity: true) }
        for span in first { prefixPieces.append(piece(for: span)) }
        for span in rest { prefixPieces.append(piece(for: span)) }
    }

    /// Adds the pieces of the prefix set by `setPrefixes` (`first`'s, the first `firstCount`, or `rest`'s)
    /// to the row being built.
    mutating func appendPrefix(first isFirst: Bool, firstCount: Int) {
        let range = isFirst ? 0..<firstCount : firstCount..<prefixPieces.count
        guard !range.isEmpty else { return }
        pieces.append(contentsOf: prefixPieces[range])
    }

    /// `span`'s text copied into the layout's text, as a piece.
    private mutating func piece(for span: StyledSpan) -> RowPiece {
        let start = add(span.text)
        return RowPiece(start: Int32(start), end: Int32(start + span.text.utf8.count), traits: span.traits)
    }

    /// Ends the row being built.
    mutating func endRow() { rowStarts.append(Int32(pieces.count)) }

    /// A whole row from spans, after `prefix` (for rows that are not cut from a paragraph: rules, table
    /// rows, blanks).
    mutating func appendRow(_ spans: [StyledSpan], after prefix: [StyledSpan] = []) {
        for span in prefix { appendSpan(span) }
        for span in spans { appendSpan(span) }
        endRow()
    }

    private mutating func appendSpan(_ span: StyledSpan) { pieces.append(piece(for: span)) }

    /// Drops the last row (a separator before a block that showed nothing).
    mutating func removeLastRow() {
        guard rowStarts.count > 1 else { return }
        rowStarts.removeLast()
        pieces.removeSubrange(Int(rowStarts[rowStarts.count - 1])...)
    }

    /// The rows, as `StyledLine`s sharing one storage.
    func finish() -> [StyledLine] {
        guard !isEmpty else { return [] }
        // Its bytes unchanged, so every piece's range still holds.
        let storage = RowStorage(text: ByteScan.string(validatedUTF8: text), pieces: pieces, rowStarts: rowStarts)
        return (0..<count).map { StyledLine(storage: storage, row: Int32($0)) }
    }
}
