import Foundation
import TextSafety

/// An aggregator server's answer that is not what its protocol documents: a web page where JSON was due,
/// JSON of another shape, or an error the server put in words. `message` is one clean line for the user.
public enum APIAnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is HTML (a login page, a proxy's error page, the wrong URL).
    case html(service: String)
    /// The body is not JSON, or not JSON of the documented shape; `detail` says what was wrong.
    case malformed(service: String, detail: String)
    /// The server answered with an error message of its own.
    case server(service: String, message: String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .html(let service):
            "\(service) answered with a web page instead of JSON: check that the account's url is the API's address"
        case .malformed(let service, let detail):
            Sanitizer.cleanLine("\(service) sent an answer Gazette cannot read (\(detail))")
        case .server(let service, let message):
            Sanitizer.cleanLine("\(service) said: \(Sanitizer.excerpt(message, limit: 200))")
        }
    }

    /// Whether `body` looks like an HTML document (after white space and a byte-order mark).
    static func looksLikeHTML(_ body: Data) -> Bool {
        guard let first = body.first(where: { !(" \t\r\n".utf8.contains($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) })
        else { return false }
        return first == UInt8(ascii: "<")
    }

    /// Decodes `body` as `T`, turning every failure into `html` or `malformed` for `service`.
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, service: String) throws(APIAnswerError) -> T {
        if looksLikeHTML(body) { throw .html(service: service) }
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw .malformed(service: service, detail: describe(error))
        } catch {
            throw .malformed(service: service, detail: "not JSON")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the answer" : keys.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context))"
        case .keyNotFound(let key, let context): return "no \(key.stringValue) in \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        @unknown default: return "not the documented shape"
        }
    }
}
