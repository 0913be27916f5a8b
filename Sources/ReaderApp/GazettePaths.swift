import Foundation

/// Where Gazette keeps its files (DESIGN.md §7): settings and subscriptions under the XDG config folder,
/// the cache under the XDG data folder. Both can be overridden, so tests and benchmarks never touch a
/// user's files.
public struct GazettePaths: Sendable, Equatable {
    public var configDirectory: String
    public var dataDirectory: String

    public init(configDirectory: String, dataDirectory: String) {
        self.configDirectory = configDirectory; self.dataDirectory = dataDirectory
    }

    /// The locations for this environment: explicit overrides first, then `$XDG_CONFIG_HOME/gazette` and
    /// `$XDG_DATA_HOME/gazette` (only when absolute, as the XDG spec says), then `~/.config/gazette` and
    /// `~/.local/share/gazette`.
    public static func resolve(configOverride: String? = nil, dataOverride: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> GazettePaths {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        let config = configOverride.map(absolute) ?? base("XDG_CONFIG_HOME", ".config") + "/gazette"
        let data = dataOverride.map(absolute) ?? base("XDG_DATA_HOME", ".local/share") + "/gazette"
        return GazettePaths(configDirectory: config, dataDirectory: data)
    }

    /// The subscriptions, in newsboat's `urls` format.
    public var urlsFile: String { configDirectory + "/urls" }
    public var settingsFile: String { configDirectory + "/config.toml" }
    /// The user's own themes, searched before the shipped ones.
    public var themesDirectory: String { configDirectory + "/themes" }
    public var cacheFile: String { dataDirectory + "/cache.sqlite" }

    private static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }
}
