import Foundation
import Testing

/// A program running in its own tmux server, driven like a user would: keys in, screen text out.
///
/// Each session has a private server (`tmux -S <socket in the session's temporary directory> -f
/// /dev/null`), so tests never touch the user's tmux, run in parallel, and leave nothing behind: `close()`
/// kills the server and removes the directory, socket included (tmux does not remove its socket file). The program runs
/// under a small wrapper shell that records its process id, and after it ends its exit status and the
/// terminal modes (`stty -a`), then keeps the pane open so the restored screen can still be inspected.
final class TmuxSession {
    /// How a program ended, as the wrapper recorded it.
    struct Exit {
        let status: Int32
        /// `stty -a` of the pane's terminal after the program ended.
        let terminalModes: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Seconds between two polls of the screen; waits are bounded by a number of polls, never asserted on.
    static let pollInterval: TimeInterval = 0.05
    /// Polls before a wait gives up (about 30 s on an idle machine, more on a loaded one): a fresh CI machine
    /// running every suite at once can take seconds to draw, and a passing wait never uses the bound.
    static let defaultPolls = 600

    /// A unique name: the temporary directory's.
    let name: String
    let directory: URL
    private var isClosed = false

    /// Temporary configuration and data directories handed to the program, so it never sees the user's.
    var configDirectory: String { directory.appendingPathComponent("config").path }
    var dataDirectory: String { directory.appendingPathComponent("data").path }

    /// Starts `gazette` in a `width`×`height` window with the arguments `arguments` makes from the
    /// session's temporary configuration and data directories.
    /// - Parameters:
    ///   - terminalType: `TERM` for the program; nil leaves it unset.
    ///   - executable: the program's path; `gazette` when nil.
    ///   - environment: more variables for the program (e.g. `NO_COLOR`).
    init(terminalType: String? = "xterm-256color", width: Int = 160, height: Int = 48, executable: String? = nil,
         environment: [String: String] = [:],
         arguments: (_ configDirectory: String, _ dataDirectory: String) -> [String]) throws {
        let binary = try executable ?? GazetteBinary.path()
        name = "gazette-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for sub in ["config", "data"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(sub),
                                                    withIntermediateDirectories: true)
        }
        let wrapper = directory.appendingPathComponent("run.sh")
        try Self.wrapperScript.write(to: wrapper, atomically: true, encoding: .utf8)
        // Colour settings of whoever runs the tests (`swift test` may set NO_COLOR) must not leak in.
        var command = ["sh", wrapper.path, directory.path, "env", "-u", "NO_COLOR", "-u", "COLORTERM"]
        if let terminalType { command.append("TERM=\(terminalType)") } else { command += ["-u", "TERM"] }
        command += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        command.append(binary)
        command += arguments(configDirectory, dataDirectory)
        try tmux(["new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)"] + command)
    }

    deinit { close() }

    /// `gazette --demo` with the session's own configuration and data directories.
    static func demo(terminalType: String? = "xterm-256color", width: Int = 160, height: Int = 48) throws
        -> TmuxSession {
        try TmuxSession(terminalType: terminalType, width: width, height: height) { config, data in
            ["--demo", "--config-dir", config, "--data-dir", data]
        }
    }

    /// Ends the server and everything in it and removes the temporary directory. Idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: input

    /// Sends keys by tmux name (`Down`, `Enter`, `Escape`, `C-c`, `q`).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Resizes the window, as a user dragging the terminal's corner.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Sends text as typed, each character a key (`send-keys -l`: nothing is taken for a key name).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// Appends every byte the program writes to its terminal to `file` (`pipe-pane -O`), as the terminal
    /// receives them, before tmux interprets any.
    func recordOutput(to file: URL) throws {
        try tmux(["pipe-pane", "-O", "-t", "e2e", "cat >> '\(file.path)'"])
    }

    /// Sends `signal` to the program (not to the wrapper).
    func signal(_ signal: Int32) throws {
        guard let pid = programPID() else { throw Failure(description: "the program's process id was not recorded") }
        guard kill(pid, signal) == 0 else { throw Failure(description: "kill(\(pid), \(signal)) failed: errno \(errno)") }
    }

    /// The program's process id, once the wrapper has recorded it (polled).
    func programPID() -> pid_t? {
        let file = directory.appendingPathComponent("pid")
        for _ in 0..<Self.defaultPolls {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
        return nil
    }

    // MARK: output

    /// The visible screen, one string per row (tmux trims trailing spaces).
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "e2e"]).components(separatedBy: "\n").dropLast().map { String($0) }
    }

    /// The visible screen with SGR escape sequences for colours and attributes.
    func styledScreen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-e", "-t", "e2e"]).components(separatedBy: "\n").dropLast().map { String($0) }
    }

    /// A tmux format about the pane, e.g. `#{alternate_on}`, `#{cursor_flag}`, `#{pane_width}`.
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds; returns that screen. On giving up, records a test issue
    /// showing the last screen, and returns nil.
    ///
    /// With `settled`, the condition must hold on two consecutive, identical captures: tmux can be captured
    /// while it is still applying one frame, so a screen half old and half new can satisfy a condition about
    /// "the list is gone" while an old row still shows; a settled screen is a whole frame.
    @discardableResult
    func waitUntil(_ description: String, polls: Int = TmuxSession.defaultPolls, settled: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: ([String]) -> Bool) throws -> [String]? {
        var last: [String] = []
        var previous: [String]?
        for _ in 0..<polls {
            last = try screen()
            if condition(last) && (!settled || previous == last) { return last }
            previous = last
            if let exit = exitIfEnded() {
                Issue.record(Comment(rawValue: "program ended (status \(exit.status)) while waiting for "
                                     + "\(description); last screen:\n" + Self.framed(last)),
                             sourceLocation: sourceLocation)
                return nil
            }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
        Issue.record(Comment(rawValue: "gave up waiting for \(description) after \(polls) polls; last screen:\n"
                             + Self.framed(last)), sourceLocation: sourceLocation)
        return nil
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, polls: Int = TmuxSession.defaultPolls,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> [String]? {
        try waitUntil("\"\(text)\"", polls: polls, sourceLocation: sourceLocation) { screen in
            screen.contains { $0.contains(text) }
        }
    }

    /// The exit record, if the program has ended (not waiting).
    func exitIfEnded() -> Exit? {
        let statusFile = directory.appendingPathComponent("status")
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8),
              let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let modes = (try? String(contentsOf: directory.appendingPathComponent("stty"), encoding: .utf8)) ?? ""
        return Exit(status: status, terminalModes: modes)
    }

    /// Polls until the program ends; records an issue with the last screen if it does not.
    func waitForExit(polls: Int = TmuxSession.defaultPolls,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Exit? {
        for _ in 0..<polls {
            if let exit = exitIfEnded() { return exit }
            Thread.sleep(forTimeInterval: Self.pollInterval)
        }
        let last = try screen()
        Issue.record(Comment(rawValue: "the program did not end after \(polls) polls; last screen:\n"
                             + Self.framed(last)), sourceLocation: sourceLocation)
        return nil
    }

    /// A screen between rules, for failure messages.
    static func framed(_ screen: [String]) -> String {
        let rule = String(repeating: "─", count: 40)
        return ([rule] + screen + [rule]).joined(separator: "\n")
    }

    // MARK: plumbing

    /// Runs `tmux -S <socket> -f /dev/null <arguments>` and returns its standard output.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let socketPath = directory.appendingPathComponent("tmux.sock").path
        let result = try ProcessRunner.run("tmux", ["-S", socketPath, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.prefix(2).joined(separator: " ")) failed (\(result.status)): "
                          + result.standardError + (result.status == 127 ? " — is tmux installed?" : ""))
        }
        return result.standardOutput
    }

    /// The wrapper: records the program's pid (the inner shell execs it, so the pid carries over), then its
    /// exit status and the terminal modes, then keeps the pane alive. `trap true INT` keeps the wrapper
    /// itself alive when a test types Ctrl-C (a non-interactive shell would otherwise die with the program).
    static let wrapperScript = """
    #!/bin/sh
    dir=$1; shift
    trap true INT QUIT
    sh -c 'echo $$ > "$0/pid.tmp" && mv "$0/pid.tmp" "$0/pid" && exec "$@"' "$dir" "$@"
    status=$?
    stty -a > "$dir/stty" 2>&1
    echo "$status" > "$dir/status.tmp" && mv "$dir/status.tmp" "$dir/status"
    exec sleep 3600
    """
}

/// Checks of a captured screen that every end-to-end test shares.
enum ScreenChecks {
    /// A rough display width, independent of Gazette's own: East Asian wide ranges and emoji count 2,
    /// combining marks 0. Good enough to catch a row that overflows its pane.
    static func width(of line: String) -> Int {
        var total = 0
        for scalar in line.unicodeScalars {
            let v = scalar.value
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue  // Arabic harakat, accents, joiners
            default: break
            }
            switch v {
            case 0x300...0x36F, 0x200B...0x200F, 0xFE00...0xFE0F: continue
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                total += 2
            default:
                total += 1
            }
        }
        return total
    }

    /// Rows wider than `width`, for failure messages.
    static func overflowingRows(_ screen: [String], width: Int) -> [String] {
        screen.filter { Self.width(of: $0) > width }
    }
}
