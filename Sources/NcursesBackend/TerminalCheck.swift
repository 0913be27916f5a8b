import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks that must pass before ncurses starts. `initscr` calls `exit(1)` from C on an unknown `TERM`
/// and draws garbage on `dumb`, so Gazette asks terminfo itself first and fails with a `TerminalError`.
public enum TerminalCheck {
    /// Checks that `term` names a terminfo entry able to address the cursor. This comes before the tty
    /// check, so a bad `TERM` is reported the same whether or not the streams are terminals.
    public static func validateTerminalType(_ term: String?) throws(TerminalError) {
        guard let term, !term.isEmpty else { throw .terminalTypeMissing }
        var status: Int32 = 0
        // With a status pointer, setupterm reports instead of printing and exiting.
        guard setupterm(term, STDOUT_FILENO, &status) == OK else {
            throw status == 1 ? .cannotAddressCursor(term) : .unknownTerminalType(term)
        }
        let canAddress = gz_has_string_capability("cup") != 0
        // The loaded description is only needed for this question; newterm loads its own.
        _ = del_curterm(gz_cur_term())
        guard canAddress else { throw .cannotAddressCursor(term) }
    }

    /// Checks that standard input and output are terminals.
    public static func validateStreams() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "output") }
    }

    /// Selects the user's locale, falling back to a UTF-8 one when its character set is not UTF-8: without
    /// a UTF-8 `LC_CTYPE`, ncurses drops every non-ASCII character. Returns the codeset in use.
    @discardableResult
    public static func selectUTF8Locale() throws(TerminalError) -> String {
        _ = setlocale(LC_ALL, "")
        if isUTF8(currentCodeset()) { return currentCodeset() }
        let found = currentCodeset()
        // C.UTF-8 is the one always installed on Debian; the others cover macOS and older systems.
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] where setlocale(LC_ALL, name) != nil {
            if isUTF8(currentCodeset()) { return currentCodeset() }
        }
        throw .noUTF8Locale(codeset: found)
    }

    private static func currentCodeset() -> String {
        guard let codeset = gz_codeset() else { return "unknown" }
        return String(cString: codeset)
    }

    /// "UTF-8", "utf8" and the like.
    static func isUTF8(_ codeset: String) -> Bool {
        let folded = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded == "utf8"
    }
}
