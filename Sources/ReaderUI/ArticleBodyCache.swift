import ArticleText
import Foundation
import NewsModel
import ReaderCore

/// Parsed and laid-out article bodies, shared by the main actor, which draws, and the task that lays a
/// body out off the key path. Parsing is the expensive half, so a story's `RichText` is kept (per story
/// and text, the least recently used dropped past `maxTexts` or `maxTextBytes` of HTML): a resize or a
/// return to the story costs layout only. A few laid-out bodies (per width) are kept as well.
///
/// `@unchecked Sendable`: every stored property that changes is read and written under `lock`; parsing
/// and layout run outside it, so the main actor never waits for another thread's parse.
public final class ArticleBodyCache: @unchecked Sendable {
    /// Turns HTML into blocks; a test injects a counting one.
    public typealias Parse = @Sendable (_ html: String, _ baseURL: String?) -> RichText

    private struct TextKey: Hashable { var storyID: StoryID; var isExtracted: Bool }
    private struct Parsed { var key: TextKey; var html: String; var baseURL: String?; var text: RichText }
    private struct Laid { var key: ArticleBodyKey; var html: String; var baseURL: String?; var body: RenderedArticle }

    /// Bounds: parsed texts by count and by the bytes of HTML they were parsed from; laid-out bodies by count.
    public let maxTexts: Int
    public let maxTextBytes: Int
    public let maxBodies: Int
    private let parse: Parse
    private let lock = NSLock()
    /// Least recently used first.
    private var parsed: [Parsed] = []
    private var laid: [Laid] = []

    public init(maxTexts: Int = 16, maxTextBytes: Int = 8 << 20, maxBodies: Int = 6,
                parse: @escaping Parse = { ArticleRenderer.richText(fromHTML: $0, baseURL: $1) }) {
        self.maxTexts = max(1, maxTexts); self.maxTextBytes = maxTextBytes; self.maxBodies = max(1, maxBodies)
        self.parse = parse
    }

    /// How many parsed texts are kept, and the bytes of HTML they came from.
    public var keptTexts: (count: Int, bytes: Int) {
        lock.withLock { (parsed.count, parsed.reduce(0) { $0 + $1.html.utf8.count }) }
    }

    /// The laid-out body of `request` if it is kept; never parses or lays out.
    public func keptBody(_ request: ArticleBodyRequest) -> RenderedArticle? {
        lock.withLock {
            guard let index = laid.firstIndex(where: { Self.matches($0, request) }) else { return nil }
            laid.append(laid.remove(at: index))
            return laid[laid.count - 1].body
        }
    }

    /// The laid-out body of `request`: kept, or laid out from the kept `RichText`, or parsed and laid out.
    public func body(for request: ArticleBodyRequest) -> RenderedArticle {
        if let kept = keptBody(request) { return kept }
        let text = richText(for: request)
        let body = RenderedArticle(lines: TextLayout.lines(for: text, width: request.key.width), links: text.links)
        lock.withLock {
            laid.removeAll { $0.key == request.key }
            laid.append(Laid(key: request.key, html: request.html, baseURL: request.baseURL, body: body))
            if laid.count > maxBodies { laid.removeFirst(laid.count - maxBodies) }
        }
        return body
    }

    /// The story's text as blocks, parsed only when not kept.
    private func richText(for request: ArticleBodyRequest) -> RichText {
        let key = TextKey(storyID: request.key.storyID, isExtracted: request.key.isExtracted)
        let hit: RichText? = lock.withLock {
            guard let index = parsed.firstIndex(where: {
                $0.key == key && $0.html == request.html && $0.baseURL == request.baseURL
            }) else { return nil }
            parsed.append(parsed.remove(at: index))
            return parsed[parsed.count - 1].text
        }
        if let hit { return hit }
        let text = parse(request.html, request.baseURL)
        lock.withLock {
            parsed.removeAll { $0.key == key }
            parsed.append(Parsed(key: key, html: request.html, baseURL: request.baseURL, text: text))
            var bytes = parsed.reduce(0) { $0 + $1.html.utf8.count }
            // The newest text stays whatever its size: it is the one on screen.
            while parsed.count > 1, parsed.count > maxTexts || bytes > maxTextBytes {
                bytes -= parsed.removeFirst().html.utf8.count
            }
        }
        return text
    }

    private static func matches(_ entry: Laid, _ request: ArticleBodyRequest) -> Bool {
        entry.key == request.key && entry.html == request.html && entry.baseURL == request.baseURL
    }
}
