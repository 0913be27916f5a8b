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
            if !ok, let error = parser.parserError as NSError? {
                throw .malformed(line: parser.lineNumber, reason: error.localizedDescription)
            }
            throw .notOPML
        }
        if !ok || !delegate.closedRoot {
            // A broken or truncated file: refuse it rather than import half of it silently.
            throw .malformed(line: parser.lineNumber,
                             reason: ok ? "the document ends before </opml>"
                                        : parser.parserError?.localizedDescription ?? "error")
        }
        return delegate.subscriptions
    }

    /// An OPML 2.0 document listing `subscriptions`, tagged feeds inside a folder named after their first
    /// tag (and `category` carrying every tag).
    public static func export(_ subscriptions: [Subscription], title: String = "Gazette subscriptions",
                              now: Date = Date()) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        out += "    <title>\(EntityText.escape(title))</title>\n"
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
            out += "    <outline text=\"\(EntityText.escape(folder))\" title=\"\(EntityText.escape(folder))\">\n"
            for subscription in folders[folder] ?? [] { out += "      " + outline(subscription) + "\n" }
            out += "    </outline>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    private static func outline(_ subscription: Subscription) -> String {
        let name = subscription.title ?? subscription.url
        var attributes = "type=\"rss\" text=\"\(EntityText.escape(name))\""
        if subscription.title != nil { attributes += " title=\"\(EntityText.escape(name))\"" }
        attributes += " xmlUrl=\"\(EntityText.escape(subscription.url))\""
        if !subscription.tags.isEmpty {
            attributes += " category=\"\(EntityText.escape(subscription.tags.map { "/" + $0 }.joined(separator: ",")))\""
        }
        return "<outline \(attributes)/>"
    }
}

/// Walks outlines, keeping the stack of enclosing folders to turn them into tags.
private final class OutlineCollector: NSObject, XMLParserDelegate {
    var subscriptions: [Subscription] = []
    var sawRoot = false
    var closedRoot = false
    private var folderStack: [String?] = []
    private var seen = Set<String>()

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        let name = elementName.lowercased()
        if name == "opml" { sawRoot = true }
        guard name == "outline" else { return }
        var lowered: [String: String] = [:]
        for (key, value) in attributes { lowered[key.lowercased()] = value }
        if let url = lowered["xmlurl"]?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
            var tags = folderStack.compactMap { $0 }
            if let categories = lowered["category"] {
                for path in categories.split(separator: ",") {
                    for part in path.split(separator: "/") {
                        let tag = part.trimmingCharacters(in: .whitespaces)
                        if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
                    }
                }
            }
            let title = (lowered["title"] ?? lowered["text"]).flatMap { $0.isEmpty ? nil : $0 }
            if seen.insert(url).inserted {
                subscriptions.append(Subscription(url: url, tags: tags, title: title == url ? nil : title))
            }
            folderStack.append(nil)  // a feed outline may (rarely) have children; they are not in a folder
        } else {
            let folder = (lowered["title"] ?? lowered["text"])?.trimmingCharacters(in: .whitespaces)
            folderStack.append(folder?.isEmpty == false ? folder : nil)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        let name = elementName.lowercased()
        if name == "opml" { closedRoot = true }
        if name == "outline", !folderStack.isEmpty { folderStack.removeLast() }
    }
}
