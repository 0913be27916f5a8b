import Foundation

/// A story's web page, decoded to text, ready for reader mode.
public struct PageDocument: Sendable, Equatable {
    public var html: String
    /// The address after redirects: the base for the page's relative links (nil for a local file).
    public var url: String?
    public init(html: String, url: String?) { self.html = html; self.url = url }
}

/// Why a story's page gave no article, in a few words for the note above the feed's text.
public enum PageError: Error, Sendable, Equatable, CustomStringConvertible {
    case fetch(FetchError)
    /// The page is not HTML (a PDF, an image, a feed); the media type is given.
    case notHTML(String)
    case empty

    public var description: String {
        switch self {
        case .fetch(let error): error.message
        case .notHTML(let type): "the page is \(type), not HTML"
        case .empty: "the page is empty"
        }
    }
}

/// Fetches story pages with the feeds' `FeedFetcher` (same size limit, timeouts, user agent and per-host
/// politeness) and decodes them: the HTTP charset, else the page's `<meta charset>`, else UTF-8 when the
/// bytes are valid UTF-8, else the guesses `CharsetDecoder` makes for undeclared feeds.
public struct PageFetcher: Sendable {
    public let fetcher: FeedFetcher

    public init(fetcher: FeedFetcher) { self.fetcher = fetcher }

    /// The page at `location` (http(s) URL, `file://` URL or path).
    public func fetch(_ location: String) async throws(PageError) -> PageDocument {
        let body: FetchedBody
        do {
            switch try await fetcher.fetch(location) {
            case .fetched(let fetched): body = fetched
            case .notModified: throw PageError.empty  // never asked for: no validators are sent
            }
        } catch let error as FetchError {
            throw .fetch(error)
        } catch {
            throw .empty
        }
        let isLocal = FeedFetcher.localPath(location) != nil
        return try Self.decode(body.data, contentType: body.contentType, url: isLocal ? nil : body.finalURL)
    }

    /// Decodes a fetched page; refuses media types that are not HTML (a missing type is sniffed: a PDF
    /// starts with `%PDF`).
    public static func decode(_ data: Data, contentType: String?, url: String?) throws(PageError) -> PageDocument {
        if let contentType {
            let mediaType = CharsetDecoder.parseContentType(contentType).mediaType
            let isHTML = mediaType.isEmpty || mediaType == "text/html" || mediaType == "application/xhtml+xml"
                || mediaType == "text/plain" || mediaType == "application/octet-stream"
            if !isHTML { throw .notHTML(mediaType) }
        }
        if data.starts(with: Array("%PDF".utf8)) { throw .notHTML("application/pdf") }
        guard !data.isEmpty else { throw .empty }
        let charset = contentType.flatMap { CharsetDecoder.parseContentType($0).charset } ?? metaCharset(data)
        let html: String = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let decoded = CharsetDecoder.decode(bytes, contentType: charset.map { "application/octet-stream; charset=\($0)" })
            if let utf8 = decoded.utf8 { return String(decoding: utf8, as: UTF8.self) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return PageDocument(html: html, url: url)
    }

    /// The charset a page declares in its first 2 KB: `<meta charset="…">` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`.
    static func metaCharset(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var name = ""
        for character in head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }) {
            guard character.isLetter || character.isNumber || character == "-" || character == "_" else { break }
            name.append(character)
        }
        return name.isEmpty || CharsetDecoder.canonicalName(name) == nil ? nil : name
    }
}
