import ArgumentParser
import Foundation

/// `--config-dir` and `--data-dir`, shared by the reader and every subcommand (`@OptionGroup`), so tests
/// and benchmarks can keep away from the user's files whatever they run.
struct PathOptions: ParsableArguments {
    @Option(name: .customLong("config-dir"), help: ArgumentHelp(
        "Configuration directory (config.toml, urls, themes/).",
        discussion: "Default: $XDG_CONFIG_HOME/gazette, else ~/.config/gazette.", valueName: "dir"))
    var configDirectory: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Data directory (the cache).",
        discussion: "Default: $XDG_DATA_HOME/gazette, else ~/.local/share/gazette.", valueName: "dir"))
    var dataDirectory: String?

    /// The directories these options and the process environment select.
    func resolved() throws(CommandLineError) -> GazettePaths {
        try GazettePaths.resolve(configOverride: configDirectory, dataOverride: dataDirectory,
                                 environment: ProcessInfo.processInfo.environment,
                                 currentDirectory: FileManager.default.currentDirectoryPath)
    }
}
