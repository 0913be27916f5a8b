import Foundation
import TOMLKit
import TermCore

/// Reading themes from TOML text.
///
/// ```toml
/// name = "mine"
/// [styles]
/// unread = { fg = "bright-white", attrs = ["bold"] }
/// link = "cyan"                # a plain string sets the foreground only
/// depth-1 = "blue"
/// [comments]
/// depths = ["cyan", "green", { fg = "yellow", attrs = ["bold"] }]   # shorthand for depth-1, depth-2, ...
/// ```
///
/// Colours: `default`, the 16 names (`black` … `white`, `bright-black` … `bright-white`, `gray`), a palette
/// index 0–255, or `#rrggbb`. Attributes: bold, dim, italic, underline, reverse, strikethrough.
/// Mistakes never stop the reader: an unknown key is skipped, a bad style leaves its role to the parent
/// role, and each is reported as a `ThemeDiagnostic`.
extension Theme {
    /// The outcome of parsing: the theme (nil when the text is not TOML at all) and what was wrong.
    public struct Parsed: Sendable {
        public var theme: Theme?
        public var diagnostics: [ThemeDiagnostic]
        /// The roles the text styles itself (the others inherit).
        public var explicitRoles: Set<Role> = []
    }

    /// Parses theme text. `name` names the theme when the text has no `name` key.
    public static func parse(_ text: String, file: String, name: String) -> Parsed {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let message = "not valid TOML (column \(error.source.begin.column)): \(error.description)"
            return Parsed(theme: nil, diagnostics: [ThemeDiagnostic(file: file, line: error.source.begin.line,
                                                                   message: message)])
        } catch {
            return Parsed(theme: nil, diagnostics: [ThemeDiagnostic(file: file, line: 1, message: "\(error)")])
        }
        var reader = ThemeReader(text: text, file: file)
        var themeName = name
        var given: [Role: Theme.Declared] = [:]
        for (key, value) in table.sorted(by: { $0.0 < $1.0 }) {
            switch key {
            case "name":
                if let string = value.string { themeName = string } else { reader.report(key, section: nil, "expected a string") }
            case "styles":
                guard let styles = value.table else { reader.report(key, section: nil, "expected a table"); continue }
                for (roleKey, styleValue) in styles {
                    guard let role = Role(rawValue: roleKey) else {
                        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                        reader.report(roleKey, section: "styles", "unknown role '\(roleKey)' (roles: \(known))")
                        continue
                    }
                    if let style = reader.style(styleValue, key: roleKey, section: "styles") { given[role] = style }
                }
            case "comments":
                guard let comments = value.table else { reader.report(key, section: nil, "expected a table"); continue }
                for (commentKey, commentValue) in comments {
                    guard commentKey == "depths" else {
                        reader.report(commentKey, section: "comments", "unknown key '\(commentKey)' (only depths)")
                        continue
                    }
                    guard let array = commentValue.array, !array.isEmpty else {
                        reader.report(commentKey, section: "comments", "expected a non-empty array of styles")
                        continue
                    }
                    let styles = array.map { reader.style($0, key: "depths", section: "comments") }
                    // Given depth-N roles win over the shorthand.
                    for (index, role) in Role.depthGuides.enumerated() where given[role] == nil {
                        if let style = styles[index % styles.count] { given[role] = style }
                    }
                }
            default:
                reader.report(key, section: nil, "unknown key '\(key)' (a theme has name, [styles], [comments])")
            }
        }
        let diagnostics = reader.diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return Parsed(theme: Theme(name: themeName, declared: given), diagnostics: diagnostics,
                      explicitRoles: Set(given.keys))
    }

    /// A shipped theme by name, parsed from its compiled-in text.
    public static func shipped(_ name: String) -> Theme? {
        guard let text = ShippedThemes.all.first(where: { $0.name == name })?.text else { return nil }
        return parse(text, file: "shipped:\(name)", name: name).theme
    }

    /// The shipped default theme.
    public static let builtinDefault: Theme = shipped("default") ?? Theme(name: "default", styles: [:])

    /// The shipped attributes-only theme, for `NO_COLOR` and terminals without colours.
    public static let mono: Theme = shipped("mono") ?? Theme(name: "mono", styles: [:])
}

/// Turns TOML values into styles, and finds the line a key is on: TOMLKit reports positions for syntax
/// errors only, so semantic errors look the key up in the text.
private struct ThemeReader {
    let text: String
    let file: String
    private(set) var diagnostics: [ThemeDiagnostic] = []

    init(text: String, file: String) { self.text = text; self.file = file }

    /// A style from a colour (string or palette index) or a `{ fg, bg, attrs }` table; nil (and a
    /// diagnostic) when anything in it is wrong, so the role keeps its parent's style whole.
    mutating func style(_ value: TOMLValueConvertible, key: String, section: String) -> Theme.Declared? {
        if value.string != nil || value.int != nil {
            return color(value, key: key, section: section).map { Theme.Declared(Style(foreground: $0), setsBackground: false) }
        }
        guard let table = value.table else {
            report(key, section: section, "expected a colour name or a table such as { fg = \"red\" }")
            return nil
        }
        var style = Style()
        var setsForeground = false, setsBackground = false
        for (field, fieldValue) in table {
            switch field {
            case "fg", "bg":
                guard let color = color(fieldValue, key: key, section: section) else { return nil }
                if field == "fg" { style.foreground = color; setsForeground = true } else {
                    style.background = color; setsBackground = true
                }
            case "attrs":
                guard let array = fieldValue.array else {
                    report(key, section: section, "attrs must be an array such as [\"bold\"]")
                    return nil
                }
                for item in array {
                    guard let name = item.string, let attribute = Self.attributes[name] else {
                        let known = Self.attributes.keys.sorted().joined(separator: ", ")
                        report(key, section: section, "unknown attribute \(item.debugDescription) (known: \(known))")
                        return nil
                    }
                    style.attributes.insert(attribute)
                }
            default:
                report(key, section: section, "unknown field '\(field)' (use fg, bg, attrs)")
                return nil
            }
        }
        return Theme.Declared(style, setsForeground: setsForeground, setsBackground: setsBackground)
    }

    private mutating func color(_ value: TOMLValueConvertible, key: String, section: String) -> Color? {
        if let index = value.int {
            guard (0...255).contains(index) else {
                report(key, section: section, "palette index \(index) is outside 0-255")
                return nil
            }
            return .indexed(UInt8(index))
        }
        guard let name = value.string else {
            report(key, section: section, "a colour is a name, a palette index or \"#rrggbb\"")
            return nil
        }
        let lower = name.lowercased()
        if lower == "default" { return .default }
        if let index = Self.colorNames.firstIndex(of: lower) { return .indexed(UInt8(index)) }
        if lower == "gray" || lower == "grey" { return .indexed(8) }
        if lower.hasPrefix("#"), lower.count == 7, lower.dropFirst().allSatisfy(\.isHexDigit),
           let value = UInt32(lower.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        report(key, section: section,
               "unknown colour '\(name)' (use default, black … white, bright-black … bright-white, 0-255 or #rrggbb)")
        return nil
    }

    /// Records a problem on the key's line.
    mutating func report(_ key: String, section: String?, _ message: String) {
        let qualified = section.map { "\($0).\(key)" } ?? key
        diagnostics.append(ThemeDiagnostic(file: file, line: line(of: key, section: section),
                                           message: "\(qualified): \(message)"))
    }

    /// The 1-based line where `key` is assigned inside `[section]` (or before any section).
    func line(of key: String, section: String?) -> Int? {
        var current: String?
        for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                continue
            }
            guard current == section else { continue }
            for candidate in [key, "\"\(key)\""] where line.hasPrefix(candidate) {
                let rest = line.dropFirst(candidate.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == "=" { return number + 1 }
            }
        }
        // A table key such as [styles] given a plain value, or a section header: its header line.
        for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            where rawLine.trimmingCharacters(in: .whitespaces) == "[\(section ?? key)]" {
            return number + 1
        }
        return nil
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                             "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                             "bright-magenta", "bright-cyan", "bright-white"]

    static let attributes: [String: Attributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse,
        "strikethrough": .strikethrough,
    ]
}
