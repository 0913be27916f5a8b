import CGumbo
import TextSafety
import Foundation

/// What a page says about its article outside the article's text: title, byline, date and the lead
/// image's caption from `<meta>` tags (Open Graph, Twitter, Dublin Core), JSON-LD (`NewsArticle`,
/// `Article`, `BlogPosting`, ...) and the first `<time>`; and the JSON-LD `articleBody`, for pages that
/// carry their text only there.
struct PageMetadata {
    var title: String?
    var byline: String?
    var published: String?
    var leadCaption: String?
    var structuredBody: String?
    private var documentTitle: String?

    /// Reads the metadata of the document under `root` (a walk over elements only, text is not visited).
    init(root: HTMLNode) {
        var meta: [String: String] = [:]
        var scripts: [String] = []
        var firstTime: String?
        var stack: [(node: HTMLNode, next: Int)] = [(root, 0)]
        while let top = stack.last {
            guard top.next < top.node.childCount else { stack.removeLast(); continue }
            stack[stack.count - 1].next += 1
            let node = top.node.child(top.next)
            guard node.isElement, node.namespace == GUMBO_NAMESPACE_HTML else { continue }
            switch node.tag {
            case GUMBO_TAG_META:
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?
                    .lowercased()
                if let key, let content = node.attribute("content"), meta[key] == nil { meta[key] = content }
            case GUMBO_TAG_SCRIPT:
                if node.attribute("type")?.lowercased().contains("ld+json") == true, node.childCount > 0 {
                    scripts.append(node.child(0).text)
                }
            case GUMBO_TAG_TITLE:
                if documentTitle == nil, node.childCount > 0 { documentTitle = node.child(0).text }
            case GUMBO_TAG_TIME:
                if firstTime == nil { firstTime = node.attribute("datetime") }
                stack.append((node, 0))
            case GUMBO_TAG_STYLE, GUMBO_TAG_SVG:
                break
            default:
                stack.append((node, 0))
            }
        }
        for script in scripts { readStructuredData(script) }
        title = title ?? meta["og:title"] ?? meta["twitter:title"] ?? meta["dc.title"] ?? documentTitle
        byline = byline ?? meta["author"].flatMap { $0.hasPrefix("http") ? nil : $0 } ?? meta["article:author"]
            .flatMap { $0.hasPrefix("http") ? nil : $0 } ?? meta["dc.creator"]
        published = published ?? meta["article:published_time"] ?? meta["og:article:published_time"]
            ?? meta["datepublished"] ?? meta["dc.date"] ?? meta["date"] ?? meta["pubdate"] ?? firstTime
        leadCaption = leadCaption ?? meta["og:image:alt"] ?? meta["twitter:image:alt"]
        title = Self.cleaned(title)
        byline = Self.cleaned(byline)
        published = Self.cleaned(published)
        leadCaption = Self.cleaned(leadCaption)
    }

    private static func cleaned(_ value: String?) -> String? {
        guard let value else { return nil }
        let line = Sanitizer.cleanLine(value).trimmingSpaces
        return line.isEmpty ? nil : String(line)
    }

    /// JSON-LD: the first article-like object, looked for at the top, in arrays and in `@graph`.
    private mutating func readStructuredData(_ script: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(script.utf8), options: [.fragmentsAllowed])
        else { return }
        var queue: [Any] = [object]
        var visited = 0
        while !queue.isEmpty && visited < 200 {
            let item = queue.removeFirst()
            visited += 1
            if let array = item as? [Any] { queue.append(contentsOf: array); continue }
            guard let dictionary = item as? [String: Any] else { continue }
            if let graph = dictionary["@graph"] { queue.append(graph) }
            guard Self.isArticleType(dictionary["@type"]) else { continue }
            title = title ?? Self.string(dictionary["headline"]) ?? Self.string(dictionary["name"])
            byline = byline ?? Self.names(dictionary["author"])
            published = published ?? Self.string(dictionary["datePublished"])
            if let body = Self.string(dictionary["articleBody"]), (structuredBody?.count ?? 0) < body.count {
                structuredBody = body
            }
            if leadCaption == nil, let image = dictionary["image"] {
                let first = (image as? [Any])?.first ?? image
                if let image = first as? [String: Any] {
                    leadCaption = Self.string(image["caption"]) ?? Self.string(image["description"])
                }
            }
        }
    }

    private static func isArticleType(_ type: Any?) -> Bool {
        let types = (type as? [Any])?.compactMap { $0 as? String } ?? [(type as? String) ?? ""]
        return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "Story" }
    }

    /// A JSON-LD value as a non-empty string (the first of an array).
    static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// `author` as a string, a Person or Organization, or an array of those.
    private static func names(_ value: Any?) -> String? {
        if let text = value as? String { return text.hasPrefix("http") ? nil : text }
        if let person = value as? [String: Any] { return string(person["name"]) }
        if let array = value as? [Any] {
            let all = array.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }
}
