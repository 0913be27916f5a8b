import CGumbo
import Foundation
import TextSafety

/// One reader comment found on a web page, in thread order: `depth` 0 replies to the story itself.
public struct PageComment: Sendable, Equatable {
    /// The comment's id on the page (its element id or JSON-LD `@id`), else its position (`page-3`).
    public var id: String
    /// The id of the comment this one replies to.
    public var parentID: String?
    public var author: String
    public var date: Date?
    /// The site's score or vote sum, when the page shows one.
    public var score: Int?
    /// The text, as paragraphs of plain text (cleaned of unsafe characters).
    public var paragraphs: [String]
    public var depth: Int

    public init(id: String, parentID: String? = nil, author: String, date: Date? = nil, score: Int? = nil,
                paragraphs: [String], depth: Int = 0) {
        self.id = id; self.parentID = parentID; self.author = author; self.date = date; self.score = score
        self.paragraphs = paragraphs; self.depth = depth
    }

    /// The text as a safe HTML fragment: one escaped `<p>` per paragraph.
    public var html: String { paragraphs.map { "<p>" + EntityText.escape($0) + "</p>" }.joined() }
}

/// What a story's page says about its comments: the comments it shows, the link to the page with all of
/// them (when this page shows only some, or none), and whether it says commenting is closed.
public struct PageComments: Sendable, Equatable {
    public var comments: [PageComment]
    /// A page of the same site that holds the story's comments (MercoPress: "Read all comments").
    public var allCommentsLink: String?
    /// The page says its comments are closed.
    public var isClosed: Bool

    public init(comments: [PageComment] = [], allCommentsLink: String? = nil, isClosed: Bool = false) {
        self.comments = comments; self.allCommentsLink = allCommentsLink; self.isClosed = isClosed
    }
}

/// Finds the reader comments of a web page, by what the page says rather than one site's class names,
/// asking in turn: schema.org `Comment` objects in JSON-LD, schema.org `Comment` items in microdata,
/// WordPress's standard comment list, and then the visible structure — repeated sibling blocks each with
/// an author, a text and a meta line with a date (and often a score). Threads are nested where the
/// markup nests. Pure: the page is given, nothing is fetched.
public enum PageCommentExtractor {
    /// The comments of `html`; `url` is the page's address (for its links), `now` dates "3 hours ago".
    public static func extract(html: String, url: String?, now: Date) -> PageComments {
        guard let tree = HTMLTree(html: html) else { return PageComments() }
        let page = FlatPage(root: tree.root, url: url)
        let meta = MetaLineReader(now: now)
        var result = PageComments(allCommentsLink: allCommentsLink(in: page, pageURL: url),
                                  isClosed: page.saysCommentsClosed)
        for finder in [StructuredComments.jsonLD, StructuredComments.microdata, WordPressComments.find,
                       CommentStructure.find] {
            let found = finder(page, meta)
            if !found.isEmpty { result.comments = found; break }
        }
        return result
    }

    /// The same-site link to the page with the story's comments: a link whose path ends in `comments`, or
    /// whose text speaks of comments in the plural ("Read all comments", "12 comments"). Links back to this
    /// page (an anchor such as `#comments`) and comment feeds are not it.
    static func allCommentsLink(in page: FlatPage, pageURL: String?) -> String? {
        guard let pageURL, let pageHost = host(of: pageURL) else { return nil }
        let here = withoutFragment(pageURL)
        var byText: String?
        for link in page.links {
            let resolved = URLResolver.resolve(link.href, against: pageURL)
            guard let components = URLComponents(string: resolved), let scheme = components.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", host(of: resolved) == pageHost,
                  withoutFragment(resolved) != here else { continue }
            let path = components.path.lowercased()
            if path.contains("/feed") || path.hasSuffix(".rss") || path.hasSuffix(".xml") { continue }
            let trimmedPath = path.hasSuffix("/") ? String(path.dropLast()) : path
            if trimmedPath.hasSuffix("/comments") { return withoutFragment(resolved) }
            let words = link.text.lowercased().split { !$0.isLetter && !$0.isNumber }
            if byText == nil, words.contains("comments") { byText = withoutFragment(resolved) }
        }
        return byText
    }

    static func host(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    private static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}
