import NewsModel
import NewsSources

extension SyncError {
    /// The kind of failure, stored with the account so the feed list and `gazette feeds` can name it in
    /// a word or two.
    public var problem: SyncProblem {
        switch self {
        case .wrongPassword: .wrongPassword
        case .sessionRefused: .sessionRefused
        case .unreachable(let error):
            if case .tooLarge = error { .tooLarge } else { .unreachable }
        case .http(let status, let retryAfter):
            retryAfter != nil || status == 429 || status == 503 ? .busy : .serverError
        case .notTheAPI: .notTheAPI
        case .malformed: .malformed
        case .refused: .refused
        case .password: .passwordCommand
        }
    }
}
