/// Accumulates blocks while the HTML tree is walked: a stack of open containers (quotes, lists, items,
/// tables, cells…) plus the paragraph being filled. `StreamingHTMLReader` (and the gumbo-based `HTMLReader`) drive it.
struct RichTextBuilder {
    /// What an open container is collecting.
    enum Kind {
        case root, quote, list(ordered: Bool, start: Int), item, definitions, term, detail
        case table, row, cell(isHeader: Bool), caption, heading(level: Int)
    }

    /// An open container and what it has collected so far.
    struct Container {
        var kind: Kind
        var blocks: [Block] = []
        var items: [[Block]] = []
        var definitions: [Definition] = []
        var rows: [Table.Row] = []
        var cells: [[StyledSpan]] = []
        var rowIsHeader = false
    }

    private(set) var containers: [Container] = [Container(kind: .root)]
    var inline = InlineBuffer()
    /// Text of the preformatted block being read, when inside `<pre>`.
    var preformatted: String? = nil
    private(set) var links: [String] = []
    private var linkNumbers: [String: Int] = [:]

    /// How many top-level blocks are finished and not yet taken. They never change once added, so they
    /// can be laid out while the rest of the article is read.
    var rootBlockCount: Int { containers[0].blocks.count }

    /// Takes the finished top-level blocks out of the builder: `finish()` will not return them. Moved, not
    /// shared: an array still shared with another thread would be copied whole at the next append. The
    /// blocks that follow go into an array of `capacity`, instead of one grown from empty by doubling.
    mutating func takeRootBlocks(reserving capacity: Int = 0) -> [Block] {
        var taken: [Block] = []
        taken.reserveCapacity(capacity)
        swap(&taken, &containers[0].blocks)
        return taken
    }

    /// How many nested containers are open beyond the root: quotes, lists and tables count.
    var depth: Int { containers.count - 1 }

    /// Sizes the link table for about `count` links, so that it is not rebuilt (every key hashed again)
    /// each time it doubles while a long article is read.
    mutating func expectLinks(_ count: Int) {
        links.reserveCapacity(count)
        linkNumbers.reserveCapacity(count)
    }

    /// The number of `url` in the link list, adding it when new.
    mutating func linkNumber(for url: String) -> Int {
        // One hash for a new URL (most are): insert, and put the old number back if there was one.
        let candidate = links.count + 1
        if let number = linkNumbers.updateValue(candidate, forKey: url) {
            linkNumbers[url] = number
            return number
        }
        links.append(url)
        return candidate
    }

    /// Ends the paragraph being filled, if any, and adds it to the innermost container.
    mutating func flush() {
        let spans = inline.take()
        if !spans.isEmpty { append(.paragraph(spans)) }
    }

    mutating func append(_ block: Block) {
        containers[containers.count - 1].blocks.append(block)
    }

    /// Opens a container, unless nesting is already at `RichText.maxDepth`; returns whether it did, so the
    /// element's end knows whether to close one.
    mutating func open(_ kind: Kind) -> Bool {
        flush()
        guard depth < RichText.maxDepth * 3 else { return false }
        if case .quote = kind, quoteAndListDepth >= RichText.maxDepth { return false }
        if case .item = kind, quoteAndListDepth >= RichText.maxDepth { return false }
        containers.append(Container(kind: kind))
        return true
    }

    /// The number of open quotes and list items, which are what indent.
    private var quoteAndListDepth: Int {
        containers.reduce(0) { count, container in
            switch container.kind {
            case .quote, .item, .detail: count + 1
            default: count
            }
        }
    }

    /// Closes the innermost container and hands what it collected to its parent.
    mutating func close() {
        flush()
        guard containers.count > 1 else { return }
        let container = containers.removeLast()
        let parent = containers.count - 1
        switch container.kind {
        case .root:
            break
        case .quote:
            if !container.blocks.isEmpty { append(.quote(container.blocks)) }
        case .list(let ordered, let start):
            var items = container.items
            if !container.blocks.isEmpty { items.append(container.blocks) }
            if !items.isEmpty { append(.list(ordered: ordered, start: start, items: items)) }
        case .item:
            if case .list = containers[parent].kind {
                // Loose text before this item belongs to an item of its own.
                if !containers[parent].blocks.isEmpty {
                    containers[parent].items.append(containers[parent].blocks)
                    containers[parent].blocks = []
                }
                containers[parent].items.append(container.blocks)
            } else if !container.blocks.isEmpty {
                append(.list(ordered: false, start: 1, items: [container.blocks]))
            }
        case .definitions:
            var definitions = container.definitions
            if !container.blocks.isEmpty { definitions.append(Definition(term: [], details: container.blocks)) }
            if !definitions.isEmpty { append(.definitions(definitions)) }
        case .term:
            let term = Self.flatten(container.blocks)
            if case .definitions = containers[parent].kind {
                containers[parent].definitions.append(Definition(term: term, details: []))
            } else if !term.isEmpty {
                append(.paragraph(term.map { StyledSpan($0.text, traits: $0.traits.union(.bold)) }))
            }
        case .detail:
            if case .definitions = containers[parent].kind {
                if containers[parent].definitions.isEmpty {
                    containers[parent].definitions.append(Definition(term: [], details: []))
                }
                containers[parent].definitions[containers[parent].definitions.count - 1].details
                    .append(contentsOf: container.blocks)
            } else if !container.blocks.isEmpty {
                append(.quote(container.blocks))
            }
        case .table:
            var rows = container.rows
            if !container.cells.isEmpty { rows.append(Table.Row(cells: container.cells, isHeader: false)) }
            for block in container.blocks { append(block) }  // captions and stray text
            if !rows.isEmpty { append(.table(Table(rows: rows))) }
        case .row:
            let row = Table.Row(cells: container.cells, isHeader: container.rowIsHeader)
            if case .table = containers[parent].kind {
                if !row.cells.isEmpty { containers[parent].rows.append(row) }
            } else {
                for cell in row.cells where !cell.isEmpty { append(.paragraph(cell)) }
            }
        case .cell(let isHeader):
            let spans = Self.flatten(container.blocks)
            switch containers[parent].kind {
            case .row:
                containers[parent].cells.append(spans)
                if isHeader { containers[parent].rowIsHeader = true }
            case .table:
                containers[parent].cells.append(spans)
            default:
                if !spans.isEmpty { append(.paragraph(spans)) }
            }
        case .caption:
            let spans = Self.flatten(container.blocks)
            if !spans.isEmpty { append(.caption(spans)) }
        case .heading(let level):
            let spans = Self.flatten(container.blocks)
            if !spans.isEmpty { append(.heading(level: level, spans)) }
        }
    }

    /// Marks the innermost row as a header row (rows inside `<thead>`).
    mutating func markHeaderRow() {
        if case .row = containers[containers.count - 1].kind {
            containers[containers.count - 1].rowIsHeader = true
        }
    }

    /// Closes everything still open and returns the article.
    mutating func finish() -> RichText {
        flush()
        while containers.count > 1 { close() }
        return RichText(blocks: containers[0].blocks, links: links)
    }

    /// The text of blocks as one run of spans (for cells, terms, headings, captions): paragraphs joined
    /// by a space, preformatted text with its lines joined. Iterative, as blocks may nest.
    static func flatten(_ blocks: [Block]) -> [StyledSpan] {
        // One paragraph (most cells, headings and captions) is its own flattening when it has no newline
        // or tab and no two neighbouring spans share traits (which `InlineBuffer` already merges).
        if blocks.count == 1, case .paragraph(let spans) = blocks[0],
           !spans.indices.dropFirst().contains(where: { spans[$0].traits == spans[$0 - 1].traits }),
           !spans.contains(where: { $0.text.hasNewlineOrTab }) {
            return spans
        }
        // Built as strings and made spans at the end: appending to a `Substring` would copy its base.
        var result: [(text: String, traits: TextTraits)] = []
        var pending: [Block] = blocks.reversed()
        func add(_ spans: [StyledSpan]) {
            guard !spans.isEmpty else { return }
            if !result.isEmpty { result.append((" ", result[result.count - 1].traits)) }
            for span in spans {
                let text = span.text.replacingNewlines()
                if let last = result.last, last.traits == span.traits {
                    result[result.count - 1].text += text
                } else {
                    result.append((String(text), span.traits))
                }
            }
        }
        while let block = pending.popLast() {
            switch block {
            case .paragraph(let spans), .heading(_, let spans), .caption(let spans): add(spans)
            case .preformatted(let text): add([StyledSpan(text, traits: .code)])
            case .quote(let inner): pending.append(contentsOf: inner.reversed())
            case .list(_, _, let items): pending.append(contentsOf: items.flatMap { $0 }.reversed())
            case .definitions(let definitions):
                for definition in definitions.reversed() {
                    pending.append(contentsOf: definition.details.reversed())
                    pending.append(.paragraph(definition.term))
                }
            case .rule: break
            case .table(let table):
                pending.append(contentsOf: table.rows.flatMap(\.cells).map { Block.paragraph($0) }.reversed())
            }
        }
        return result.map { StyledSpan($0.text, traits: $0.traits) }
    }
}

extension Substring {
    /// Whether the text holds a newline or a tab (looked for in its bytes).
    var hasNewlineOrTab: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0x0A || $0 == 0x09 } }
            ?? utf8.contains { $0 == 0x0A || $0 == 0x09 }
    }

    /// Newlines and tabs as single spaces, for text that must stay on one line. Text without either
    /// (nearly all) is returned as it is, still sharing its storage.
    func replacingNewlines() -> Substring {
        guard hasNewlineOrTab else { return self }
        return Substring(String(map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
    }
}
