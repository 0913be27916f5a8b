/// Which theme the reader shows, among the themes the runtime loaded (by name: the styles themselves live
/// in ReaderUI). `T` moves to the next one live; nothing is written to config.toml.
public struct ThemeChoice: Sendable, Equatable {
    /// Theme names in cycling order (shipped first, then the user's own).
    public var names: [String]
    /// Index into `names` of the theme on screen.
    public var current: Int
    /// Why `T` cannot change the theme (`NO_COLOR`, a terminal without colours), if it cannot.
    public var lockedReason: String?

    public init(names: [String] = ["default"], current: Int = 0, lockedReason: String? = nil) {
        self.names = names.isEmpty ? ["default"] : names
        self.current = min(max(0, current), self.names.count - 1)
        self.lockedReason = lockedReason
    }

    /// The name of the theme on screen.
    public var currentName: String { names[current] }
}

extension AppState {
    /// `T`: the next theme, named in the status bar with how to keep it.
    mutating func cycleTheme() -> [Effect] {
        if let reason = themes.lockedReason {
            status = StatusMessage("\(reason): theme \(themes.currentName)")
            return []
        }
        guard themes.names.count > 1 else {
            status = StatusMessage("theme \(themes.currentName) is the only one")
            return []
        }
        themes.current = (themes.current + 1) % themes.names.count
        let name = themes.currentName
        status = StatusMessage("theme: \(name) (\(themes.current + 1)/\(themes.names.count)) · T next · "
                               + "to keep it: theme = \"\(name)\" in config.toml")
        return []
    }
}
