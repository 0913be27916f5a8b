import Foundation
import TestSupport

/// The real executables the end-to-end tests drive, found by `BuiltExecutable` (TestSupport).
enum GazetteBinary {
    /// Why the binary cannot be used, as a test failure message.
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "binary not found at \(path): run `swift build` (or `make test`, which sets GAZETTE_BIN) first"
        }
    }

    /// The binary's path (`BuiltExecutable.gazette`); throws `Missing` when it is not an executable file.
    static func path() throws -> String { try existing(BuiltExecutable.gazette) }

    /// `gazette-bench`, the benchmark tool built beside it.
    static func benchPath() throws -> String { try existing(BuiltExecutable.gazetteBench) }

    private static func existing(_ path: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        return path
    }
}

/// A finished run of a program without a terminal: what it wrote and how it ended.
struct ProcessResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// Runs programs to completion with standard input from /dev/null (so it is not a terminal).
///
/// It uses `posix_spawn` and `waitpid` rather than Foundation's `Process`, for two reasons found the hard
/// way: test threads block most signals and `Process` passes that mask on, so a tmux server (and the
/// gazette under it) started from a test would never see SIGCHLD, SIGTERM or SIGINT; and `waitUntilExit`
/// can hang on Linux when called from a test task. Output goes to temporary files, not pipes, because
/// `tmux new-session` forks the tmux server, which would keep a pipe open for ever.
enum ProcessRunner {
    struct SpawnFailure: Error, CustomStringConvertible {
        let executable: String
        let code: Int32
        var description: String { "cannot start \(executable): error \(code)" }
    }

    /// A program started by `start`, not yet waited for.
    struct Running {
        let pid: pid_t
        let executable: String
        fileprivate let outPath: String
        fileprivate let errPath: String

        /// Waits for the program to end and collects what it wrote.
        func wait() -> ProcessResult {
            defer {
                try? FileManager.default.removeItem(atPath: outPath)
                try? FileManager.default.removeItem(atPath: errPath)
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            // Exit status, or 128 + signal for a program killed by a signal (as shells report it).
            let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return ProcessResult(status: exitStatus,
                                 standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                                 standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        }
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments` in `environment`
    /// (replacing the inherited one when given).
    static func run(_ executable: String, _ arguments: [String],
                    environment: [String: String]? = nil) throws -> ProcessResult {
        try start(executable, arguments, environment: environment).wait()
    }

    /// Starts `executable` as `run` does and returns at once, so a test can signal it while it works.
    static func start(_ executable: String, _ arguments: [String],
                      environment: [String: String]? = nil) throws -> Running {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-e2e-run-\(UUID().uuidString)")
        let outPath = base.path + ".out", errPath = base.path + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // The child starts with no signal blocked and the usual dispositions, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t(), defaults = sigset_t()
        sigemptyset(&emptyMask)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE, SIGWINCH, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = withCStrings([executable] + arguments) { argv in
            withCStrings(environmentLines) { envp in
                posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        guard code == 0 else { throw SpawnFailure(executable: executable, code: code) }
        return Running(pid: pid, executable: executable, outPath: outPath, errPath: errPath)
    }

    /// Calls `body` with a NULL-terminated C array of `strings`.
    private static func withCStrings<R>(_ strings: [String],
                                        _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    /// The inherited environment with `changes` applied; a nil value removes the variable.
    static func environment(_ changes: [String: String?]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in changes { environment[name] = value }
        return environment
    }
}
