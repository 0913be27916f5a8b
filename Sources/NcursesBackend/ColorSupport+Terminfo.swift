import CNcursesw
import TermCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the facts `ColorSupport.decide` needs from terminfo and the environment.
extension ColorSupport {
    /// The colour support of terminal type `term`, read without starting ncurses (for `gazette themes`,
    /// which prints rather than draws). An unknown type has no colours.
    public static func probe(terminalType term: String?) -> ColorSupport {
        let environment = currentEnvironment()
        guard let term, !term.isEmpty else {
            return decide(terminfoColors: 0, hasRGBFlag: false, hasTcFlag: false, environment: environment)
        }
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK else {
            return decide(terminfoColors: 0, hasRGBFlag: false, hasTcFlag: false, environment: environment)
        }
        defer { _ = del_curterm(gz_cur_term()) }
        return fromLoadedTerminfo(colors: Int(tigetnum("colors")), environment: environment)
    }

    /// The decision for the terminfo entry ncurses has loaded, whose colour count is `colors`.
    static func fromLoadedTerminfo(colors: Int, environment: [String: String]) -> ColorSupport {
        decide(terminfoColors: colors, hasRGBFlag: tigetflag("RGB") > 0, hasTcFlag: tigetflag("Tc") > 0,
               environment: environment)
    }

    /// The two variables colour support depends on.
    static func currentEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "COLORTERM"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
