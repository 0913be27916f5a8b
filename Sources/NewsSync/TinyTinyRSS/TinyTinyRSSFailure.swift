/// Why a Tiny Tiny RSS call failed, as the API says it (`{"status": 1, "content": {"error": CODE}}`) or as its
/// answer shows.
public enum TinyTinyRSSFailure: Error, Sendable, Equatable {
    /// `NOT_LOGGED_IN`: the session expired (or never was); logging in again may help.
    case notLoggedIn
    /// `LOGIN_ERROR`: wrong user name or password.
    case loginError
    /// `API_DISABLED`: the user has not enabled API access in the server's preferences.
    case apiDisabled
    /// Any other error code (`INCORRECT_USAGE`, `UNKNOWN_METHOD`, ...), as sent.
    case code(String)
    /// The answer was not the API's JSON.
    case answer(SyncError)
}
