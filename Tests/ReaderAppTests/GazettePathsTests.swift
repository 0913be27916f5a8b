import Testing
@testable import ReaderApp

@Suite("Where Gazette keeps its files")
struct GazettePathsTests {
    @Test("XDG folders are used when set to absolute paths")
    func xdg() {
        let paths = GazettePaths.resolve(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/cfg",
                                                       "XDG_DATA_HOME": "/data"])
        #expect(paths.urlsFile == "/cfg/gazette/urls")
        #expect(paths.settingsFile == "/cfg/gazette/config.toml")
        #expect(paths.cacheFile == "/data/gazette/cache.sqlite")
        #expect(paths.themesDirectory == "/cfg/gazette/themes")
    }

    @Test("Without XDG variables (or with relative ones) the home folder defaults apply")
    func defaults() {
        let paths = GazettePaths.resolve(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "relative"])
        #expect(paths.configDirectory == "/home/a/.config/gazette")
        #expect(paths.dataDirectory == "/home/a/.local/share/gazette")
    }

    @Test("Command-line overrides win over the environment")
    func overrides() {
        let paths = GazettePaths.resolve(configOverride: "/tmp/c", dataOverride: "/tmp/d",
                                         environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths == GazettePaths(configDirectory: "/tmp/c", dataDirectory: "/tmp/d"))
    }
}
