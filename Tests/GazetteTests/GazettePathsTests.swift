import Testing
@testable import gazette

@Suite("Resolving the configuration and data directories")
struct GazettePathsTests {
    private func resolve(config: String? = nil, data: String? = nil, _ environment: [String: String],
                         cwd: String = "/work") throws -> GazettePaths {
        try GazettePaths.resolve(configOverride: config, dataOverride: data, environment: environment,
                                 currentDirectory: cwd)
    }

    @Test("Without XDG variables, the directories are under HOME")
    func homeDefaults() throws {
        let paths = try resolve(["HOME": "/home/ana"])
        #expect(paths.configDirectory == "/home/ana/.config/gazette")
        #expect(paths.dataDirectory == "/home/ana/.local/share/gazette")
        #expect(paths.cacheFile == "/home/ana/.local/share/gazette/cache.sqlite")
        #expect(paths.urlsFile == "/home/ana/.config/gazette/urls")
        #expect(paths.configFile == "/home/ana/.config/gazette/config.toml")
        #expect(paths.themesDirectory == "/home/ana/.config/gazette/themes")
    }

    @Test("XDG variables take precedence over HOME")
    func xdg() throws {
        let paths = try resolve(["HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data/"])
        #expect(paths.configDirectory == "/cfg/gazette")
        #expect(paths.dataDirectory == "/data/gazette")
    }

    @Test("Command-line overrides take precedence over XDG variables")
    func overrides() throws {
        let paths = try resolve(config: "/tmp/c", data: "/tmp/d", ["HOME": "/h", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths.configDirectory == "/tmp/c")
        #expect(paths.dataDirectory == "/tmp/d")
    }

    @Test("Relative overrides are taken from the current directory")
    func relativeOverride() throws {
        let paths = try resolve(config: "conf", data: "./d/", ["HOME": "/h"], cwd: "/work/here")
        #expect(paths.configDirectory == "/work/here/conf")
        #expect(paths.dataDirectory == "/work/here/d")
    }

    @Test("Relative or empty XDG values are ignored, as the XDG specification says")
    func relativeXDG() throws {
        let paths = try resolve(["HOME": "/h", "XDG_CONFIG_HOME": "cfg", "XDG_DATA_HOME": ""])
        #expect(paths.configDirectory == "/h/.config/gazette")
        #expect(paths.dataDirectory == "/h/.local/share/gazette")
    }

    @Test("An empty override counts as none")
    func emptyOverride() throws {
        let paths = try resolve(config: "", ["HOME": "/h"])
        #expect(paths.configDirectory == "/h/.config/gazette")
    }

    @Test("Without HOME and without overrides there is a clear error naming the variable")
    func noHome() throws {
        #expect(throws: CommandLineError.homeUnknown(variable: "XDG_CONFIG_HOME")) { try resolve([:]) }
        #expect(throws: CommandLineError.homeUnknown(variable: "XDG_DATA_HOME")) {
            try resolve(config: "/c", ["HOME": "relative"])
        }
        // With both overrides, HOME is never needed.
        let paths = try resolve(config: "/c", data: "/d", [:])
        #expect(paths.dataDirectory == "/d")
        #expect(CommandLineError.homeUnknown(variable: "XDG_CONFIG_HOME").exitStatus == 2)
    }

    @Test("Paths are normalised: repeated and trailing slashes and '.' removed")
    func normalisation() {
        #expect(GazettePaths.normalized("//a///b/./c/") == "/a/b/c")
        #expect(GazettePaths.normalized("/") == "/")
        #expect(GazettePaths.absolute("x/../y", from: "/base/") == "/base/x/../y")
    }
}
