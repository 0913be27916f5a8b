import Foundation
import ReaderApp
import ReaderUI
import TermCore
import Testing

@Suite("ThemeCatalog: shipped themes compiled in, the user's by name, never a reason not to start")
struct ThemeCatalogTests {
    /// A fresh themes folder holding `files` (name → text).
    func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-themes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test("with no folder at all every shipped theme is there and loads without warnings")
    func shippedOnly() {
        let catalog = ThemeCatalog(userFolder: "/nonexistent/gazette/themes")
        let names = catalog.entries().map(\.name)
        #expect(names == ShippedThemes.all.map(\.name))
        for name in names {
            let loaded = catalog.load(name)
            #expect(loaded.warnings.isEmpty)
            #expect(loaded.theme == Theme.shipped(name))
        }
    }

    @Test("the user's file replaces the shipped theme of its name and adds its own")
    func userThemes() throws {
        let path = try folder(["light.toml": "[styles]\nlink = \"red\"\n", "mine.toml": "name = \"mine\"\n",
                               "notes.txt": "not a theme"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = ThemeCatalog(userFolder: path)
        let entries = catalog.entries()
        #expect(entries.first { $0.name == "light" }?.origin == .userReplacingShipped(path: path + "/light.toml"))
        #expect(entries.last?.name == "mine" && entries.last?.origin == .user(path: path + "/mine.toml"))
        #expect(entries.count == ShippedThemes.all.count + 1)
        let light = catalog.load("light")
        #expect(light.theme[.link] == Style(foreground: .indexed(1)))
        #expect(light.theme.name == "light")
        #expect(catalog.loadAll().themes.map(\.name) == entries.map(\.name))
    }

    @Test("a missing theme is a warning and the default theme")
    func missing() {
        let loaded = ThemeCatalog(userFolder: "/nonexistent").load("solarised")
        #expect(loaded.theme == Theme.builtinDefault)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings[0].contains("theme 'solarised' not found"))
        #expect(loaded.warnings[0].contains("solarized-dark"))
    }

    @Test("a name with a path in it reads no file", arguments: ["../evil", "../../etc/passwd", "/etc/passwd", "a/b",
                                                                 ".hidden", "..\\evil", ""])
    func pathsRejected(name: String) throws {
        // A readable theme file at the place the path points to must not be used.
        let path = try folder(["evil.toml": "[styles]\ntext = \"red\"\n"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = ThemeCatalog(userFolder: path + "/themes")
        let loaded = catalog.load(name)
        #expect(loaded.theme == Theme.builtinDefault)
        #expect(loaded.warnings.count == 1)
        #expect(ThemeCatalog.problem(withName: name) != nil)
    }

    @Test("a broken file is reported as file:line and gives the default theme; bad roles fall back to the parent")
    func broken() throws {
        let path = try folder(["broken.toml": "name = \"broken\"\n[styles\n",
                               "half.toml": "[styles]\ntext = \"blue\"\nheadline = \"chartreuse\"\n"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let catalog = ThemeCatalog(userFolder: path)
        let broken = catalog.load("broken")
        #expect(broken.theme == Theme.builtinDefault)
        #expect(broken.warnings.first?.hasPrefix(path + "/broken.toml:2: not valid TOML") == true)
        let half = catalog.load("half")
        #expect(half.warnings == [path + "/half.toml:3: styles.headline: unknown colour 'chartreuse' "
                                  + "(use default, black … white, bright-black … bright-white, 0-255 or #rrggbb)"])
        #expect(half.theme[.headline] == Style(foreground: .indexed(4)))
    }

    @Test("an unreadable file is a warning, and the shipped theme of that name is used")
    func unreadable() throws {
        let path = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A folder where the file should be: it exists but cannot be read as text.
        try FileManager.default.createDirectory(atPath: path + "/dark.toml", withIntermediateDirectories: true)
        let loaded = ThemeCatalog(userFolder: path).load("dark")
        #expect(loaded.theme == Theme.shipped("dark"))
        #expect(loaded.warnings.first?.hasPrefix(path + "/dark.toml: cannot read the theme") == true)
    }
}
