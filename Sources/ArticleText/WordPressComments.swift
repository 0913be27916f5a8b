import CGumbo
import Foundation

/// WordPress's standard comment list, as `wp_list_comments` writes it in every theme that keeps its
/// markup: `ol.commentlist` (or `ol.comment-list`) of `li.comment` items, each with a `.comment-author`
/// holding `.fn`, a `.comment-metadata` (or `.comment-meta`) with the date, a `.comment-content` (older
/// themes: paragraphs directly in `.comment-body`), and replies in a nested `ul.children`.
enum WordPressComments {
    static func find(_ page: FlatPage, _ meta: MetaLineReader) -> [PageComment] {
        var result: [PageComment] = []
        var index = 0
        while index < page.count {
            guard !page[index].isText, page.hasClass(index, "commentlist") || page.hasClass(index, "comment-list") else {
                index += 1
                continue
            }
            var work: [(item: Int, depth: Int, parent: String?)] = page.children(of: index).reversed().map { ($0, 0, nil) }
            while let (item, depth, parent) = work.popLast() {
                guard page[item].node.tag == GUMBO_TAG_LI, page.hasClass(item, "comment") else { continue }
                let replies = page.children(of: item).filter { page.hasClass($0, "children") }
                let comment = read(item, replies: Set(replies), page: page, meta: meta,
                                   fallbackID: "page-\(result.count + 1)")
                if var comment {
                    comment.depth = depth
                    comment.parentID = parent
                    result.append(comment)
                }
                let id = comment?.id ?? parent
                for list in replies.reversed() {
                    work += page.children(of: list).reversed().map { ($0, depth + 1, id) }
                }
            }
            index = page[index].end
        }
        return result
    }

    private static func read(_ item: Int, replies: Set<Int>, page: FlatPage, meta: MetaLineReader,
                             fallbackID: String) -> PageComment? {
        let outside = { (candidate: Int) in replies.contains(candidate) }
        guard let author = page.first(under: item, where: { page.hasClass($0, "fn") }, stop: outside)
                .map({ page.lines(in: $0).map(\.text).joined(separator: " ") }), !author.isEmpty else { return nil }
        let metaElement = page.first(under: item, where: { page.hasClass($0, "comment-metadata") }, stop: outside)
            ?? page.first(under: item, where: { page.hasClass($0, "comment-meta") }, stop: outside)
        let reading = metaElement.flatMap { page.lines(in: $0).lazy.compactMap { meta.read($0.text, datetime: $0.datetime) }.first }
        let furniture = ["comment-author", "comment-meta", "comment-metadata", "reply", "comment-awaiting-moderation",
                         "vcard"]
        let content = page.first(under: item, where: { page.hasClass($0, "comment-content") }, stop: outside)
            ?? page.first(under: item, where: { page.hasClass($0, "comment-body") }, stop: outside) ?? item
        let paragraphs = page.lines(in: content) { candidate in
            outside(candidate) || furniture.contains { page.hasClass(candidate, $0) }
        }.map(\.text)
        guard !paragraphs.isEmpty else { return nil }
        return PageComment(id: page[item].node.attribute("id") ?? fallbackID, author: author, date: reading?.date,
                           score: reading?.score, paragraphs: paragraphs)
    }
}
