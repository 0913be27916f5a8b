import ReaderCore
import ReaderUI

/// The themes a reader session can show: `T` cycles through `themes` from `initial`. With `lockedReason`
/// (`NO_COLOR`, a terminal without colours) only the attributes-only theme is shown and `T` says why.
public struct ThemeOptions: Sendable {
    public var themes: [Theme]
    public var initial: Int
    public var lockedReason: String?
    /// Shown in the status bar at start (a theme that could not be used), as an error.
    public var notice: String?

    public init(themes: [Theme], initial: Int = 0, lockedReason: String? = nil, notice: String? = nil) {
        self.themes = themes.isEmpty ? [.builtinDefault] : themes
        self.initial = min(max(0, initial), self.themes.count - 1)
        self.lockedReason = lockedReason; self.notice = notice
    }

    /// Only `theme`.
    public init(single theme: Theme) { self.init(themes: [theme]) }

    /// The theme names and position for `AppState`.
    var choice: ThemeChoice {
        ThemeChoice(names: themes.map(\.name), current: initial, lockedReason: lockedReason)
    }
}
