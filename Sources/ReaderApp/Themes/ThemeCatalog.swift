import Foundation
import ReaderUI

/// Every theme Gazette can use: the shipped ones compiled into the binary (`ShippedThemes`), so a copied
/// binary has them all, and the user's `NAME.toml` files in the themes folder, one of which replaces the
/// shipped theme of its name. Loading never fails: a theme that cannot be found, read or parsed is a
/// warning and the default theme is used.
public struct ThemeCatalog: Sendable {
    /// Where a theme comes from.
    public enum Origin: Sendable, Equatable {
        /// Compiled in from `Themes/NAME.toml`.
        case shipped
        /// The user's file.
        case user(path: String)
        /// The user's file, replacing the shipped theme of the same name.
        case userReplacingShipped(path: String)

        /// How `gazette themes` says it.
        public var summary: String {
            switch self {
            case .shipped: "shipped"
            case .user(let path): path
            case .userReplacingShipped(let path): "\(path) (replaces the shipped one)"
            }
        }
    }

    /// A theme's name and origin.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var origin: Origin
    }

    /// A loaded theme and what was wrong on the way (each `file:line: what`).
    public struct Loaded: Sendable {
        public var theme: Theme
        public var warnings: [String]
    }

    /// The user's themes folder (`$XDG_CONFIG_HOME/gazette/themes`); nil: shipped themes only.
    public let userFolder: String?

    public init(userFolder: String?) { self.userFolder = userFolder }

    /// Why `name` cannot be a theme name, or nil when it can: a theme is named, never given by path, so
    /// `../../etc/passwd` reads no file.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty { return "a theme name cannot be empty" }
        if name.contains("/") || name.contains("\\") || name.hasPrefix(".") || name.contains("\0") {
            return "theme '\(name)' is not a name (no paths: put the file in the themes folder and use its name)"
        }
        return nil
    }

    /// The themes found: the shipped ones in cycling order, then the user's own, alphabetically.
    public func entries() -> [Entry] {
        let userNames = userThemeNames()
        var entries = ShippedThemes.all.map { shipped in
            Entry(name: shipped.name, origin: userNames.contains(shipped.name)
                  ? .userReplacingShipped(path: userPath(shipped.name)) : .shipped)
        }
        let shippedNames = Set(ShippedThemes.all.map(\.name))
        for name in userNames.sorted() where !shippedNames.contains(name) {
            entries.append(Entry(name: name, origin: .user(path: userPath(name))))
        }
        return entries
    }

    /// The theme `name`: the user's file if there is one, else the shipped theme, else the default theme
    /// with a warning saying why.
    public func load(_ name: String) -> Loaded {
        if let problem = Self.problem(withName: name) {
            return Loaded(theme: defaultTheme(), warnings: ["\(problem); using the default theme"])
        }
        var warnings: [String] = []
        if userFolder != nil, FileManager.default.fileExists(atPath: userPath(name)) {
            let path = userPath(name)
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let parsed = Theme.parse(text, file: path, name: name)
                warnings += parsed.diagnostics.map(\.description)
                if let theme = parsed.theme { return Loaded(theme: theme, warnings: warnings) }
                warnings.append("\(path): theme '\(name)' unusable; using the default theme")
                return Loaded(theme: defaultTheme(excludingUserFile: name == "default"), warnings: warnings)
            } catch {
                warnings.append("\(path): cannot read the theme: \(error.localizedDescription)")
            }
        }
        if let shipped = Theme.shipped(name) { return Loaded(theme: shipped, warnings: warnings) }
        if warnings.isEmpty {
            let known = entries().map(\.name).joined(separator: ", ")
            let place = userFolder.map { " or \($0)/\(name).toml" } ?? ""
            warnings.append("theme '\(name)' not found (shipped\(place)); themes: \(known); using the default theme")
        }
        return Loaded(theme: defaultTheme(), warnings: warnings)
    }

    /// Every theme in `entries()` order, loaded, with the warnings of all of them.
    public func loadAll() -> (themes: [Theme], warnings: [String]) {
        var themes: [Theme] = [], warnings: [String] = []
        for entry in entries() {
            let loaded = load(entry.name)
            // A broken file stands in as the default: keep its name so the cycle still shows where it is.
            var theme = loaded.theme
            theme.name = entry.name
            themes.append(theme)
            warnings += loaded.warnings
        }
        return (themes, warnings)
    }

    private func defaultTheme(excludingUserFile: Bool = false) -> Theme {
        guard !excludingUserFile, userFolder != nil, FileManager.default.fileExists(atPath: userPath("default")),
              let text = try? String(contentsOfFile: userPath("default"), encoding: .utf8),
              let theme = Theme.parse(text, file: userPath("default"), name: "default").theme
        else { return .builtinDefault }
        return theme
    }

    private func userPath(_ name: String) -> String {
        ((userFolder ?? "") as NSString).appendingPathComponent("\(name).toml")
    }

    /// Names of the `.toml` files in the user's folder that are valid theme names.
    private func userThemeNames() -> Set<String> {
        guard let folder = userFolder,
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return Set(files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
            .filter { Self.problem(withName: $0) == nil })
    }
}
