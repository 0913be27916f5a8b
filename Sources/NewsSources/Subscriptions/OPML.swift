import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TextSafety

/// OPML 1.0/2.0 import and OPML 2.0 export of subscriptions. On import any outline with an `xmlUrl`
/// attribute (in any letter case) is a feed whatever its `type`; folders (outlines without one) become
/// tags of the feeds inside them. Export writes folders back from the first tag, so import ∘ export keeps
/// the subscriptions.
public enum OPML {
    /// Why an OPML file could not be read.
    public enum ImportError: Error, Equatable, CustomStringConvertible {
        case malformed(line: Int, reason: String)
        case notOPML
        public var description: String {
            switch self {
            case .malformed(let line, let reason): "not well-formed OPML at line \(line): \(reason)"
            case .notOPML: "the file is not OPML (no <opml> root element)"
            }
        }
    }

    /// The subscriptions in an OPML document.
    public static func parse(_ data: Data) throws(ImportError) -> [Subscription] {
        let delegate = OutlineCollector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if !delegate.sawRoot {
            if !ok, let error = parser.parserError {
                throw .malformed(line: parser.lineNumber, reason: reason(error, column: parser.columnNumber))
            }
            throw .notOPML
        }
        if !ok || !delegate.closedRoot {
            // A broken or truncated file: refuse it rather than import half of it silently.
            throw .malformed(line: parser.lineNumber,
                             reason: ok ? "the document ends before </opml>"
                                        : parser.parserError.map { reason($0, column: parser.columnNumber) } ?? "error")
        }
        return delegate.subscriptions
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
private final class OutlineCollector: NSObject, XMLParserDelegate {
    var subscriptions: [Subscription] = []
    var sawRoot = false
    var closedRoot = false
    private var folderStack: [String?] = []
    /// The distinct names among the open folders, outermost first, and how often each is open: a feed's
    /// tags without walking the whole stack (a 10,000-deep chain made the import quadratic).
    private var openFolders: [String] = []
    private var openCount: [String: Int] = [:]
    private var seen = Set<String>()

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        let name = elementName.lowercased()
        if name == "opml" { sawRoot = true }
        guard name == "outline" else { return }
        var lowered: [String: String] = [:]
        for (key, value) in attributes { lowered[key.lowercased()] = value }
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

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        let name = elementName.lowercased()
        if name == "opml" { closedRoot = true }
        if name == "outline", let closed = folderStack.popLast(), let folder = closed {
            openCount[folder, default: 1] -= 1
            if openCount[folder] == 0 {
                openCount[folder] = nil
                // The folder closing last was opened last among the distinct names still open.
                if openFolders.last == folder { openFolders.removeLast() } else { openFolders.removeAll { $0 == folder } }
            }
        }
    }
}
