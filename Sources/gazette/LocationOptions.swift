import ArgumentParser
import ReaderApp

/// `--config-dir` and `--data-dir`, shared by every command, so tests and benchmarks never touch the
/// user's files.
struct LocationOptions: ParsableArguments {
    @Option(name: .customLong("config-dir"), help: ArgumentHelp(
        "Folder for config.toml, urls and themes (default: $XDG_CONFIG_HOME/gazette).", valueName: "dir"))
    var configDirectory: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Folder for the cache (default: $XDG_DATA_HOME/gazette).", valueName: "dir"))
    var dataDirectory: String?

    var paths: GazettePaths { GazettePaths.resolve(configOverride: configDirectory, dataOverride: dataDirectory) }
}
