import TermCore

/// What colours the terminal can show and why Gazette thinks so: the decision is pure (and tested); the
/// facts it is made from come from terminfo (`NcursesTerminal.colorSupport`, `ColorSupport.probe`) and
/// the environment.
public struct ColorSupport: Sendable, Equatable {
    /// The depth Gazette draws with.
    public var depth: ColorDepth
    /// Why, in a few words, for `gazette themes`.
    public var explanation: String

    public init(depth: ColorDepth, explanation: String) { self.depth = depth; self.explanation = explanation }

    /// Decides the depth.
    /// - Parameters:
    ///   - terminfoColors: terminfo's `colors` (ncurses' `COLORS`), 0 or -1 when absent.
    ///   - hasRGBFlag: terminfo's `RGB` flag (direct-colour entries such as `xterm-direct`).
    ///   - hasTcFlag: tmux's `Tc` extension flag.
    ///   - environment: for `NO_COLOR` and `COLORTERM`.
    ///
    /// ncurses can only send 24-bit colours through a direct-colour entry (`colors` of 2^24): a
    /// 256-colour entry numbers 256 colours however capable the terminal, so `COLORTERM=truecolor` or `Tc`
    /// with such an entry draws at 256, and the explanation says how to get exact colours.
    public static func decide(terminfoColors: Int, hasRGBFlag: Bool, hasTcFlag: Bool,
                              environment: [String: String]) -> ColorSupport {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return ColorSupport(depth: .none, explanation: "NO_COLOR is set")
        }
        let colorTerm = environment["COLORTERM"]?.lowercased()
        let claimsTrueColor = colorTerm == "truecolor" || colorTerm == "24bit" || hasRGBFlag || hasTcFlag
        let listed = ColorDepth(colorCount: terminfoColors)
        if listed == .trueColor {
            return ColorSupport(depth: .trueColor, explanation: "the terminfo entry is direct colour")
        }
        if claimsTrueColor, listed == .palette256 {
            let source = colorTerm == "truecolor" || colorTerm == "24bit" ? "COLORTERM" : hasTcFlag ? "Tc" : "RGB"
            return ColorSupport(depth: .palette256, explanation:
                "the terminal has true colour (\(source)) but its terminfo entry numbers 256; "
                + "TERM=xterm-direct shows exact colours")
        }
        if listed == .none {
            return ColorSupport(depth: .none, explanation: "the terminfo entry has no colours")
        }
        return ColorSupport(depth: listed, explanation: "the terminfo entry has \(terminfoColors) colours")
    }
}
