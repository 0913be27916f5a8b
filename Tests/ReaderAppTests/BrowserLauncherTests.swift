import Foundation
import Testing
@testable import ReaderApp

/// The launcher for real: a tiny script stands in for the browser and writes down the arguments it got.
/// The browser command is `/bin/sh SCRIPT`: a script just written can still be open for writing in a child
/// that another test spawned at that instant, and executing the file itself would then fail with ETXTBSY
/// ("Text file busy"); reading it with the shell cannot.
@Suite("BrowserLauncher starts the browser with an argument vector", .serialized)
struct BrowserLauncherTests {
    /// A script that appends each argument on a line of its own, then where its standard output went.
    struct FakeBrowser {
        let directory: URL
        var script: String { directory.appendingPathComponent("browser.sh").path }
        /// The command that runs the script (see the suite's comment).
        var command: [String] { ["/bin/sh", script] }
        var log: String { directory.appendingPathComponent("argv.txt").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("gz-browser-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let body = """
                #!/bin/sh
                for arg in "$@"; do printf '<%s>\\n' "$arg" >> '\(log).tmp'; done
                echo "stdout=$(readlink /proc/$$/fd/1) stderr=$(readlink /proc/$$/fd/2) stdin=$(readlink /proc/$$/fd/0)" >> '\(log).tmp'
                echo "this must not reach the terminal"
                echo "nor this" >&2
                mv '\(log).tmp' '\(log)'
                """
            try body.write(toFile: script, atomically: true, encoding: .utf8)
            chmod(script, 0o755)
        }

        /// The recorded lines, once the script has finished (bounded polling, no time limit asserted).
        func recorded() -> [String]? {
            for _ in 0..<400 {
                if let text = try? String(contentsOfFile: log, encoding: .utf8) {
                    return text.split(separator: "\n").map(String.init)
                }
                Thread.sleep(forTimeInterval: 0.025)
            }
            return nil
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test("a URL full of shell syntax arrives as one argument, unexpanded")
    func shellSyntaxIsInert() throws {
        let browser = try FakeBrowser()
        defer { browser.remove() }
        let marker = browser.directory.appendingPathComponent("pwned").path
        let url = "https://example.com/a;touch%20x?q=$(touch%20\(marker))&b=`id`&c='quoted'#frag"
        try BrowserLauncher(command: browser.command).open(url)
        let lines = try #require(browser.recorded())
        #expect(lines.first == "<\(url)>")
        #expect(lines.filter { $0.hasPrefix("<") }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("configured arguments with spaces and quotes stay whole; %s is replaced by the URL")
    func configuredArguments() throws {
        let browser = try FakeBrowser()
        defer { browser.remove() }
        let launcher = BrowserLauncher(configured: browser.command + ["--new tab \"x\"", "open:%s"],
                                       environment: [:])
        try launcher.open("https://example.com/story")
        let lines = try #require(browser.recorded())
        #expect(Array(lines.prefix(2)) == ["<--new tab \"x\">", "<open:https://example.com/story>"])
    }

    @Test("the browser's standard streams are /dev/null, so nothing it prints reaches the screen")
    func quiet() throws {
        let browser = try FakeBrowser()
        defer { browser.remove() }
        try BrowserLauncher(command: browser.command).open("https://example.com/")
        let lines = try #require(browser.recorded())
        #expect(lines.last == "stdout=/dev/null stderr=/dev/null stdin=/dev/null")
    }

    @Test("javascript:, file:, data: and other non-web URLs are refused without starting anything",
          arguments: ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "ftp://example.com/x",
                      "https://exa mple.com/", "https://example.com/\u{1B}]52;c;AAAA\u{07}", "/etc/passwd", ""])
    func refused(url: String) throws {
        let browser = try FakeBrowser()
        defer { browser.remove() }
        #expect(throws: BrowserLauncher.LaunchError.refused(url)) {
            try BrowserLauncher(command: browser.command).open(url)
        }
        #expect(!FileManager.default.fileExists(atPath: browser.log + ".tmp"))
    }

    @Test("a browser that does not exist is a readable error")
    func missing() {
        let launcher = BrowserLauncher(command: ["/nonexistent/gazette-test-browser"])
        #expect(throws: BrowserLauncher.LaunchError.cannotStart(program: "/nonexistent/gazette-test-browser",
                                                                reason: "No such file or directory")) {
            try launcher.open("https://example.com/")
        }
    }

    @Test("the browser comes from the settings, else $BROWSER, else the system's opener")
    func choice() {
        #expect(BrowserLauncher(configured: ["firefox", "--private-window"], environment: ["BROWSER": "lynx"])
            .arguments(for: "https://e.com/") == ["firefox", "--private-window", "https://e.com/"])
        #expect(BrowserLauncher(configured: nil, environment: ["BROWSER": "w3m -N:lynx"])
            .arguments(for: "https://e.com/") == ["w3m", "-N", "https://e.com/"])
        #expect(BrowserLauncher(configured: nil, environment: [:]).arguments(for: "https://e.com/")
            == BrowserLauncher.systemOpener + ["https://e.com/"])
    }
}

/// Which browsers get the terminal, and newsboat's `%u`.
@Suite("Text browsers and %u")
struct TextBrowserRulesTests {
    @Test("w3m, lynx, links and elinks (by name or path) are text browsers; others are not, unless the setting says so")
    func names() {
        for text in ["w3m", "/usr/bin/lynx", "links", "elinks", "/opt/bin/links2"] {
            #expect(BrowserLauncher(command: [text, "-X"]).isTextBrowser, "\(text)")
        }
        for gui in ["firefox", "xdg-open", "/usr/bin/chromium", "w3m-wrapper"] {
            #expect(!BrowserLauncher(command: [gui]).isTextBrowser, "\(gui)")
        }
        #expect(BrowserLauncher(command: ["mybrowser"], textBrowser: true).isTextBrowser)
        #expect(!BrowserLauncher(command: ["w3m"], textBrowser: false).isTextBrowser)
    }

    @Test("%u stands for the URL (as in newsboat); without it the URL is appended")
    func percentU() {
        #expect(BrowserLauncher(command: ["w3m", "%u", "-o", "x"]).arguments(for: "https://a.example/")
                == ["w3m", "https://a.example/", "-o", "x"])
        #expect(BrowserLauncher(command: ["lynx"]).arguments(for: "https://a.example/") == ["lynx", "https://a.example/"])
    }
}
