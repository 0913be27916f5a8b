import ArgumentParser
import Foundation
import ReaderApp
import ReaderUI
import NcursesBackend
import TermCore

/// What the reader is started with, from the command line.
struct ReaderOptions: Sendable {
    var paths: GazettePaths
    var isDemo: Bool
    var themeName: String?
}

/// Starting the reader: the one place that wires the real terminal to the runtime.
///
/// Order matters: the terminal is checked first (a bad `TERM` or a redirected stream is reported on the
/// normal screen, exit status 2), then the terminal starts, the runtime runs, and `withTerminal` restores
/// the terminal however the run ends. A termination signal makes the runtime return normally; the
/// command then exits with 128 + the signal's number, as shells expect.
@MainActor
enum ReaderCommand {
    static func run(_ options: ReaderOptions) async throws {
        do {
            try TerminalCheck.validateTerminalType(NcursesTerminal.environmentTerminalType())
            try TerminalCheck.validateStreams()
        } catch {
            throw CommandLineError.terminal(error)
        }
        let settings = try loadSettings(options.paths)
        let theme = try loadTheme(options.themeName ?? settings.theme, paths: options.paths)
        let session: ReaderSession
        do {
            session = try ReaderSession.open(demo: options.isDemo, urlsFile: options.paths.urlsFile,
                                             cacheFile: options.paths.cacheFile)
        } catch {
            throw CommandFailure(message: error.description)
        }
        defer { session.close() }
        for warning in session.warnings { printError("gazette: warning: \(warning)") }
        let signal = try await NcursesTerminal.withTerminal { terminal in
            let runtime = ReaderRuntime(backend: terminal, store: session.cache, theme: theme, hint: session.hint,
                                        markReadOnOpen: settings.markReadOnOpen,
                                        refresh: refreshOptions(session, settings),
                                        browser: BrowserLauncher(configured: settings.browser,
                                                                 environment: ProcessInfo.processInfo.environment),
                                        comments: commentOptions(session, settings))
            await runtime.run()
            return terminal.receivedSignal
        }
        if let signal { throw ExitCode(128 + signal) }
    }

    /// The refresher on the session's cache, or why `r`/`R` cannot refresh (the sample edition has no
    /// network feeds; a read-only cache belongs to the Gazette that is writing it).
    static func refreshOptions(_ session: ReaderSession, _ settings: Settings) -> RefreshOptions {
        if session.isSample {
            return RefreshOptions(unavailableReason:
                "the sample edition has nothing to refresh — add feeds with gazette add URL")
        }
        if session.cache.access == .readOnly {
            return RefreshOptions(unavailableReason:
                "cannot refresh: another Gazette is using the cache (this one is reading only)")
        }
        return RefreshOptions(refresher: Refresher(cache: session.cache, policy: settings.fetch,
                                                   endpoints: settings.endpoints),
                              intervalMinutes: settings.refreshIntervalMinutes)
    }

    /// Comments are fetched from their sources except in the sample edition, which is read offline.
    static func commentOptions(_ session: ReaderSession, _ settings: Settings) -> CommentOptions {
        CommentOptions(fetcher: session.isSample ? nil : CommentFetcher(cache: session.cache, settings: settings),
                       maxAgeMinutes: settings.commentsMaxAgeMinutes, besideStory: settings.commentsBesideStory)
    }

    /// The theme by name: the user's themes folder first, then the shipped `Themes/`; `NO_COLOR` (set and
    /// not empty) asks for no colours at all.
    static func loadTheme(_ name: String, paths: GazettePaths) throws -> Theme {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        do {
            return try Theme.load(named: name, searchPaths: [paths.themesDirectory] + shippedThemeFolders())
        } catch {
            throw CommandFailure(message: "\(error)", status: 2)
        }
    }

    /// `Themes/` beside the binary or up to three folders above it (`.build/release/gazette` in a clone).
    static func shippedThemeFolders() -> [String] {
        guard let executable = Bundle.main.executablePath else { return [] }
        var folder = (executable as NSString).resolvingSymlinksInPath
        var found: [String] = []
        for _ in 0..<4 {
            folder = (folder as NSString).deletingLastPathComponent
            let candidate = folder + "/Themes"
            if FileManager.default.fileExists(atPath: candidate) { found.append(candidate) }
        }
        return found
    }
}
