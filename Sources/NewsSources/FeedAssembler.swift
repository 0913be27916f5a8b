import Foundation
import TextSafety
import NewsModel

/// Turns the element trees of RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents into model values, applying the
/// field rules every format shares: plain, sanitised one-line text; safe HTML bodies; resolved and filtered
/// links; dates clamped to the fetch time.
struct FeedAssembler {
    let documentURL: String?
    let fetchedAt: Date

    /// A text value and whether it is HTML or plain text.
    struct TextValue {
        var isHTML: Bool
        var value: String
        var base: String?
    }

    // MARK: text constructs

    /// Reads a text-bearing element. `atom` selects Atom's rule (untyped means plain text); elsewhere an
    /// untyped value is HTML when it looks like HTML, as feedparser guesses.
    func textValue(_ node: XMLNode, atom: Bool) -> TextValue {
        let type = node.attribute("type")?.lowercased().trimmingXMLSpace() ?? ""
        let mode = node.attribute("mode")?.lowercased() ?? ""
        if mode == "base64" {
            let decoded = Data(base64Encoded: node.text.filter { !$0.isWhitespace })
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
            return TextValue(isHTML: type.contains("html"), value: decoded, base: node.base)
        }
        if type == "xhtml" || type == "application/xhtml+xml" || node.hasElementChildren && !(type == "html" || type == "text/html") {
            if type == "text" || type == "text/plain" {
                return TextValue(isHTML: false, value: node.text, base: node.base)
            }
            var content = node
            let elements = node.elements
            // Only Atom 1.0's `type="xhtml"` wraps the content in a div that is not part of it.
            if type == "xhtml", elements.count == 1, elements[0].localName == "div",
               node.children.allSatisfy({ if case .text(let t) = $0 { return t.allSatisfy(\.isWhitespace) }; return true }) {
                content = elements[0]
            }
            return TextValue(isHTML: true, value: XHTMLSerializer.innerMarkup(of: content), base: content.base)
        }
        let text = node.text
        if type == "html" || type == "text/html" || mode == "escaped" {
            return TextValue(isHTML: true, value: text, base: node.base)
        }
        if type == "text" || type == "text/plain" || atom {
            return TextValue(isHTML: false, value: text, base: node.base)
        }
        return TextValue(isHTML: HTMLText.looksLikeHTML(text), value: text, base: node.base)
    }

    /// A one-line plain-text field (title, name, category), or nil when empty.
    func plainField(_ value: TextValue?) -> String? {
        guard let value else { return nil }
        let text = value.isHTML ? HTMLText.plainText(fromHTML: value.value) : value.value
        let cleaned = Sanitizer.isCleanLine(text) ? text : Sanitizer.cleanLine(Self.demoronize(text))
        return cleaned.isEmpty ? nil : cleaned
    }

    func plainField(_ node: XMLNode?, atom: Bool) -> String? {
        node.flatMap { plainField(textValue($0, atom: atom)) }
    }

    /// An HTML field (summary, content): sanitised HTML, or escaped plain text; nil when empty.
    func htmlField(_ value: TextValue?) -> String? {
        guard let value else { return nil }
        let trimmed = value.value.trimmingXMLSpace()
        guard !trimmed.isEmpty else { return nil }
        let html = value.isHTML
            ? FeedHTMLSanitizer.sanitize(html: trimmed, baseURL: value.base ?? documentURL)
            : EntityText.escape(trimmed)
        // One scan for the usual case: C1 controls are among what `needsCleaning` looks for.
        guard Sanitizer.needsCleaning(html) else { return html.isEmpty ? nil : html }
        let cleaned = Sanitizer.clean(Self.demoronize(html))
        return cleaned.isEmpty ? nil : cleaned
    }

    /// C1 controls (U+0080–U+009F) in decoded text are nearly always windows-1252 punctuation that went
    /// through a latin-1 decoder somewhere upstream; read them as windows-1252 rather than drop them.
    static func demoronize(_ text: String) -> String {
        guard Sanitizer.hasC1(text) else { return text }
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 && scalar.value <= 0x9F {
                out.append(HTMLEntities.scalar(forNumeric: scalar.value)); changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }

    func date(_ node: XMLNode?) -> Date? {
        guard let node, let date = FeedDateParser.parse(node.text) else { return nil }
        return min(date, fetchedAt)
    }

    /// The date of the last element with one of these keys (a repeated date element: the later one wins,
    /// as in feedparser).
    func lastDate(_ parent: XMLNode, _ keys: String...) -> Date? {
        for key in keys {
            if let node = parent.elements.last(where: { $0.key == key }) { return date(node) }
        }
        return nil
    }

    func link(_ raw: String?, base: String?) -> String? {
        URLResolver.cleanLink(raw, base: base ?? documentURL)
    }

    /// The name part of an RSS author (`jo@example.com (Jo Smith)` → `Jo Smith`, `Jo <jo@…>` → `Jo`).
    func personName(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var text = Sanitizer.cleanLine(HTMLText.plainText(fromHTML: raw))
        // A plain name (no `(` or `<` anywhere) has nothing to strip: skip the character-by-character searches.
        if !text.utf8.contains(0x28) && !text.utf8.contains(0x3C) { return text.isEmpty ? nil : text }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let inner = String(text[text.index(after: open)..<close]).trimmingXMLSpace()
            let outer = String(text[..<open]).trimmingXMLSpace()
            if outer.contains("@") && !inner.isEmpty { text = inner } else if !outer.isEmpty { text = outer }
        } else if let open = text.firstIndex(of: "<"), text.hasSuffix(">") {
            let outer = String(text[..<open]).trimmingXMLSpace()
            if !outer.isEmpty { text = outer }
        }
        return text.isEmpty ? nil : text
    }

    func atomPersonName(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        if let name = plainField(node.child("atom:name", "name"), atom: true) { return name }
        if let email = plainField(node.child("atom:email", "email"), atom: true) { return email }
        if !node.hasElementChildren { return personName(node.text) }
        return nil
    }

    static func categories(from raw: String?) -> [String] {
        guard let raw else { return [] }
        if !raw.utf8.contains(0x2C) { // one term (the usual case): no split into substrings
            let term = Sanitizer.cleanLine(raw)
            return term.isEmpty ? [] : [term]
        }
        return raw.split(separator: ",").map { Sanitizer.cleanLine(String($0)) }.filter { !$0.isEmpty }
    }

    /// Atom `link` elements: (rel, href resolved, type, node).
    func atomLinks(_ node: XMLNode) -> [(rel: String, href: String, type: String?, node: XMLNode)] {
        node.children("atom:link", "link").compactMap { link in
            let text = link.text.trimmingXMLSpace()
            guard let href = link.attribute("href") ?? (text.isEmpty ? nil : text) else { return nil }
            let rel = link.attribute("rel")?.lowercased().trimmingXMLSpace() ?? "alternate"
            let resolved = URLResolver.resolve(href, against: link.base ?? documentURL)
            return (rel.isEmpty ? "alternate" : rel, resolved, link.attribute("type")?.lowercased(), link)
        }
    }

    func alternateLink(_ links: [(rel: String, href: String, type: String?, node: XMLNode)]) -> String? {
        let alternates = links.filter { $0.rel == "alternate" || $0.rel == "http://www.iana.org/assignments/relation/alternate" }
        let preferred = alternates.first { $0.type == nil || $0.type == "text/html" || $0.type == "application/xhtml+xml" }
            ?? alternates.first
        return preferred.flatMap { URLResolver.cleanLink($0.href, base: nil) }
    }

    /// An Atom id; a relative one (`/post/1`) is resolved against the base, as feedparser does.
    func atomID(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        let raw = node.text.trimmingXMLSpace()
        guard !raw.isEmpty else { return nil }
        if URLResolver.scheme(of: raw) == nil, raw.hasPrefix("/") || raw.hasPrefix(".") {
            return URLResolver.resolve(raw, against: node.base ?? documentURL)
        }
        return raw
    }

    /// Category terms of the extension elements feeds use besides `category`: `itunes:category text`,
    /// `media:category`, comma-separated `tags`/`itunes:keywords`.
    func extraCategories(_ node: XMLNode) -> [String] {
        var terms: [String] = []
        for category in node.children("itunes:category") {
            if let text = category.attribute("text") { terms += Self.categories(from: text) }
        }
        for group in [node] + node.children("media:group") {
            for category in group.children("media:category") { terms += Self.categories(from: category.text) }
        }
        for tags in node.children("tags") { terms += Self.categories(from: tags.text) }
        return terms
    }

    /// `media:description` directly or in a `media:group`, the summary of last resort.
    func mediaDescription(_ node: XMLNode) -> XMLNode? {
        node.child("media:description") ?? node.child("media:group")?.child("media:description")
    }

    // MARK: entries

    /// An RSS (0.9x, 1.0, 2.0) item.
    func rssEntry(_ item: XMLNode) -> FeedEntry {
        var entry = FeedEntry()
        entry.title = plainField(item.child("title", "dc:title"), atom: false)
        let guidNode = item.child("guid")
        let guid = guidNode.map { $0.text.trimmingXMLSpace() }.flatMap { $0.isEmpty ? nil : $0 }
        if let guid {
            entry.id = URLResolver.scheme(of: guid).map { $0 == "http" || $0 == "https" } == true
                ? URLResolver.removingTrackingParameters(guid) : guid
        } else if let about = item.attribute("about"), !about.isEmpty {
            entry.id = about.trimmingXMLSpace()
        }
        if let linkNode = item.child("link"), !linkNode.text.trimmingXMLSpace().isEmpty {
            entry.link = link(linkNode.text, base: linkNode.base)
        } else if let alternate = alternateLink(atomLinks(item).filter { $0.node.key == "atom:link" }) {
            entry.link = alternate
        } else if let guid, let guidNode, guidNode.attribute("ispermalink")?.lowercased() != "false",
                  let scheme = URLResolver.scheme(of: guid), scheme == "http" || scheme == "https" {
            entry.link = link(guid, base: guidNode.base)
        }
        entry.published = date(item.child("pubdate", "dcterms:issued", "atom:published", "dcterms:created"))
        entry.updated = date(item.child("dc:date", "dcterms:modified", "atom:updated", "lastbuilddate"))
        entry.author = personName(item.child("author", "dc:creator", "dc:author", "itunes:author").map(\.text))
            ?? atomPersonName(item.child("atom:author"))
        var description = item.child("description", "dc:description")
        var bodyFallback: XMLNode?
        if let summary = item.child("summary") {
            bodyFallback = description; description = summary
        }
        description = description ?? item.child("atom:summary") ?? item.child("itunes:summary")
            ?? item.child("abstract") ?? mediaDescription(item)
        entry.summary = htmlField(description.map { textValue($0, atom: $0.key.hasPrefix("atom:")) })
        if entry.link == nil, let href = item.attribute("href") { entry.link = link(href, base: item.base) }
        if entry.updated == nil, let lastmod = item.attribute("lastmod") {
            entry.updated = FeedDateParser.parse(lastmod).map { min($0, fetchedAt) }
        }
        if let body = item.child("content:encoded", "xhtml:body", "atom:content", "fullitem", "body") {
            if body.key == "xhtml:body" {
                entry.content = htmlField(TextValue(isHTML: true, value: XHTMLSerializer.innerMarkup(of: body),
                                                    base: body.base))
            } else {
                entry.content = htmlField(textValue(body, atom: body.key == "atom:content"))
            }
        } else if let bodyFallback {
            entry.content = htmlField(textValue(bodyFallback, atom: false))
        }
        for category in item.children("category", "dc:subject", "atom:category") {
            let term = category.key == "atom:category"
                ? (category.attribute("term") ?? category.attribute("label")) : category.text
            entry.categories += Self.categories(from: term)
        }
        entry.categories += extraCategories(item)
        for enclosure in item.children("enclosure") {
            guard let url = link(enclosure.attribute("url") ?? enclosure.attribute("href"), base: enclosure.base)
            else { continue }
            entry.enclosures.append(Enclosure(url: url, type: enclosure.attribute("type")?.trimmingXMLSpace(),
                                              length: enclosure.attribute("length").flatMap { Int64($0.trimmingXMLSpace()) }))
        }
        readCommentMetadata(item, into: &entry)
        entry.thumbnailURL = thumbnail(item)
        return entry
    }

    /// An Atom (0.3 or 1.0) entry. `feedAuthor` is inherited when the entry and its source name nobody.
    func atomEntry(_ node: XMLNode) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = atomID(node.child("atom:id", "id"))
        entry.title = plainField(node.child("atom:title", "title"), atom: true)
        let links = atomLinks(node)
        entry.link = alternateLink(links)
        entry.published = lastDate(node, "atom:published", "published", "atom:issued", "issued", "atom:created", "created")
        entry.updated = lastDate(node, "atom:updated", "updated", "atom:modified", "modified")
        entry.author = atomPersonName(node.child("atom:author", "author"))
            ?? personName(node.child("dc:creator").map(\.text))
            ?? atomPersonName(node.child("atom:source", "source")?.child("atom:author", "author"))
        entry.summary = htmlField(node.child("atom:summary", "summary").map { textValue($0, atom: true) })
            ?? htmlField(mediaDescription(node).map { textValue($0, atom: false) })
        if let content = node.child("atom:content", "content"), content.attribute("src") == nil {
            entry.content = htmlField(textValue(content, atom: true))
        }
        if entry.content == nil, let encoded = node.child("content:encoded") {
            entry.content = htmlField(textValue(encoded, atom: false))
        }
        for category in node.children("atom:category", "category", "dc:subject") {
            let term = category.key == "dc:subject" ? category.text : (category.attribute("term") ?? category.attribute("label"))
            if let term, !term.isEmpty { entry.categories.append(Sanitizer.cleanLine(term)) }
        }
        entry.categories += extraCategories(node)
        for link in links {
            switch link.rel {
            case "enclosure":
                guard let url = URLResolver.cleanLink(link.href, base: nil) else { continue }
                entry.enclosures.append(Enclosure(url: url, type: link.type,
                                                  length: link.node.attribute("length").flatMap { Int64($0.trimmingXMLSpace()) }))
            case "replies":
                guard let url = URLResolver.cleanLink(link.href, base: nil) else { continue }
                if link.type == "text/html" {
                    if entry.commentsURL == nil { entry.commentsURL = url }
                } else if entry.repliesFeedURL == nil {
                    entry.repliesFeedURL = url
                }
                if entry.commentCount == nil, let count = link.node.attribute("count").flatMap({ Int($0.trimmingXMLSpace()) }) {
                    entry.commentCount = count
                }
            default: break
            }
        }
        readCommentMetadata(node, into: &entry)
        entry.thumbnailURL = thumbnail(node)
        return entry
    }

    /// `<comments>`, `slash:comments`, `wfw:commentRss`, `thr:total` — shared by RSS and Atom entries.
    func readCommentMetadata(_ node: XMLNode, into entry: inout FeedEntry) {
        if entry.commentsURL == nil, let comments = node.child("comments") {
            entry.commentsURL = link(comments.text, base: comments.base)
        }
        if let count = node.child("slash:comments", "thr:total").flatMap({ Int($0.text.trimmingXMLSpace()) }) {
            entry.commentCount = count
        }
        if entry.repliesFeedURL == nil, let feed = node.child("wfw:commentrss", "wfw:commentrss2") {
            entry.repliesFeedURL = link(feed.text, base: feed.base)
        }
        if entry.inReplyTo.isEmpty {
            for reply in node.children("thr:in-reply-to") {
                if let ref = reply.attribute("ref")?.trimmingXMLSpace(), !ref.isEmpty { entry.inReplyTo.append(ref) }
            }
        }
    }

    /// The first Media RSS thumbnail (directly, or inside `media:group`), else an image `media:content`.
    func thumbnail(_ node: XMLNode) -> String? {
        let groups = [node] + node.children("media:group")
        for group in groups {
            if let thumb = group.child("media:thumbnail"), let url = link(thumb.attribute("url"), base: thumb.base) {
                return url
            }
        }
        for group in groups {
            for content in group.children("media:content") {
                let isImage = content.attribute("medium") == "image" || content.attribute("type")?.hasPrefix("image/") == true
                if isImage, let url = link(content.attribute("url"), base: content.base) { return url }
            }
        }
        return nil
    }

    // MARK: feed

    /// The feed-level fields of an RSS or RDF document (root `rss` or `rdf:RDF`).
    func rssFeed(root: XMLNode) -> FeedDocument {
        var feed = FeedDocument()
        let channel = root.child("channel") ?? root
        feed.title = plainField(channel.child("title", "dc:title"), atom: false)
        if let linkNode = channel.child("link"), !linkNode.text.trimmingXMLSpace().isEmpty {
            feed.link = link(linkNode.text, base: linkNode.base)
        } else {
            feed.link = alternateLink(atomLinks(channel).filter { $0.node.key == "atom:link" })
        }
        let subtitle = channel.child("description", "dc:description", "atom:subtitle", "abstract")
            ?? channel.child("itunes:subtitle") ?? channel.child("itunes:summary")
        feed.subtitle = plainField(subtitle, atom: false)
        feed.id = channel.child("atom:id").map { $0.text.trimmingXMLSpace() }
        feed.author = personName(channel.child("managingeditor", "dc:creator", "dc:author", "itunes:author",
                                               "webmaster").map(\.text))
            ?? atomPersonName(channel.child("atom:author"))
        feed.updated = date(channel.child("lastbuilddate", "dc:date", "dcterms:modified", "atom:updated"))
        feed.published = date(channel.child("pubdate", "dcterms:issued"))
        switch root.key {
        case "rdf:rdf":
            feed.format = channel.namespaceURI.lowercased().contains("netscape") ? .rss090 : .rss10
        default:
            switch root.attribute("version")?.trimmingXMLSpace() {
            case "0.91": feed.format = .rss091
            case "0.92": feed.format = .rss092
            case "0.93": feed.format = .rss093
            case "0.94": feed.format = .rss094
            default: feed.format = .rss20
            }
        }
        return feed
    }

    /// The feed-level fields of an Atom document.
    func atomFeed(root: XMLNode) -> FeedDocument {
        var feed = FeedDocument()
        feed.title = plainField(root.child("atom:title", "title"), atom: true)
        feed.link = alternateLink(atomLinks(root))
        feed.subtitle = plainField(root.child("atom:subtitle", "subtitle", "atom:tagline", "tagline"), atom: true)
        feed.id = atomID(root.child("atom:id", "id"))
        feed.author = atomPersonName(root.child("atom:author", "author"))
        feed.updated = date(root.child("atom:updated", "updated", "atom:modified", "modified"))
        feed.published = date(root.child("atom:published", "published", "atom:issued", "issued"))
        let version = root.attribute("version")
        feed.format = (version == "0.3" || root.namespaceURI.lowercased().hasPrefix("http://purl.org/atom")) ? .atom03 : .atom10
        return feed
    }
}

/// Re-serialises inline XHTML (Atom `type="xhtml"`, RSS descriptions with unescaped markup) as HTML text for
/// the sanitiser. Depth is bounded by the reader's `maxDepth`, so the recursion is too.
enum XHTMLSerializer {
    static func innerMarkup(of node: XMLNode) -> String {
        var out = ""
        for child in node.children { append(child, to: &out) }
        return out
    }

    static func append(_ child: XMLChild, to out: inout String) {
        switch child {
        case .text(let text):
            out += EntityText.escape(text)
        case .element(let element):
            let name = element.qname.split(separator: ":").last.map(String.init) ?? element.qname
            out += "<" + name
            for attribute in element.attributes where !attribute.qname.hasPrefix("xmlns") {
                out += " " + attribute.qname + "=\"" + EntityText.escape(attribute.value) + "\""
            }
            out += ">"
            for grandchild in element.children { append(grandchild, to: &out) }
            out += "</" + name + ">"
        }
    }
}
