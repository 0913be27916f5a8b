import Foundation

/// What went wrong in an account's last sync, as a kind the reader can name in a word or two (the full
/// message is kept beside it).
public enum SyncProblem: String, Sendable, Codable, CaseIterable {
    /// No answer: network, timeout, connection refused.
    case unreachable
    /// 429 or 503: the server is busy (with `Retry-After`, the account is left alone until then).
    case busy
    /// Another HTTP error status.
    case serverError = "server-error"
    /// The server refused the user name and password.
    case wrongPassword = "wrong-password"
    /// The session was refused again right after a new login.
    case sessionRefused = "session-refused"
    /// An HTML page (a login form, a proxy's page) instead of the API.
    case notTheAPI = "not-the-api"
    /// An answer larger than `max-feed-size-mb`.
    case tooLarge = "too-large"
    /// An answer in a shape the protocol does not document.
    case malformed
    /// The server said no for a reason the user can fix (its API is switched off).
    case refused
    /// The password command failed.
    case passwordCommand = "password-command"
    /// Anything else (the cache could not be written, …).
    case other

    /// A word or two for a list: "unreachable", "wrong password", "busy".
    public var label: String {
        switch self {
        case .unreachable: "unreachable"
        case .busy: "busy"
        case .serverError: "server error"
        case .wrongPassword: "wrong password"
        case .sessionRefused: "session refused"
        case .notTheAPI: "not the API"
        case .tooLarge: "answer too large"
        case .malformed: "unexpected answer"
        case .refused: "refused"
        case .passwordCommand: "password-command failed"
        case .other: "failed"
        }
    }
}

/// An account on an aggregator server as the cache last knew it: how its last sync went, and how many
/// marks made here wait to go up. What `gazette feeds` and the reader's feed list show for each account.
public struct SyncAccountStatus: Sendable, Equatable, Codable {
    /// The account's name (`name` in its `[[sync]]` table, else the server's host name).
    public var name: String
    /// The protocol: "greader", "miniflux" or "ttrss".
    public var kind: String
    /// When a sync last worked; nil if none ever did.
    public var lastSynced: Date?
    /// When a sync was last tried, whatever came of it.
    public var lastAttempt: Date?
    /// The last sync's failure in words; nil when it worked.
    public var lastError: String?
    /// Its kind, when the sync that failed recorded one.
    public var problem: SyncProblem?
    /// The server asked not to be called before this time.
    public var retryAfter: Date?
    /// Marks made here on the account's stories, not sent yet.
    public var queuedMarks: Int

    public init(name: String, kind: String, lastSynced: Date? = nil, lastAttempt: Date? = nil,
                lastError: String? = nil, problem: SyncProblem? = nil, retryAfter: Date? = nil, queuedMarks: Int = 0) {
        self.name = name; self.kind = kind; self.lastSynced = lastSynced; self.lastAttempt = lastAttempt
        self.lastError = lastError; self.problem = problem; self.retryAfter = retryAfter; self.queuedMarks = queuedMarks
    }

    /// Whether the last sync failed.
    public var isFailing: Bool { lastError != nil }

    /// The failure's short name: the recorded kind, else "failed".
    public var problemLabel: String? {
        guard isFailing else { return nil }
        return (problem ?? .other).label
    }
}
