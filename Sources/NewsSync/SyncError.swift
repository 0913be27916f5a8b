import Foundation
import NewsSources
import TextSafety

/// Why a sync with a server failed, in words the reader can act on. Nothing stored is lost on any of
/// them: marks stay queued and the sync point stays where it was.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server refused the user name and password.
    case wrongPassword(user: String)
    /// The session was refused again right after logging in afresh.
    case sessionRefused
    /// No answer: network, timeout, a page over the size limit.
    case unreachable(FetchError)
    /// An HTTP error; `retryAfter` when the server said when to come back (429, 503).
    case http(status: Int, retryAfter: Date?)
    /// The server answered with something that is not the API (an HTML page: a login form, a proxy's
    /// error page, the wrong address).
    case notTheAPI(contentType: String?, excerpt: String)
    /// The answer is the API's kind but not in the shape the protocol documents.
    case malformed(String)
    /// The server understood and said no, for a reason the user can fix (the API is switched off).
    case refused(String)
    /// The password command failed.
    case password(String)

    public var description: String { message }

    /// One line, cleaned: server texts and URLs in it come from outside.
    public var message: String { Sanitizer.cleanLine(rawMessage) }

    private var rawMessage: String {
        switch self {
        case .wrongPassword(let user):
            "the server refused user '\(user)' and its password (check user, password or password-command; "
                + "FreshRSS wants its API password, not the web one)"
        case .sessionRefused: "the server refused the session again right after a new login"
        case .unreachable(let error):
            if case .tooLarge(let limit) = error {
                "an answer was larger than the limit of \(FetchError.describe(bytes: limit)) (max-feed-size-mb in [refresh])"
            } else {
                "cannot reach the server: \(error.message)"
            }
        case .http(let status, let retryAfter):
            if let retryAfter {
                "the server answered HTTP \(status) (busy); it asks to retry after \(retryAfter.formatted(.iso8601))"
            } else {
                "the server answered HTTP \(status)"
            }
        case .notTheAPI(let type, let excerpt):
            "the server answered with \(type ?? "an unknown type") instead of the API (is url the API's address, "
                + "e.g. https://host/api/greader.php?): \(excerpt)"
        case .malformed(let detail): "unexpected answer from the server: \(detail)"
        case .refused(let detail): "the server refused: \(detail)"
        case .password(let detail): "password-command failed: \(detail)"
        }
    }

    /// Whether the failure was the server's absence rather than a refusal: the account "could not be
    /// reached".
    public var isUnreachable: Bool {
        switch self {
        case .unreachable, .http: true
        default: false
        }
    }
}
