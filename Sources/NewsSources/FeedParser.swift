import Foundation
import NewsModel
import TextSafety

/// Bounds that keep a hostile or broken document from costing more than a feed should.
public struct ParseLimits: Sendable, Equatable {
    /// Documents larger than this are refused before any parsing (default 32 MB).
    public var maxBytes: Int
    /// Elements nested deeper than this are flattened into their ancestor (default 256).
    public var maxDepth: Int
    /// Total bytes internal entities may expand to (default 1 MB); more is refused as an entity bomb.
    public var maxEntityExpansion: Int

    public init(maxBytes: Int = 32 << 20, maxDepth: Int = 256, maxEntityExpansion: Int = 1 << 20) {
        self.maxBytes = maxBytes; self.maxDepth = maxDepth; self.maxEntityExpansion = maxEntityExpansion
    }

    public static let `default` = ParseLimits()
}

/// A parsed feed and what was wrong with it without being fatal (recovered damage, a charset fallback,
/// a truncated download).
public struct ParseResult: Sendable, Equatable {
    public var feed: FeedDocument
    public var warnings: [String]

    public init(feed: FeedDocument, warnings: [String]) {
        self.feed = feed; self.warnings = warnings
    }
}

/// The entry point of feed parsing: bytes in, `FeedDocument` out. Pure (no I/O, no clock: the caller passes
/// the fetch time), so it runs anywhere and the same input always gives the same output.
public enum FeedParser {
    /// Parses RSS 0.90–0.94/2.0, RSS 1.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1, recognised from the content.
    ///
    /// - Parameters:
    ///   - url: the document's URL (after redirects), the base for relative links after `xml:base`.
    ///   - contentType: the HTTP `Content-Type`, for its charset (RFC 3023 precedence).
    ///   - fetchedAt: dates later than this are clamped to it. Entries without any date keep `nil`; the
    ///     cache gives them their first-seen time.
    /// - Throws: `FeedParseError` when the document is too large, empty, an entity bomb, or not a feed
    ///   (`.notAFeed` lists the feeds an HTML page advertises).
    public static func parse(data: Data, url: String?, contentType: String?, fetchedAt: Date,
                             limits: ParseLimits = .default) throws -> ParseResult {
        guard data.count <= limits.maxBytes else { throw FeedParseError.tooLarge(size: data.count, limit: limits.maxBytes) }
        let assembler = FeedAssembler(documentURL: url.flatMap { $0.isEmpty ? nil : $0 }, fetchedAt: fetchedAt)
        let firstSignificant = data.withUnsafeBytes { raw -> UInt8? in
            var index = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while index < raw.count, raw[index].isXMLSpace { index += 1 }
            return index < raw.count ? raw[index] : nil
        }
        guard let firstSignificant else { throw FeedParseError.empty }
        if firstSignificant == UInt8(ascii: "{") {
            var body = data
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { body = data.dropFirst(3) }
            // JSON is UTF-8 (RFC 8259), and JSONSerialization refuses a whole feed for one bad byte: bad
            // sequences become U+FFFD with a warning, as for XML.
            var warnings: [String] = []
            let valid = body.withUnsafeBytes { ByteScan.isValidUTF8($0.bindMemory(to: UInt8.self)) }
            if !valid {
                body = Data(String(decoding: body, as: UTF8.self).utf8)
                warnings.append("invalid UTF-8 bytes were replaced with U+FFFD")
            }
            var feed = try JSONFeedReader(assembler: assembler).read(body)
            feed.encoding = "utf-8"
            return ParseResult(feed: feed, warnings: warnings)
        }
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let decoded = CharsetDecoder.decode(bytes, contentType: contentType)
            if let converted = decoded.utf8 {
                return try converted.withUnsafeBufferPointer {
                    try parseXML($0, encoding: decoded.encoding, warnings: decoded.warnings, validUTF8: decoded.isValidUTF8,
                                 assembler: assembler, limits: limits)
                }
            }
            return try parseXML(bytes, encoding: decoded.encoding, warnings: decoded.warnings, validUTF8: decoded.isValidUTF8,
                                assembler: assembler, limits: limits)
        }
    }

    /// `validUTF8`: the charset decoder found `bytes` well-formed, so the reader cuts strings out of them
    /// without validating each again.
    static func parseXML(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, warnings: [String], validUTF8: Bool,
                         assembler: FeedAssembler, limits: ParseLimits) throws -> ParseResult {
        var reader = LenientXMLReader(maxDepth: limits.maxDepth, maxEntityExpansion: limits.maxEntityExpansion,
                                      documentBase: assembler.documentURL)
        reader.bytesAreValidUTF8 = validUTF8
        var entries: [FeedEntry] = []
        var isAtom = false
        let outcome = try reader.read(bytes) { node, parentKey in
            // An `item` directly in an Atom `feed` is an entry under another name.
            if node.key == "item" && parentKey != "atom:feed" && parentKey != "feed" {
                entries.append(assembler.rssEntry(node))
            } else {
                isAtom = true
                entries.append(assembler.atomEntry(node))
            }
        }
        guard let root = outcome.root, NamespaceTable.isFeedRoot(root.key) else {
            throw FeedParseError.notAFeed(advertisedFeeds: AdvertisedFeeds.advertisedFeeds(in: outcome.firstRoot,
                                                                                          base: assembler.documentURL))
        }
        var feed: FeedDocument
        if root.key == "atom:feed" || root.key == "feed" {
            feed = assembler.atomFeed(root: root)
            for index in entries.indices where entries[index].author == nil { entries[index].author = feed.author }
        } else {
            feed = assembler.rssFeed(root: root)
            if isAtom && feed.format == .rss20 { feed.format = .rss20 }
        }
        feed.entries = entries
        feed.encoding = encoding
        var allWarnings = warnings + outcome.warnings
        if outcome.truncated {
            allWarnings.append("truncated after \(entries.count) items")
        }
        return ParseResult(feed: feed, warnings: allWarnings)
    }
}

/// The feeds an HTML page advertises with `<link rel="alternate">`, for `gazette add` to try when given a
/// page instead of a feed (`FeedDiscovery` in ReaderApp does the trying).
enum AdvertisedFeeds {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json",
                                         "application/rdf+xml", "application/json"]

    static func advertisedFeeds(in root: XMLNode?, base: String?) -> [String] {
        guard let root else { return [] }
        var found: [String] = []
        var pageBase = base
        var stack = [root]
        while let node = stack.popLast() {
            if node.localName == "base", let href = node.attribute("href") {
                pageBase = URLResolver.resolve(href, against: base)
            }
            if node.localName == "link",
               let rel = node.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("alternate"),
               let type = node.attribute("type")?.lowercased().trimmingXMLSpace(), feedTypes.contains(type),
               let href = node.attribute("href"),
               let url = URLResolver.cleanLink(href, base: pageBase), !found.contains(url) {
                found.append(url)
            }
            stack.append(contentsOf: node.elements.reversed())
        }
        return found
    }
}
