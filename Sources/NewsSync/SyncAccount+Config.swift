import Foundation
import TOMLKit

/// A problem in one `[[sync]]` table: which table (0 for the first), which key, what is wrong.
public struct SyncConfigProblem: Sendable, Equatable {
    public var table: Int
    public var key: String?
    public var message: String
    public init(table: Int, key: String?, message: String) { self.table = table; self.key = key; self.message = message }
}

extension SyncAccount {
    /// Keys a `[[sync]]` table may have.
    public static let configKeys = ["name", "type", "url", "user", "password", "password-command"]

    /// The accounts of config.toml's `sync` value (an array of tables) and every problem with them; an
    /// account with a problem is left out, the others are kept.
    public static func parseConfig(_ value: TOMLValueConvertible) -> (accounts: [SyncAccount], problems: [SyncConfigProblem]) {
        guard let array = value.array else {
            return ([], [SyncConfigProblem(table: 0, key: nil, message: "write accounts as [[sync]] tables (two brackets)")])
        }
        var accounts: [SyncAccount] = []
        var problems: [SyncConfigProblem] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                problems.append(SyncConfigProblem(table: index, key: nil, message: "a [[sync]] entry must be a table"))
                continue
            }
            switch account(table, index: index) {
            case .success(let account):
                if accounts.contains(where: { $0.name == account.name }) {
                    problems.append(SyncConfigProblem(table: index, key: "name", message:
                        "sync.name: a second account named '\(account.name)'; give each [[sync]] its own name"))
                } else {
                    accounts.append(account)
                }
            case .failure(let found): problems += found.problems
            }
        }
        return (accounts, problems)
    }

    /// Problems of one table, gathered so the user sees them all at once.
    private struct Problems: Error { var problems: [SyncConfigProblem] }

    private static func account(_ table: TOMLTable, index: Int) -> Result<SyncAccount, Problems> {
        var problems: [SyncConfigProblem] = []
        func fail(_ key: String?, _ message: String) {
            problems.append(SyncConfigProblem(table: index, key: key, message: message))
        }
        for (key, _) in table where !configKeys.contains(key) {
            fail(key, "unknown setting '\(key)' in [[sync]] (known: \(configKeys.joined(separator: ", ")))")
        }
        let kinds = SyncServiceKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        var kind: SyncServiceKind?
        if let text = table["type"]?.string {
            kind = SyncServiceKind(rawValue: text)
            if kind == nil { fail("type", "sync.type: '\(text)' is not supported (supported: \(kinds))") }
        } else {
            fail("type", "sync.type: missing; expected one of \(kinds)")
        }
        var url: String?
        if let text = table["url"]?.string, let parsed = URL(string: text),
           let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https", parsed.host != nil,
           !text.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }) {
            url = text
        } else {
            fail("url", "sync.url: expected the API's http(s) address in quotes, e.g. \"https://rss.example.net/api/greader.php\"")
        }
        let user = table["user"]?.string
        if user?.isEmpty ?? true { fail("user", "sync.user: expected the user name in quotes") }
        var password: Password?
        switch (table["password"], table["password-command"]) {
        case (let literal?, nil):
            if let text = literal.string, !text.isEmpty { password = .literal(text) } else {
                fail("password", "sync.password: expected the password in quotes")
            }
        case (nil, let command?):
            if let text = command.string, !text.trimmingCharacters(in: .whitespaces).isEmpty { password = .command(text) } else {
                fail("password-command", "sync.password-command: expected a command in quotes, e.g. \"pass show rss\"")
            }
        case (nil, nil):
            fail("password", "sync.password-command (preferred) or sync.password: missing")
        case (_?, _?):
            fail("password", "sync: both password and password-command; keep one (password-command is safer)")
        }
        var name = table["name"]?.string ?? url.flatMap { URL(string: $0)?.host } ?? ""
        name = name.trimmingCharacters(in: .whitespaces)
        if table["name"] != nil && (name.isEmpty || name.contains(where: { $0.isWhitespace || $0.isNewline })) {
            fail("name", "sync.name: expected a name without spaces in quotes")
        }
        guard problems.isEmpty, let kind, let url, let user, let password else { return .failure(Problems(problems: problems)) }
        return .success(SyncAccount(name: name, kind: kind, url: url, user: user, password: password))
    }

    /// Whether a file with these permission bits may hold a password: only its owner may read it.
    public static func mayHoldPassword(permissions: Int) -> Bool { permissions & 0o077 == 0 }
}
