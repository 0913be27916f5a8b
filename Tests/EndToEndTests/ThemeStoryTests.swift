import Foundation
import Testing

/// Themes through the real binary: found wherever it is copied, switched live with T, never a reason to
/// refuse to start, and no colours at all under NO_COLOR.
@Suite("Themes in the real reader")
struct ThemeStoryTests {
    static let shippedThemes = ["default", "dark", "light", "solarized-dark", "solarized-light", "high-contrast",
                                "colorblind", "mono"]

    /// The binary copied alone into a fresh, otherwise empty folder.
    static func copiedBinary() throws -> (folder: String, binary: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-copy-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let binary = folder + "/gazette"
        // Copied by cp, not in this process: a file this process had open for writing could leak into a
        // program another test is starting meanwhile, and running the copy would fail with ETXTBSY.
        let copy = try ProcessRunner.run("cp", [try GazetteBinary.path(), binary])
        #expect(copy.status == 0, "\(copy.standardError)")
        return (folder, binary)
    }

    @Test("a binary copied to an empty folder lists every shipped theme, each loading cleanly")
    func copiedBinaryFindsThemes() throws {
        let (folder, binary) = try Self.copiedBinary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ProcessRunner.run(binary, ["themes", "--config-dir", folder + "/config",
                                                    "--data-dir", folder + "/data"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.components(separatedBy: "\n")
        for name in Self.shippedThemes {
            #expect(rows.contains { $0.dropFirst(2).hasPrefix(name + " ") && $0.hasSuffix("shipped") },
                    "\(name) missing:\n\(result.standardOutput)")
        }
        #expect(!result.standardOutput.contains("warning"))
        // Not a terminal: the preview has no escape sequences.
        #expect(!result.standardOutput.contains("\u{1B}"))
    }

    @Test("--theme light from a copied binary starts in the light theme (it used to exit 2)")
    func copiedBinaryStartsWithTheme() throws {
        let (folder, binary) = try Self.copiedBinary()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(width: 120, height: 30, executable: binary) { config, data in
            ["--demo", "--config-dir", config, "--data-dir", data, "--theme", "light"]
        }
        defer { session.close() }
        try session.waitFor("unread")
        // Light's paper, #fafafa, is 231 of the 256-colour palette.
        let styled = try session.styledScreen().joined(separator: "\n")
        #expect(styled.contains("48;5;231"), "\(styled.prefix(400))")
    }

    @Test("T repaints the screen in the next theme and the status bar names it")
    func cycleLive() throws {
        let session = try TmuxSession.demo(width: 120, height: 30)
        defer { session.close() }
        try session.waitFor("unread")
        let before = try session.styledScreen()
        try session.send("T")
        try session.waitFor("theme: dark")
        let after = try session.styledScreen()
        // The dark theme's paper, #1b1e23, is 234 at 256 colours; the default theme keeps the terminal's.
        #expect(!before.joined().contains("48;5;234"))
        #expect(after.joined().contains("48;5;234"))
        #expect(before.dropLast() != after.dropLast())
        try session.send("T")
        try session.waitFor("theme: light")
        #expect(try session.styledScreen().joined().contains("48;5;231"))
    }

    @Test("a theme that is not a name, or not found, is a warning in the status bar: the reader starts",
          arguments: ["../../etc/passwd", "no-such-theme"])
    func badThemeStarts(name: String) throws {
        let session = try TmuxSession(width: 160, height: 30) { config, data in
            ["--demo", "--config-dir", config, "--data-dir", data, "--theme", name]
        }
        defer { session.close() }
        let expected = name.contains("/") ? "is not a name" : "not found"
        // The status bar (the last row), not the warning printed before the reader took the screen.
        try session.waitUntil("the warning in the status bar") { screen in
            screen.last.map { $0.contains(expected) && $0.contains(name) } == true
        }
        #expect(session.exitIfEnded() == nil)
    }

    @Test("NO_COLOR: no colour reaches the screen, and T says colours are off")
    func noColor() throws {
        let session = try TmuxSession(width: 120, height: 30, environment: ["NO_COLOR": "1"]) { config, data in
            ["--demo", "--config-dir", config, "--data-dir", data, "--theme", "dark"]
        }
        defer { session.close() }
        try session.waitFor("unread")
        try session.send("?")
        try session.waitFor("next colour theme")
        let withHelp = try session.styledScreen().joined(separator: "\n")
        let parameters = withHelp.components(separatedBy: "\u{1B}[").dropFirst()
            .flatMap { $0.prefix { $0 != "m" }.split(separator: ";").compactMap { Int($0) } }
        #expect(!parameters.isEmpty, "the capture has attributes")
        let colours = parameters.filter { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
        #expect(colours.isEmpty, "colour codes under NO_COLOR: \(colours)")
        try session.send("Escape")
        try session.send("T")
        try session.waitFor("NO_COLOR is set: theme mono")
    }
}
