import Foundation
import TextSafety

/// OPML 1.0/2.0 import and OPML 2.0 export of subscriptions. On import any outline with an `xmlUrl`
/// attribute (in any letter case) is a feed whatever its `type`; folders (outlines without one) become
/// tags of the feeds inside them. Export writes folders back from the first tag, so import ∘ export keeps
/// the subscriptions.
///
/// Read with the feeds' own XML reader (`LenientXMLReader`) in its problem-reporting mode: one XML reader in
/// the program, and no libxml2 (with the system ICU it brings) loaded by a reader that never imports OPML.
public enum OPML {
    /// Why an OPML file could not be read.
    public enum ImportError: Error, Equatable, CustomStringConvertible {
        case malformed(line: Int, reason: String)
        case notOPML
        /// The file's own entities expand past the budget (a "billion laughs" file).
        case entityExpansion(limit: Int)
        public var description: String {
            switch self {
            case .malformed(let line, let reason): "not well-formed OPML at line \(line): \(reason)"
            case .notOPML: "the file is not OPML (no <opml> root element)"
            case .entityExpansion(let limit):
                "the file's entities expand to more than \(limit / 1024) KB; Gazette does not read it"
            }
        }
    }

    /// Elements nested deeper than this are read as children of the one at this depth (the tree, and
    /// freeing it, stay shallow); folder names further down are not tags.
    static let maxDepth = 512
    /// The most text the file's own entities may expand to.
    static let maxEntityExpansion = 1 << 20

    /// The subscriptions in an OPML document. A file that is not well-formed XML is refused, with the line
    /// and the reason, rather than imported in part.
    public static func parse(_ data: Data) throws(ImportError) -> [Subscription] {
        let outcome: LenientXMLReader.Outcome
        let lineOfProblem: Int?
        do {
            (outcome, lineOfProblem) = try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let decoded = CharsetDecoder.decode(bytes, contentType: nil)
                if let converted = decoded.utf8 {
                    return try converted.withUnsafeBufferPointer { try read($0) }
                }
                return try read(bytes)
            }
        } catch {
            throw .entityExpansion(limit: maxEntityExpansion)
        }
        if let problem = outcome.problem, let line = lineOfProblem {
            throw .malformed(line: line, reason: problem.reason)
        }
        guard let root = outcome.root, root.localName == "opml" else { throw .notOPML }
        var collector = OutlineCollector()
        collector.walk(root)
        return collector.subscriptions
    }

    /// Reads `bytes` (UTF-8), with the line of the first problem counted while the bytes are at hand.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (LenientXMLReader.Outcome, Int?) {
        var reader = LenientXMLReader(maxDepth: maxDepth, maxEntityExpansion: maxEntityExpansion, documentBase: nil)
        reader.reportsProblems = true
        let outcome = try reader.read(bytes) { _, _ in }
        guard let problem = outcome.problem else { return (outcome, nil) }
        var line = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[..<min(problem.offset, bytes.count)]) where byte == 0x0A {
            line += 1
        }
        return (outcome, line)
    }

    /// An OPML 2.0 document listing `subscriptions`, tagged feeds inside a folder named after their first
    /// tag (and `category` carrying every tag).
    public static func export(_ subscriptions: [Subscription], title: String = "Gazette subscriptions",
                              now: Date = Date()) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(escape(title))</title>\n"
        out += "    <dateCreated>\(HTTPDate.format(now))</dateCreated>\n  </head>\n  <body>\n"
        var folders: [String: [Subscription]] = [:]
        var folderOrder: [String] = []
        for subscription in subscriptions {
            if let first = subscription.tags.first {
                if folders[first] == nil { folderOrder.append(first) }
                folders[first, default: []].append(subscription)
            } else {
                out += "    " + outline(subscription) + "\n"
            }
        }
        for folder in folderOrder {
            out += "    <outline text=\"\(escape(folder))\" title=\"\(escape(folder))\">\n"
            for subscription in folders[folder] ?? [] { out += "      " + outline(subscription) + "\n" }
            out += "    </outline>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    private static func outline(_ subscription: Subscription) -> String {
        let name = subscription.title ?? subscription.url
        var attributes = "type=\"rss\" text=\"\(escape(name))\""
        if subscription.title != nil { attributes += " title=\"\(escape(name))\"" }
        attributes += " xmlUrl=\"\(EntityText.escape(Sanitizer.percentEncodingControls(subscription.url)))\""
        if !subscription.tags.isEmpty {
            attributes += " category=\"\(escape(subscription.tags.map { "/" + $0 }.joined(separator: ",")))\""
        }
        return "<outline \(attributes)/>"
    }

    /// `text` for an XML attribute or element: through the sanitiser first (XML 1.0 allows no C0 control
    /// but tab and line ends, even as a reference), so the export is always well-formed and never carries a
    /// terminal sequence.
    static func escape(_ text: String) -> String {
        EntityText.escape(Sanitizer.cleanLine(text))
    }
}

/// Walks outlines, keeping the stack of enclosing folders to turn them into tags.
private struct OutlineCollector {
    var subscriptions: [Subscription] = []
    private var folderStack: [String?] = []
    /// The distinct names among the open folders, outermost first, and how often each is open: a feed's
    /// tags without walking the whole stack (a 10,000-deep chain made the import quadratic).
    private var openFolders: [String] = []
    private var openCount: [String: Int] = [:]
    private var seen = Set<String>()

    /// Visits every `outline` under `root` in document order, without recursion (nesting is bounded by the
    /// reader, but a walk should not depend on it).
    mutating func walk(_ root: XMLNode) {
        var stack: [(node: XMLNode, next: Int)] = [(root, 0)]
        while let (node, index) = stack.last {
            guard index < node.children.count else {
                stack.removeLast()
                if node.localName == "outline" { close() }
                continue
            }
            stack[stack.count - 1].next = index + 1
            guard case .element(let child) = node.children[index] else { continue }
            if child.localName == "outline" { open(child) }
            stack.append((child, 0))
        }
    }

    private mutating func open(_ outline: XMLNode) {
        var lowered: [String: String] = [:]
        for attribute in outline.attributes where lowered[attribute.localName] == nil {
            lowered[attribute.localName] = attribute.value
        }
        // Everything an OPML file says is text from outside: URLs with control characters are percent-encoded,
        // titles and folder names cleaned, before any of it reaches the urls file or a terminal.
        if let raw = lowered["xmlurl"]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty {
            let url = Sanitizer.percentEncodingControls(raw)
            // Folders named alike on the way down (a 10,000-deep chain of one name) give one tag, not one each.
            var tags = openFolders
            var tagSet = Set(openFolders)
            if let categories = lowered["category"] {
                for path in categories.split(separator: ",") {
                    for part in path.split(separator: "/") {
                        let tag = Sanitizer.cleanLine(String(part))
                        if !tag.isEmpty && tagSet.insert(tag).inserted { tags.append(tag) }
                    }
                }
            }
            let title = (lowered["title"] ?? lowered["text"]).map(Sanitizer.cleanLine).flatMap { $0.isEmpty ? nil : $0 }
            if seen.insert(url).inserted {
                subscriptions.append(Subscription(url: url, tags: tags, title: title == url ? nil : title))
            }
            folderStack.append(nil)  // a feed outline may (rarely) have children; they are not in a folder
        } else {
            let folder = (lowered["title"] ?? lowered["text"]).map(Sanitizer.cleanLine)
            let name = folder?.isEmpty == false ? folder : nil
            folderStack.append(name)
            if let name {
                if openCount[name, default: 0] == 0 { openFolders.append(name) }
                openCount[name, default: 0] += 1
            }
        }
    }

    private mutating func close() {
        guard let closed = folderStack.popLast(), let folder = closed else { return }
        openCount[folder, default: 1] -= 1
        if openCount[folder] == 0 {
            openCount[folder] = nil
            // The folder closing last was opened last among the distinct names still open.
            if openFolders.last == folder { openFolders.removeLast() } else { openFolders.removeAll { $0 == folder } }
        }
    }
}
