import Foundation
import TextSafety
import NewsModel

/// JSON Feed 1.0 and 1.1 (jsonfeed.org), read leniently: numeric ids become strings, the deprecated singular
/// `author` is accepted, `content_text` is HTML-escaped when there is no `content_html`.
struct JSONFeedReader {
    let assembler: FeedAssembler

    func read(_ data: Data) throws -> FeedDocument {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw FeedParseError.invalidJSON("the JSON is malformed")
        }
        guard let root = object as? [String: Any] else { throw FeedParseError.invalidJSON("the top level is not an object") }
        let version = root["version"] as? String ?? ""
        guard version.contains("jsonfeed.org") || root["items"] is [Any] else {
            throw FeedParseError.invalidJSON("no `version` naming jsonfeed.org and no `items`")
        }
        var feed = FeedDocument()
        feed.format = version.hasSuffix("1.1") ? .json11 : .json10
        feed.title = Self.string(root["title"]).map { Sanitizer.cleanLine($0) }.flatMap { $0.isEmpty ? nil : $0 }
        feed.link = URLResolver.cleanLink(Self.string(root["home_page_url"]), base: assembler.documentURL)
        feed.subtitle = Self.string(root["description"]).map { Sanitizer.cleanLine($0) }
        feed.id = Self.string(root["feed_url"])
        feed.author = Self.authorName(root)
        for case let item as [String: Any] in root["items"] as? [Any] ?? [] {
            feed.entries.append(entry(item))
        }
        return feed
    }

    func entry(_ item: [String: Any]) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = Self.string(item["id"])
        entry.title = Self.string(item["title"]).map { Sanitizer.cleanLine(HTMLText.plainText(fromHTML: $0)) }
        entry.link = URLResolver.cleanLink(Self.string(item["url"]) ?? Self.string(item["external_url"]),
                                           base: assembler.documentURL)
        entry.published = Self.string(item["date_published"]).flatMap(FeedDateParser.parse).map { min($0, assembler.fetchedAt) }
        entry.updated = Self.string(item["date_modified"]).flatMap(FeedDateParser.parse).map { min($0, assembler.fetchedAt) }
        entry.author = Self.authorName(item)
        let base = entry.link ?? assembler.documentURL
        entry.summary = assembler.htmlField(Self.string(item["summary"]).map { .init(isHTML: false, value: $0, base: base) })
        if let html = Self.string(item["content_html"]) {
            entry.content = assembler.htmlField(.init(isHTML: true, value: html, base: base))
        } else if let text = Self.string(item["content_text"]) {
            entry.content = assembler.htmlField(.init(isHTML: false, value: text, base: base))
        }
        entry.categories = (item["tags"] as? [Any] ?? []).compactMap(Self.string).map { Sanitizer.cleanLine($0) }
        for case let attachment as [String: Any] in item["attachments"] as? [Any] ?? [] {
            guard let url = URLResolver.cleanLink(Self.string(attachment["url"]), base: base) else { continue }
            let size = (attachment["size_in_bytes"] as? NSNumber)?.int64Value
            entry.enclosures.append(Enclosure(url: url, type: Self.string(attachment["mime_type"]), length: size))
        }
        entry.thumbnailURL = URLResolver.cleanLink(Self.string(item["image"]), base: base)
        return entry
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string.isEmpty ? nil : string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func authorName(_ object: [String: Any]) -> String? {
        let authors = (object["authors"] as? [Any] ?? []) + [object["author"] as Any]
        for case let author as [String: Any] in authors {
            if let name = string(author["name"]) { return Sanitizer.cleanLine(name) }
        }
        return nil
    }
}
