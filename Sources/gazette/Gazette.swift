import ArgumentParser

/// The `gazette` command: with no subcommand it starts the reader.
///
/// Subcommands live one per file (`XCommand.swift`); add a new one to `subcommands` below. Every error is
/// reported by `GazetteMain` as `gazette: error: …`; nothing below `main` exits the process.
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "A terminal news reader: headlines, story and comments side by side.",
        discussion: """
            With no subcommand, starts the reader on the subscriptions in the urls file (the sample edition \
            when there are none); it fetches subscriptions never fetched yet as it starts. Any number of \
            readers and `gazette refresh` runs may share one cache; an open reader shows the stories another \
            one stored within a few seconds. Press ? in the reader for its keys.
            """,
        version: "gazette 0.1.0",
        subcommands: [AddCommand.self, RemoveCommand.self, ImportCommand.self, ExportCommand.self,
                      RefreshCommand.self, FeedsCommand.self, ReadCommand.self, DiscussionsCommand.self,
                      SearchCommand.self, VacuumCommand.self, ParseCommand.self, ExtractCommand.self,
                      ThemesCommand.self, TerminalCheckCommand.self, SyncCommand.self, MarkCommand.self]
    )

    @Flag(help: "Open the bundled sample edition: no network, nothing written outside a temporary directory.")
    var demo = false

    @Option(help: ArgumentHelp("Theme to use, by name: a shipped one or <config-dir>/themes/NAME.toml (gazette themes lists them).",
                               valueName: "name"))
    var theme: String?

    @OptionGroup var paths: PathOptions

    func run() async throws {
        let options = ReaderOptions(paths: try paths.resolved(), isDemo: demo, themeName: theme)
        try await ReaderCommand.run(options)
    }
}
