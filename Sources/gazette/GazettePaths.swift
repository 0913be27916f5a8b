/// Where Gazette keeps its files: the configuration directory (`config.toml`, `urls`, `themes/`) and the
/// data directory (`cache.sqlite`). Resolution is pure (the environment comes in as a dictionary), so the
/// rules are tested without touching the user's files.
///
/// Precedence: a command-line override, then `$XDG_CONFIG_HOME/gazette` / `$XDG_DATA_HOME/gazette`, then
/// `~/.config/gazette` / `~/.local/share/gazette`. A relative `XDG_*` value is ignored, as the XDG Base
/// Directory specification requires; a relative override is taken from the current directory.
struct GazettePaths: Equatable, Sendable {
    /// Absolute path of the configuration directory.
    let configDirectory: String
    /// Absolute path of the data directory.
    let dataDirectory: String

    var configFile: String { configDirectory + "/config.toml" }
    var urlsFile: String { configDirectory + "/urls" }
    var themesDirectory: String { configDirectory + "/themes" }
    var cacheFile: String { dataDirectory + "/cache.sqlite" }

    /// Resolves both directories.
    /// - Throws: `CommandLineError.homeUnknown` when a default is needed and `HOME` is unset or relative.
    static func resolve(configOverride: String?, dataOverride: String?,
                        environment: [String: String], currentDirectory: String) throws(CommandLineError) -> GazettePaths {
        func directory(override: String?, xdgVariable: String, homeRelative: String) throws(CommandLineError) -> String {
            if let override, !override.isEmpty { return absolute(override, from: currentDirectory) }
            if let xdg = environment[xdgVariable], xdg.hasPrefix("/") { return normalized(xdg) + "/gazette" }
            guard let home = environment["HOME"], home.hasPrefix("/") else {
                throw .homeUnknown(variable: xdgVariable)
            }
            return normalized(home) + "/" + homeRelative
        }
        return GazettePaths(
            configDirectory: try directory(override: configOverride, xdgVariable: "XDG_CONFIG_HOME",
                                           homeRelative: ".config/gazette"),
            dataDirectory: try directory(override: dataOverride, xdgVariable: "XDG_DATA_HOME",
                                         homeRelative: ".local/share/gazette"))
    }

    /// `path` made absolute against `base`, without trailing slashes.
    static func absolute(_ path: String, from base: String) -> String {
        if path.hasPrefix("/") { return normalized(path) }
        let joined = normalized(base) + "/" + path
        return normalized(joined)
    }

    /// Drops `.` components, repeated and trailing slashes; "/" stays "/". `..` is kept: resolving it
    /// without the file system would be wrong across symbolic links.
    static func normalized(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return "/" + parts.joined(separator: "/")
    }
}
