import ArgumentParser
import Foundation
import ReaderApp
import ReaderUI
import NcursesBackend
import NewsSources
import NewsSync
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
        let (settings, settingsWarnings) = try loadSettingsQuietly(options.paths)
        let themes = loadThemes(options.themeName ?? settings.theme, paths: options.paths)
        let session: ReaderSession
        do {
            session = try ReaderSession.open(demo: options.isDemo, urlsFile: options.paths.urlsFile,
                                             cacheFile: options.paths.cacheFile,
                                             hasAccounts: !settings.syncAccounts.isEmpty)
        } catch {
            throw CommandFailure(message: error.description)
        }
        defer { session.close() }
        // Warnings go to the status bar, where they are seen, and again to standard error after the screen
        // is gone, where they stay.
        let warnings = settingsWarnings + session.warnings
        defer { for warning in warnings { printError("gazette: warning: \(warning)") } }
        let signal = try await NcursesTerminal.withTerminal { terminal in
            let themeOptions = themes.fitted(to: terminal.colorSupport)
            let runtime = ReaderRuntime(backend: terminal, store: session.cache,
                                        theme: themeOptions.themes[themeOptions.initial],
                                        themeOptions: themeOptions, hint: session.hint,
                                        markReadOnOpen: settings.markReadOnOpen,
                                        refresh: refreshOptions(session, settings, urlsFile: options.paths.urlsFile),
                                        browser: BrowserLauncher(configured: settings.browser,
                                                                 textBrowser: settings.textBrowser,
                                                                 environment: ProcessInfo.processInfo.environment),
                                        watchInterval: .seconds(2), warnings: warnings,
                                        extraction: extractionOptions(session, settings),
                                        comments: commentOptions(session, settings),
                                        heldKeyWindow: ReaderRuntime.heldKeyWindow)
            await runtime.run()
            return terminal.receivedSignal
        }
        if let signal { throw ExitCode(128 + signal) }
    }

    /// The refresher on the session's cache, or why `r`/`R` cannot refresh (the sample edition has no
    /// network feeds; a read-only cache cannot take new stories).
    static func refreshOptions(_ session: ReaderSession, _ settings: Settings, urlsFile: String? = nil) -> RefreshOptions {
        if session.isSample {
            return RefreshOptions(unavailableReason:
                "the sample edition has nothing to refresh — add feeds with gazette add URL")
        }
        if session.cache.access == .readOnly {
            return RefreshOptions(unavailableReason:
                "cannot refresh: the cache is read-only (see the message at start; gazette --help lists --data-dir)")
        }
        let cache = session.cache
        var subscriptions: (@Sendable () throws -> [String])?
        if let urlsFile {
            subscriptions = { try SubscriptionSync.apply(file: SubscriptionsFile(path: urlsFile), to: cache) }
        }
        var options = RefreshOptions(refresher: Refresher(cache: cache, policy: settings.fetch, endpoints: settings.endpoints),
                                     intervalMinutes: settings.refreshIntervalMinutes, subscriptions: subscriptions,
                                     fetchesNewOnStart: true)
        options.applyOnStart = { try !session.applySubscriptions().isEmpty }
        let accounts = settings.syncAccounts
        if !accounts.isEmpty {
            let policy = settings.fetch
            options.sync = { name in
                let chosen = name.map { name in accounts.filter { $0.name == name } } ?? accounts
                guard !chosen.isEmpty else {
                    return SyncOutcome(accounts: 1, newStories: 0, failures: [SyncOutcome.notConfigured(name ?? "")])
                }
                let reports = await SyncEngine(cache: cache).syncAll(chosen, policy: policy)
                return SyncOutcome(accounts: reports.count, newStories: reports.reduce(0) { $0 + $1.newStories },
                                   failures: reports.compactMap { report in
                                       report.error.map { report.unreachable
                                           ? "account \(report.account) could not be reached: \($0)"
                                           : "account \(report.account): \($0)" }
                                   })
            }
        }
        return options
    }

    /// Reader mode as config.toml and the urls file set it, fetching pages with the feeds' policy. The sample edition is an
    /// offline showcase: it fetches nothing (`x` says so). A read-only session fetches and shows articles
    /// but cannot keep them.
    static func extractionOptions(_ session: ReaderSession, _ settings: Settings) -> ExtractionOptions {
        if session.isSample { return ExtractionOptions() }
        return ExtractionOptions(policy: settings.extract.addingFeedModes(session.extractModes),
                                 pages: PageFetcher(fetcher: FeedFetcher(policy: settings.fetch)))
    }

    /// Comments are fetched from their sources except in the sample edition, which is read offline.
    static func commentOptions(_ session: ReaderSession, _ settings: Settings) -> CommentOptions {
        CommentOptions(fetcher: session.isSample ? nil : CommentFetcher(cache: session.cache, settings: settings),
                       maxAgeMinutes: settings.commentsMaxAgeMinutes, besideStory: settings.commentsBesideStory)
    }

    /// Every theme (for `T`), starting at `name`. Nothing here stops the reader: a theme that cannot be
    /// found, read or parsed is a warning (on standard error before the reader starts, and in the status
    /// bar) and the default theme is shown instead.
    static func loadThemes(_ name: String, paths: GazettePaths) -> ThemeOptions {
        let catalog = ThemeCatalog(userFolder: paths.themesDirectory)
        let all = catalog.loadAll()
        for warning in all.warnings { printError("gazette: warning: \(warning)") }
        let requested = catalog.load(name)
        let names = all.themes.map(\.name)
        if !names.contains(name) {
            // Not among the themes found (so not warned about above): unknown, or not a name at all.
            for warning in requested.warnings { printError("gazette: warning: \(warning)") }
        }
        let initial = names.firstIndex(of: name) ?? names.firstIndex(of: "default") ?? 0
        return ThemeOptions(themes: all.themes, initial: initial, notice: requested.warnings.first)
    }
}

extension ThemeOptions {
    /// These themes as the terminal can show them: with no colours (`NO_COLOR`, or none in terminfo) only
    /// the attributes-only theme, and `T` says why.
    func fitted(to support: ColorSupport) -> ThemeOptions {
        guard support.depth == .none else { return self }
        let mono = themes.first { $0.name == "mono" } ?? .mono
        return ThemeOptions(themes: [mono], lockedReason: support.explanation, notice: notice)
    }
}
