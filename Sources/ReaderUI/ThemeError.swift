/// Why a theme could not be loaded, with the file and line so the user can fix it.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    /// No `name.toml` in any of the searched folders.
    case notFound(name: String, searched: [String])
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A key the theme format does not have (often a typo).
    case unknownKey(file: String, line: Int?, key: String)
    /// A value of the wrong kind or an unknown colour or attribute name.
    case invalidValue(file: String, line: Int?, key: String, message: String)

    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            let places = searched.isEmpty ? "no theme folders" : searched.joined(separator: ", ")
            return "theme '\(name)' not found (looked in \(places))"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the theme: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): \(message)"
        case .unknownKey(let file, let line, let key):
            return "\(Self.place(file, line)): unknown key '\(key)'"
        case .invalidValue(let file, let line, let key, let message):
            return "\(Self.place(file, line)): \(key): \(message)"
        }
    }

    private static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }
}
