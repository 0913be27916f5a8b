import Foundation
@testable import NewsSources

/// An HTTP answer with this body, as `FeedFetcher.send` returns one (status 200, JSON).
func answer(_ body: some Sequence<UInt8>, status: Int = 200, contentType: String = "application/json") -> HTTPResponse {
    HTTPResponse(status: status, body: Data(body), finalURL: "http://127.0.0.1/api",
                 fields: [(name: "content-type", value: contentType)])
}
