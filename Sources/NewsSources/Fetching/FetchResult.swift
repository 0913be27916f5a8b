import Foundation

/// What a conditional fetch gave: a new body, or word that nothing changed since the validators we sent.
public enum FetchResult: Sendable, Equatable {
    case fetched(FetchedBody)
    /// 304 Not Modified (or a file whose modification time matches `lastModified`).
    case notModified(permanentRedirect: String?)
}

/// A fetched response body and what the cache keeps for the next conditional request.
public struct FetchedBody: Sendable, Equatable {
    public var data: Data
    /// The `Content-Type` header, with its charset parameter, if any.
    public var contentType: String?
    /// Where the body came from after redirects: the base for relative links.
    public var finalURL: String
    public var etag: String?
    public var lastModified: String?
    /// Set when every redirect on the way was permanent (301/308): the subscription can be updated to it.
    public var permanentRedirect: String?
    /// The `Content-Location` header: where the document says it lives, for relative links.
    public var contentLocation: String?

    public init(data: Data, contentType: String? = nil, finalURL: String, etag: String? = nil,
                lastModified: String? = nil, permanentRedirect: String? = nil, contentLocation: String? = nil) {
        self.data = data; self.contentType = contentType; self.finalURL = finalURL; self.etag = etag
        self.lastModified = lastModified; self.permanentRedirect = permanentRedirect
        self.contentLocation = contentLocation
    }
}

/// The validators of an earlier response, sent back as If-None-Match / If-Modified-Since.
public struct Validators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag; self.lastModified = lastModified
    }
}
