import Foundation
import NewsModel
import NewsSources
import NewsSync
import TOMLKit

/// Reads `config.toml`. An unknown key is a warning (a newer Gazette may know it) and a bad value an
/// error, both with the line number, so a typo never silently resets a setting.
public enum SettingsFile {
    /// The settings in `text` and the warnings about it, or an error listing every bad value.
    public static func parse(_ text: String, path: String = "config.toml") throws(SettingsError)
        -> (settings: Settings, warnings: [SettingsProblem]) {
        // TOMLKit reads a C string: a NUL would silently end the file there, and every setting after it.
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw SettingsError(path: path, problems: [SettingsProblem(
                line: line, message: "a NUL byte; the file must be text (remove it and what follows on that line)")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SettingsError(path: path, problems: [SettingsProblem(
                line: error.source.begin.line, message: error.description)])
        } catch {
            throw SettingsError(path: path, problems: [SettingsProblem(line: nil, message: "\(error)")])
        }
        var reader = Reader(text: text)
        var settings = Settings()
        for (sectionName, value) in flattened(table) {
            if sectionName == "extract", let section = value.table {
                readExtract(section, into: &settings, reader: &reader)
                continue
            }
            if sectionName == "sync" {
                let (accounts, problems) = SyncAccount.parseConfig(value)
                settings.syncAccounts = accounts
                for problem in problems {
                    // A missing key is reported on its table's header.
                    let line = reader.line(syncTable: problem.table, key: problem.key)
                        ?? reader.line(syncTable: problem.table, key: nil)
                    reader.errors.append(SettingsProblem(line: line, message: problem.message))
                }
                continue
            }
            guard let section = value.table, let known = schema[sectionName] else {
                reader.warn(section: sectionName, key: nil,
                            "unknown section [\(sectionName)] (known: \((schema.keys + ["extract", "sync"]).sorted().joined(separator: ", ")))")
                continue
            }
            for (key, value) in section {
                guard let apply = known[key] else {
                    reader.warn(section: sectionName, key: key, "unknown setting '\(key)' in [\(sectionName)]")
                    continue
                }
                if let problem = apply(&settings, value) {
                    reader.fail(section: sectionName, key: key, "\(sectionName).\(key): \(problem)")
                }
            }
        }
        let byLine: (SettingsProblem, SettingsProblem) -> Bool = { ($0.line ?? 0) < ($1.line ?? 0) }
        if !reader.errors.isEmpty { throw SettingsError(path: path, problems: reader.errors.sorted(by: byLine)) }
        return (settings, reader.warnings.sorted(by: byLine))
    }

    /// Loads `path`; a missing file gives the defaults.
    public static func load(path: String) throws(SettingsError) -> (settings: Settings, warnings: [SettingsProblem]) {
        guard FileManager.default.fileExists(atPath: path) else { return (Settings(), []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(path: path, problems: [SettingsProblem(line: nil, message: "cannot be read")])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parsed = try parse(text, path: path)
        try checkPasswords(parsed.settings, text: text, path: path)
        return parsed
    }

    /// A password written in config.toml is refused while anyone but the owner may read the file.
    static func checkPasswords(_ settings: Settings, text: String, path: String) throws(SettingsError) {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        guard !SyncAccount.mayHoldPassword(permissions: permissions) else { return }
        let reader = Reader(text: text)
        var problems: [SettingsProblem] = []
        var index = 0
        for account in settings.syncAccounts {
            defer { index += 1 }
            guard case .literal = account.password else { continue }
            problems.append(SettingsProblem(line: reader.line(syncTable: index, key: "password"), message:
                "sync.password: the file can be read by others (mode \(String(permissions & 0o777, radix: 8))); "
                + "run chmod 600 \(path), or use password-command"))
        }
        if !problems.isEmpty { throw SettingsError(path: path, problems: problems) }
    }

    /// `[extract]`: `default = "auto"` and one key per feed, its URL in quotes (`"https://…/rss" = "always"`).
    private static func readExtract(_ section: TOMLTable, into settings: inout Settings, reader: inout Reader) {
        let modes = ExtractMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        for (key, value) in section {
            guard let text = value.string, let mode = ExtractMode(rawValue: text) else {
                reader.fail(section: "extract", key: key, "extract.\(key): expected one of \(modes)")
                continue
            }
            if key == "default" {
                settings.extract.defaultMode = mode
            } else if key.contains("://") || key.hasPrefix("/") {
                settings.extract.feeds[key] = mode
            } else {
                reader.warn(section: "extract", key: key,
                            "unknown setting '\(key)' in [extract] (a feed is named by its URL in quotes)")
            }
        }
    }

    /// Applies one value to the settings, or says what is wrong with it.
    typealias Apply = @Sendable (inout Settings, TOMLValueConvertible) -> String?

    /// Every known setting, by section and key.
    static let schema: [String: [String: Apply]] = [
        "reader": [
            "theme": { settings, value in
                guard let name = value.string, !name.isEmpty else { return "expected a theme name in quotes" }
                settings.theme = name
                return nil
            },
            "browser": { settings, value in
                guard let command = value.string else { return "expected a command in quotes, e.g. \"firefox\"" }
                let argv = command.split(whereSeparator: \.isWhitespace).map(String.init)
                settings.browser = argv.isEmpty ? nil : argv
                return nil
            },
            "text-browser": { settings, value in
                guard let flag = value.bool else { return "expected true or false" }
                settings.textBrowser = flag
                return nil
            },
            "mark-read-on-open": { settings, value in
                guard let flag = value.bool else { return "expected true or false" }
                settings.markReadOnOpen = flag
                return nil
            },
        ],
        "refresh": [
            "interval-minutes": integer(0...10_080) { $0.refreshIntervalMinutes = $1 },
            "jobs": integer(1...256) { $0.fetch.overallLimit = $1 },
            "per-host": integer(1...64) { $0.fetch.perHostLimit = $1 },
            "timeout-seconds": integer(1...600) { $0.fetch.timeoutSeconds = $1 },
            "max-feed-size-mb": integer(1...1024) { $0.fetch.maxBytes = $1 << 20 },
            "user-agent": { settings, value in
                guard let agent = value.string, !agent.isEmpty else { return "expected a user agent in quotes" }
                // A CR or LF would end the User-Agent header and start another (header injection).
                if agent.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    return "a control character (\\r, \\n, \\t...) is not allowed in an HTTP header"
                }
                settings.fetch.userAgent = agent
                return nil
            },
        ],
        "retention": [
            "keep-days": integer(0...36_500) { $0.keepDays = $1 },
            "max-per-feed": integer(0...10_000_000) { $0.maxPerFeed = $1 },
        ],
        "comments": [
            "max-age-minutes": integer(0...525_600) { $0.commentsMaxAgeMinutes = $1 },
            "beside-story": { settings, value in
                guard let flag = value.bool else { return "expected true or false" }
                settings.commentsBesideStory = flag
                return nil
            },
        ],
        "sources.hackernews": [
            "api": baseURL { $0.endpoints.hackerNewsAPI = $1 },
            "search": baseURL { $0.endpoints.hackerNewsSearch = $1 },
        ],
        "sources.lobsters": [
            "url": baseURL { $0.endpoints.lobsters = $1 },
        ],
    ]

    /// The top-level sections, with `[sources.NAME]` tables listed as sections of their own.
    private static func flattened(_ table: TOMLTable) -> [(String, TOMLValueConvertible)] {
        var sections: [(String, TOMLValueConvertible)] = []
        for (name, value) in table {
            if name == "sources", let sources = value.table {
                for (source, inner) in sources { sections.append(("sources.\(source)", inner)) }
            } else {
                sections.append((name, value))
            }
        }
        return sections
    }

    /// An http(s) base URL; a missing final slash is added, as every endpoint is relative to it.
    private static func baseURL(_ set: @escaping @Sendable (inout Settings, String) -> Void) -> Apply {
        { settings, value in
            guard let text = value.string, let url = URL(string: text),
                  let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
            else { return "expected an http(s) URL in quotes, e.g. \"https://lobste.rs/\"" }
            set(&settings, text.hasSuffix("/") ? text : text + "/")
            return nil
        }
    }

    private static func integer(_ range: ClosedRange<Int>, _ set: @escaping @Sendable (inout Settings, Int) -> Void)
        -> Apply {
        { settings, value in
            guard let number = value.int else { return "expected a whole number from \(range.lowerBound) to \(range.upperBound)" }
            guard range.contains(number) else {
                return "\(number) is out of range (\(range.lowerBound)…\(range.upperBound))"
            }
            set(&settings, number)
            return nil
        }
    }

    /// Finds the lines that problems refer to: TOMLKit gives values without positions, so the key is
    /// looked up in the text under its section header.
    private struct Reader {
        let lines: [Substring]
        var warnings: [SettingsProblem] = []
        var errors: [SettingsProblem] = []

        init(text: String) { lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) }

        mutating func warn(section: String, key: String?, _ message: String) {
            warnings.append(SettingsProblem(line: line(section: section, key: key), message: message))
        }

        mutating func fail(section: String, key: String, _ message: String) {
            errors.append(SettingsProblem(line: line(section: section, key: key), message: message))
        }

        /// The line of `key` in the `table`-th `[[sync]]` table (or of its header).
        func line(syncTable table: Int, key: String?) -> Int? {
            var seen = -1
            for (index, raw) in lines.enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    if seen == table { break }
                    if line.replacingOccurrences(of: " ", with: "").hasPrefix("[[sync]]") {
                        seen += 1
                        if seen == table && key == nil { return index + 1 }
                    }
                    continue
                }
                guard seen == table, let key else { continue }
                let name = line.split(separator: "=", maxSplits: 1).first?
                    .trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
                if name == key { return index + 1 }
            }
            return nil
        }

        func line(section: String, key: String?) -> Int? {
            var current = ""
            for (index, raw) in lines.enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                    if key == nil && current == section { return index + 1 }
                    continue
                }
                guard let key, current == section else { continue }
                let name = line.split(separator: "=", maxSplits: 1).first?
                    .trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
                if name == key { return index + 1 }
            }
            return nil
        }
    }
}
