import CGumbo
import Foundation
import TextSafety

/// Comments a page declares for machines: schema.org `Comment` objects in JSON-LD (an article's `comment`
/// list, replies in each comment's own `comment`) and `Comment` items in microdata (replies nested inside
/// the item they answer).
enum StructuredComments {
    /// JSON-LD: every `Comment` reachable from the page's scripts, in their order, replies under their
    /// comment; at most a few thousand objects are visited.
    static func jsonLD(_ page: FlatPage, _ meta: MetaLineReader) -> [PageComment] {
        var result: [PageComment] = []
        var visited = 0
        for script in page.structuredData {
            guard let object = try? JSONSerialization.jsonObject(with: Data(script.utf8), options: [.fragmentsAllowed])
            else { continue }
            var work: [(value: Any, depth: Int, parent: String?)] = [(object, 0, nil)]
            while let (value, depth, parent) = work.popLast(), visited < 20_000 {
                visited += 1
                if let array = value as? [Any] {
                    work += array.reversed().map { ($0, depth, parent) }
                    continue
                }
                guard let object = value as? [String: Any] else { continue }
                var next: [Any] = []
                if let graph = object["@graph"] { next.append(graph) }
                var childDepth = depth
                var childParent = parent
                if isComment(object["@type"]) {
                    let id = string(object["@id"]) ?? string(object["url"]) ?? "page-\(result.count + 1)"
                    let paragraphs = ArticleExtractor.paragraphs(of: Sanitizer.clean(string(object["text"]) ?? ""))
                    if !paragraphs.isEmpty {
                        let date = (string(object["dateCreated"]) ?? string(object["datePublished"])).flatMap(meta.isoDate)
                        result.append(PageComment(id: id, parentID: parent, author: name(object["author"]) ?? "anonymous",
                                                  date: date, score: int(object["upvoteCount"]),
                                                  paragraphs: paragraphs, depth: depth))
                    }
                    childDepth = depth + 1
                    childParent = id
                } else {
                    for key in ["mainEntity", "mainEntityOfPage", "itemListElement", "item"] {
                        if let value = object[key] { next.append(value) }
                    }
                }
                if let replies = object["comment"] { next.append(replies) }
                work += next.reversed().map { ($0, childDepth, childParent) }
            }
        }
        return result
    }

    /// Microdata: elements with `itemtype` schema.org `Comment`, their `author` (or its `name`), `text`,
    /// `dateCreated`/`datePublished` and `upvoteCount`; depth is how many comments enclose one.
    static func microdata(_ page: FlatPage, _ meta: MetaLineReader) -> [PageComment] {
        func isCommentItem(_ index: Int) -> Bool {
            guard !page[index].isText, page[index].node.attribute("itemscope") != nil,
                  let type = page[index].node.attribute("itemtype") else { return false }
            return isComment(type.split(separator: "/").last.map(String.init))
        }
        var result: [PageComment] = []
        var open: [(end: Int, id: String)] = []
        for index in 0..<page.count where isCommentItem(index) {
            while let last = open.last, last.end <= index { open.removeLast() }
            let nested = { (candidate: Int) in candidate != index && isCommentItem(candidate) }
            func property(_ names: Set<String>) -> Int? {
                page.first(under: index, where: { names.contains(page[$0].node.attribute("itemprop") ?? "") }, stop: nested)
            }
            var author: String?
            if let element = property(["author", "creator"]) {
                let nameElement = page.first(under: element) { page[$0].node.attribute("itemprop") == "name" }
                author = value(of: nameElement ?? element, page: page)
            }
            let paragraphs = property(["text", "commenttext", "commentText", "articleBody"])
                .map { page.lines(in: $0, skip: nested).map(\.text) } ?? []
            let id = page[index].node.attribute("id") ?? page[index].node.attribute("itemid") ?? "page-\(result.count + 1)"
            let date = property(["dateCreated", "datePublished", "commentTime"])
                .flatMap { page[$0].node.attribute("datetime") ?? page[$0].node.attribute("content") ?? value(of: $0, page: page) }
                .flatMap { meta.isoDate($0) ?? meta.read($0)?.date }
            let score = property(["upvoteCount"]).flatMap { value(of: $0, page: page) }.flatMap { Int($0) }
            if !paragraphs.isEmpty {
                result.append(PageComment(id: id, parentID: open.last?.id, author: author ?? "anonymous", date: date,
                                          score: score, paragraphs: paragraphs, depth: open.count))
            }
            open.append((page[index].end, id))
        }
        return result
    }

    /// A property's value: its `content` attribute, else its text on one line.
    private static func value(of index: Int, page: FlatPage) -> String? {
        if let content = page[index].node.attribute("content") { return Sanitizer.cleanLine(content) }
        let text = page.lines(in: index).map(\.text).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    private static func isComment(_ type: Any?) -> Bool {
        let types = (type as? [Any])?.compactMap { $0 as? String } ?? [(type as? String) ?? ""]
        return types.contains { $0 == "Comment" || $0 == "UserComments" || $0.hasSuffix("schema.org/Comment") }
    }

    private static func string(_ value: Any?) -> String? { PageMetadata.string(value) }

    private static func int(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let number = value as? Double, number.isFinite, abs(number) < 1e12 { return Int(number) }
        return (value as? String).flatMap { Int($0) }
    }

    /// `author` as a string or a Person with a `name`.
    private static func name(_ value: Any?) -> String? {
        if let text = string(value) { return Sanitizer.cleanLine(text) }
        if let person = value as? [String: Any] { return string(person["name"]).map(Sanitizer.cleanLine) }
        if let array = value as? [Any] { return array.lazy.compactMap { name($0) }.first }
        return nil
    }
}
