/// A problem in a theme file, placed at its line so the user can fix it: `file:line: what is wrong`.
/// Never fatal: the role falls back to its parent, a broken file to the default theme.
public struct ThemeDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file (or `shipped:NAME` for a compiled-in theme).
    public var file: String
    /// 1-based; nil when the problem has no line (the file cannot be read).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
