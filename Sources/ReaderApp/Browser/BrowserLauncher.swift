import ArticleText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextSafety

/// Starts the user's browser on a URL: with an argument vector (never a shell, so nothing in the URL is
/// ever interpreted), only for `http`/`https` URLs, detached from the terminal (its standard streams go to
/// /dev/null, so nothing it prints reaches the reader's screen) and without waiting for it.
public struct BrowserLauncher: Sendable {
    /// Why a URL was not opened.
    public enum LaunchError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not an absolute http/https URL, or it carries characters the sanitiser would strip.
        case refused(String)
        /// The program could not be started (not installed, not executable): `errno` in words.
        case cannotStart(program: String, reason: String)

        public var description: String {
            switch self {
            case .refused: "only http and https links are opened"
            case .cannotStart(let program, let reason): "cannot start \(program): \(reason)"
            }
        }
    }

    /// The browser command; the URL is appended, or replaces a `%s` argument.
    public let command: [String]

    public init(command: [String]) { self.command = command.isEmpty ? Self.systemOpener : command }

    /// The browser from the settings, else `$BROWSER` (its first `:`-separated entry, split at white
    /// space, as in the usual convention), else `xdg-open` (`open` on macOS).
    public init(configured: [String]?, environment: [String: String]) {
        if let configured, !configured.isEmpty {
            self.init(command: configured)
        } else if let variable = environment["BROWSER"],
                  let first = variable.split(separator: ":").first {
            self.init(command: first.split(whereSeparator: \.isWhitespace).map(String.init))
        } else {
            self.init(command: Self.systemOpener)
        }
    }

    #if os(macOS)
    static let systemOpener = ["open"]
    #else
    static let systemOpener = ["xdg-open"]
    #endif

    /// The argument vector for `url`: `%s` in an argument is replaced by it, else it is the last argument.
    public func arguments(for url: String) -> [String] {
        if command.contains(where: { $0.contains("%s") }) {
            return command.map { $0.replacingOccurrences(of: "%s", with: url) }
        }
        return command + [url]
    }

    /// Starts the browser on `url` and returns at once; the child is reaped by a thread of its own.
    public func open(_ url: String) throws(LaunchError) {
        guard let safe = Sanitizer.safeURL(url) else { throw .refused(url) }
        let argv = arguments(for: safe)
        let pid = try Self.spawn(argv)
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// posix_spawnp with /dev/null as the child's standard streams, its own session (so the terminal's
    /// signals and job control leave it alone), no blocked signals and default dispositions.
    private static func spawn(_ argv: [String]) throws(LaunchError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t(), defaults = sigset_t()
        sigemptyset(&emptyMask)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE, SIGWINCH, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if os(Linux)
        // glibc's POSIX_SPAWN_SETSID (0x80, since 2.26); the Swift overlay does not export the macro.
        flags |= 0x80
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        // strdup'd copies: posix_spawnp wants mutable C strings, freed once the child has its own copy.
        let pointers = argv.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawnp(&pid, argv[0], &actions, &attributes, pointers, environ)
        guard code == 0 else {
            throw .cannotStart(program: argv[0], reason: String(cString: strerror(code)))
        }
        return pid
    }
}
