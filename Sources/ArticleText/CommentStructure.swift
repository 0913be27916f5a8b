import CGumbo
import Foundation
import TextSafety

/// Comments found by how they look: sibling blocks, each with an author line (a short name, not a
/// headline or a link to another story), a text, and a meta line with a date and often a score. A block
/// inside a comment that holds further such blocks holds its replies. A container counts when it holds two
/// or more such blocks, or one where the page calls the place comments (an `id` or `class` saying so), so
/// lists of related stories (headline links with dates) and menus are not taken for a thread.
enum CommentStructure {
    /// What one block says, when it is a comment.
    struct Block {
        var author: String
        var reading: MetaLineReader.Reading
        var paragraphs: [String]
        /// The child holding the comment when the block only wraps it (WordPress-like `li > article`).
        var wrapped: Int?
    }

    static func find(_ page: FlatPage, _ meta: MetaLineReader) -> [PageComment] {
        var blocks = [Block?](repeating: nil, count: page.count)
        var holdsComments = [Bool](repeating: false, count: page.count)
        // Children before parents: a block's own text leaves out the comments nested in it.
        for index in stride(from: page.count - 1, through: 1, by: -1) where !page[index].isText {
            let children = page.children(of: index)
            let commentChildren = children.filter { blocks[$0] != nil }
            holdsComments[index] = !commentChildren.isEmpty
            guard canBeComment(page[index].node.tag) else { continue }
            let own = page.lines(in: index) { blocks[$0] != nil || holdsComments[$0] }
            if own.isEmpty {
                if commentChildren.count == 1,
                   page[index].node.tag == GUMBO_TAG_LI || children.contains(where: { holdsComments[$0] }) {
                    blocks[index] = blocks[commentChildren[0]]
                    blocks[index]?.wrapped = commentChildren[0]
                }
            } else {
                blocks[index] = parse(own, page: page, meta: meta)
            }
        }
        var comments: [PageComment] = []
        var seen = Set<String>()
        var index = 1
        while index < page.count {
            guard holdsComments[index] else { index += 1; continue }
            let count = page.children(of: index).filter { blocks[$0] != nil }.count
            guard count >= 2 || page.isMarked(index, "comment") else { index += 1; continue }
            for comment in thread(in: index, page: page, blocks: blocks, holdsComments: holdsComments,
                                  first: comments.count) {
                let key = comment.author + "\u{0}" + comment.paragraphs.joined(separator: "\n")
                if seen.insert(key).inserted { comments.append(comment) }
            }
            index = page[index].end
        }
        return comments
    }

    /// The comments of container `root` and their replies, depth first, without recursion.
    private static func thread(in root: Int, page: FlatPage, blocks: [Block?], holdsComments: [Bool],
                               first: Int) -> [PageComment] {
        enum Work { case container(Int, depth: Int, parent: String?), comment(Int, depth: Int, parent: String?) }
        var result: [PageComment] = []
        var work: [Work] = [.container(root, depth: 0, parent: nil)]
        while let item = work.popLast() {
            switch item {
            case .container(let index, let depth, let parent):
                for child in page.children(of: index).reversed() where blocks[child] != nil {
                    work.append(.comment(child, depth: depth, parent: parent))
                }
            case .comment(let index, let depth, let parent):
                guard let block = blocks[index] else { continue }
                let source = block.wrapped ?? index
                let id = page[index].node.attribute("id") ?? page[source].node.attribute("id")
                    ?? "page-\(first + result.count + 1)"
                result.append(PageComment(id: id, parentID: parent, author: block.author, date: block.reading.date,
                                          score: block.reading.score, paragraphs: block.paragraphs, depth: depth))
                var replies: [Int] = []
                var position = index + 1
                while position < page[index].end {
                    if page[position].isText || position == block.wrapped { position = page[position].end; continue }
                    if holdsComments[position] { replies.append(position); position = page[position].end; continue }
                    position += 1
                }
                for reply in replies.reversed() { work.append(.container(reply, depth: depth + 1, parent: id)) }
            }
        }
        return result
    }

    /// Elements that can hold one comment (not a paragraph, heading, list or table as a whole).
    private static func canBeComment(_ tag: GumboTag) -> Bool {
        switch tag {
        case GUMBO_TAG_LI, GUMBO_TAG_DIV, GUMBO_TAG_ARTICLE, GUMBO_TAG_SECTION, GUMBO_TAG_DD, GUMBO_TAG_TR,
             GUMBO_TAG_TD, GUMBO_TAG_BLOCKQUOTE:
            return true
        default:
            return false
        }
    }

    /// A block's lines as a comment: the first line that is not the meta line is the author; the lines
    /// after them, less short links (`Reply`, `Report abuse`), are the text.
    static func parse(_ lines: [FlatPage.Line], page: FlatPage, meta: MetaLineReader) -> Block? {
        guard lines.count >= 2, lines.count <= 400 else { return nil }
        guard let metaIndex = lines.indices.first(where: { lines[$0].words <= 16 && !lines[$0].inHeading
                  && meta.read(lines[$0].text, datetime: lines[$0].datetime) != nil }),
              let reading = meta.read(lines[metaIndex].text, datetime: lines[metaIndex].datetime),
              let authorIndex = lines.indices.first(where: { $0 != metaIndex }),
              let author = authorName(lines[authorIndex], page: page) else { return nil }
        let body = lines.indices.filter { $0 != metaIndex && $0 != authorIndex && !(lines[$0].isLink && lines[$0].words <= 3) }
        let characters = body.reduce(0) { $0 + lines[$1].characters }
        let linked = body.reduce(0) { $0 + lines[$1].linkCharacters }
        guard characters > 0, linked * 2 < characters else { return nil }
        return Block(author: author, reading: reading, paragraphs: body.map { lines[$0].text })
    }

    /// The commenter's name in an author line, or nil when the line is not one: too long for a name, a
    /// heading, or a link to another page of the site that is not a profile (a related story's headline).
    static func authorName(_ line: FlatPage.Line, page: FlatPage) -> String? {
        var name = line.text
        for suffix in [" says:", " said:", " wrote:", " says", ":"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        for prefix in ["posted by ", "by "] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        guard !name.isEmpty, name.count <= 40, name.split(separator: " ").count <= 5, !line.inHeading,
              name.contains(where: \.isLetter) else { return nil }
        if line.isLink, let href = line.href, isStoryLink(href, page: page) { return nil }
        return name
    }

    /// Whether `href` leads to another article of the same site rather than to a person's profile.
    private static func isStoryLink(_ href: String, page: FlatPage) -> Bool {
        let resolved = page.url.map { URLResolver.resolve(href, against: $0) } ?? href
        guard let components = URLComponents(string: resolved) else { return false }
        if let host = components.host, let pageURL = page.url,
           PageCommentExtractor.host(of: resolved) != PageCommentExtractor.host(of: pageURL) || host.isEmpty {
            return false
        }
        let segments = components.path.lowercased().split(separator: "/")
        let profiles: Set<Substring> = ["user", "users", "profile", "profiles", "member", "members", "author",
                                        "authors", "people", "u", "commenter"]
        return segments.count >= 2 && !segments.contains(where: profiles.contains) && !segments[0].hasPrefix("~")
    }
}
