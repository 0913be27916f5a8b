/// One `[[sync]]` table of config.toml: an account on an aggregator server.
public struct SyncAccount: Sendable, Equatable {
    /// How the password is obtained.
    public enum Password: Sendable, Equatable {
        /// Written in config.toml (only accepted when the file is private to its owner).
        case literal(String)
        /// A shell command whose first line of output is the password (`pass show rss`).
        case command(String)
    }

    /// The account's name (`name`, else the server's host name): what `--account` selects, what stories
    /// and messages are labelled with.
    public var name: String
    public var kind: SyncServiceKind
    /// The API's address (`…/api/greader.php` for FreshRSS).
    public var url: String
    public var user: String
    public var password: Password

    public init(name: String, kind: SyncServiceKind, url: String, user: String, password: Password) {
        self.name = name; self.kind = kind; self.url = url; self.user = user; self.password = password
    }
}
