import Foundation
import TOMLKit
import TermCore

/// Reading themes from TOML files.
///
/// ```toml
/// name = "default"
/// [styles]
/// unread = { fg = "bright-white", attrs = ["bold"] }
/// link = "cyan"                # a plain string sets the foreground only
/// [comments]
/// depths = ["cyan", "green", { fg = "yellow", attrs = ["bold"] }]
/// ```
///
/// Colours: `default`, the 16 names (`black` … `white`, `bright-black` … `bright-white`, `gray`), a palette
/// index 0–255, or `#rrggbb`. Attributes: bold, dim, italic, underline, reverse, strikethrough.
extension Theme {
    /// Loads `name` from the first folder of `searchPaths` that has `name.toml`; a name with a `/` or ending
    /// in `.toml` is a path. `default` and `monochrome` always resolve, to the built-in copies, when no file
    /// of that name is found, so a missing Themes folder never breaks start-up.
    public static func load(named name: String, searchPaths: [String]) throws -> Theme {
        let isPath = name.contains("/") || name.hasSuffix(".toml")
        let candidates = isPath ? [name] : searchPaths.map { ($0 as NSString).appendingPathComponent("\(name).toml") }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ThemeError.unreadable(path: path, reason: error.localizedDescription)
            }
            return try parse(text, file: path)
        }
        switch name {
        case "default": return builtinDefault
        case "monochrome": return monochrome
        default: throw ThemeError.notFound(name: name, searched: isPath ? [name] : searchPaths)
        }
    }

    /// Parses theme text. Roles the text leaves out keep `base`'s styles (the built-in default unless
    /// given), so a user theme may change just a few.
    public static func parse(_ text: String, file: String = "theme.toml", base: Theme? = nil) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError.syntax(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                    message: error.description)
        } catch {
            throw ThemeError.syntax(file: file, line: 1, column: 1, message: "\(error)")
        }
        let reader = ThemeReader(text: text, file: file)
        let fallback = base ?? builtinDefault
        var theme = Theme(name: fallback.name, styles: fallback.styles, commentDepths: fallback.commentDepths)
        for (key, value) in table {
            switch key {
            case "name":
                guard let name = value.string else {
                    throw reader.invalid("name", section: nil, "expected a string")
                }
                theme.name = name
            case "styles":
                guard let styles = value.table else {
                    throw reader.invalid("styles", section: nil, "expected a table")
                }
                for (roleKey, styleValue) in styles {
                    guard let role = Role(rawValue: roleKey) else {
                        throw ThemeError.unknownKey(file: file, line: reader.line(of: roleKey, section: "styles"),
                                                    key: "styles.\(roleKey)")
                    }
                    theme.styles[role] = try reader.style(styleValue, key: roleKey, section: "styles")
                }
            case "comments":
                guard let comments = value.table else {
                    throw reader.invalid("comments", section: nil, "expected a table")
                }
                for (commentKey, commentValue) in comments {
                    guard commentKey == "depths" else {
                        throw ThemeError.unknownKey(file: file, line: reader.line(of: commentKey, section: "comments"),
                                                    key: "comments.\(commentKey)")
                    }
                    guard let array = commentValue.array, !array.isEmpty else {
                        throw reader.invalid("depths", section: "comments", "expected a non-empty array of styles")
                    }
                    theme.commentDepths = try array.map {
                        try reader.style($0, key: "depths", section: "comments")
                    }
                }
            default:
                throw ThemeError.unknownKey(file: file, line: reader.line(of: key, section: nil), key: key)
            }
        }
        return theme
    }
}

/// Turns TOML values into styles, and finds the line a key is on: TOMLKit reports positions for syntax
/// errors only, so semantic errors look the key up in the text.
private struct ThemeReader {
    let text: String
    let file: String

    /// A style from a colour (string or palette index) or a `{ fg, bg, attrs }` table.
    func style(_ value: TOMLValueConvertible, key: String, section: String) throws -> Style {
        if value.string != nil || value.int != nil {
            return Style(foreground: try color(value, key: key, section: section))
        }
        guard let table = value.table else {
            throw invalid(key, section: section, "expected a colour name or a table such as { fg = \"red\" }")
        }
        var style = Style()
        for (field, fieldValue) in table {
            switch field {
            case "fg": style.foreground = try color(fieldValue, key: key, section: section)
            case "bg": style.background = try color(fieldValue, key: key, section: section)
            case "attrs":
                guard let array = fieldValue.array else {
                    throw invalid(key, section: section, "attrs must be an array such as [\"bold\"]")
                }
                for item in array {
                    guard let name = item.string, let attribute = Self.attributes[name] else {
                        let known = Self.attributes.keys.sorted().joined(separator: ", ")
                        throw invalid(key, section: section, "unknown attribute \(item.debugDescription) (known: \(known))")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw invalid(key, section: section, "unknown field '\(field)' (use fg, bg, attrs)")
            }
        }
        return style
    }

    private func color(_ value: TOMLValueConvertible, key: String, section: String) throws -> Color {
        if let index = value.int {
            guard (0...255).contains(index) else {
                throw invalid(key, section: section, "palette index \(index) is outside 0-255")
            }
            return .indexed(UInt8(index))
        }
        guard let name = value.string else {
            throw invalid(key, section: section, "a colour is a name, a palette index or \"#rrggbb\"")
        }
        return try color(name, key: key, section: section)
    }

    private func color(_ name: String, key: String, section: String) throws -> Color {
        let lower = name.lowercased()
        if lower == "default" { return .default }
        if let index = Self.colorNames.firstIndex(of: lower) { return .indexed(UInt8(index)) }
        if lower == "gray" || lower == "grey" { return .indexed(8) }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        throw invalid(key, section: section,
                      "unknown colour '\(name)' (use default, black … white, bright-black … bright-white, 0-255 or #rrggbb)")
    }

    /// An `invalidValue` error placed on the key's line.
    func invalid(_ key: String, section: String?, _ message: String) -> ThemeError {
        let qualified = section.map { "\($0).\(key)" } ?? key
        return .invalidValue(file: file, line: line(of: key, section: section), key: qualified, message: message)
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
