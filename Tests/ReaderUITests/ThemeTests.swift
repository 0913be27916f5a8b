import Foundation
@testable import ReaderUI
import TermCore
import Testing

@Suite("Theme: TOML themes with clear errors")
struct ThemeTests {
    /// The repository's Themes folder, found from this file.
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes").path

    @Test("the compiled-in default is exactly Themes/default.toml")
    func builtinMatchesFile() throws {
        let file = try String(contentsOfFile: Self.themesFolder + "/default.toml", encoding: .utf8)
        #expect(Theme.builtinDefaultText + "\n" == file)
        #expect(Theme.builtinDefault.name == "default")
    }

    @Test("every shipped theme parses and styles every role", arguments: ["default", "light", "solarized-dark"])
    func shipped(name: String) throws {
        let empty = Theme(name: "empty", styles: [:], commentDepths: [])
        let text = try String(contentsOfFile: Self.themesFolder + "/\(name).toml", encoding: .utf8)
        let theme = try Theme.parse(text, file: "\(name).toml", base: empty)
        #expect(theme.name == name)
        for role in Theme.Role.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role.rawValue)") }
        #expect(theme.commentDepths.count >= 4)
        let loaded = try Theme.load(named: name, searchPaths: ["/nonexistent", Self.themesFolder])
        #expect(loaded == theme)
    }

    @Test("colours, palette indexes, hex and attributes are read")
    func values() throws {
        let theme = try Theme.parse("""
            [styles]
            link = "bright-cyan"
            unread = { fg = 208, bg = "#102030", attrs = ["bold", "underline"] }
            [comments]
            depths = ["red", { fg = "green", attrs = ["dim"] }]
            """)
        #expect(theme[.link] == Style(foreground: .indexed(14)))
        #expect(theme[.unread] == Style(foreground: .indexed(208), background: .rgb(0x10, 0x20, 0x30),
                                        attributes: [.bold, .underline]))
        #expect(theme.commentDepths == [Style(foreground: .indexed(1)), Style(foreground: .indexed(2), attributes: .dim)])
        #expect(theme.commentDepth(3) == theme.commentDepths[1])
        // Roles left out keep the default's.
        #expect(theme[.selected] == Theme.builtinDefault[.selected])
    }

    @Test("a syntax error names the file, line and column")
    func syntax() {
        #expect {
            try Theme.parse("name = \"x\"\n[styles]\nlink = { fg = \n", file: "mine.toml")
        } throws: { error in
            guard case ThemeError.syntax(let file, let line, _, _) = error else { return false }
            return file == "mine.toml" && line == 3
        }
    }

    @Test("an unknown colour names the line and the key")
    func unknownColour() throws {
        let text = "name = \"x\"\n\n[styles]\ntext = \"default\"\nheadline = { fg = \"grene\" }\n"
        let error = try #require(throws: ThemeError.self) { try Theme.parse(text, file: "mine.toml") }
        #expect(error == .invalidValue(file: "mine.toml", line: 5, key: "styles.headline",
                                       message: "unknown colour 'grene' (use default, black … white, bright-black … bright-white, 0-255 or #rrggbb)"))
        #expect(error.description.hasPrefix("mine.toml:5: styles.headline: unknown colour 'grene'"))
    }

    @Test("an unknown role is reported with its line, so typos do not pass silently")
    func unknownRole() throws {
        let error = try #require(throws: ThemeError.self) {
            try Theme.parse("[styles]\nlink = \"red\"\nhedline = \"blue\"\n", file: "t.toml")
        }
        #expect(error == .unknownKey(file: "t.toml", line: 3, key: "styles.hedline"))
    }

    @Test("bad attributes, palette indexes and fields are errors")
    func badValues() {
        #expect(throws: ThemeError.self) { try Theme.parse("[styles]\nlink = { attrs = [\"blink\"] }") }
        #expect(throws: ThemeError.self) { try Theme.parse("[styles]\nlink = { fg = 300 }") }
        #expect(throws: ThemeError.self) { try Theme.parse("[styles]\nlink = { colour = \"red\" }") }
        #expect(throws: ThemeError.self) { try Theme.parse("[styles]\nlink = 3.5") }
        #expect(throws: ThemeError.self) { try Theme.parse("[comments]\ndepths = []") }
        #expect(throws: ThemeError.self) { try Theme.parse("colours = 1") }
    }

    @Test("a missing theme lists where it looked; default and monochrome always exist")
    func missing() throws {
        let error = try #require(throws: ThemeError.self) {
            try Theme.load(named: "nope", searchPaths: ["/a", "/b"])
        }
        #expect(error == .notFound(name: "nope", searched: ["/a", "/b"]))
        #expect(error.description == "theme 'nope' not found (looked in /a, /b)")
        #expect(try Theme.load(named: "default", searchPaths: ["/nonexistent"]) == Theme.builtinDefault)
        #expect(try Theme.load(named: "monochrome", searchPaths: []) == Theme.monochrome)
    }

    @Test("a theme can be loaded by path")
    func byPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-theme-\(UUID()).toml").path
        try "name = \"mine\"\n[styles]\nlink = \"red\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let theme = try Theme.load(named: path, searchPaths: [])
        #expect(theme.name == "mine")
        #expect(theme[.link] == Style(foreground: .indexed(1)))
    }

    @Test("the monochrome theme uses no colour")
    func monochrome() {
        for role in Theme.Role.allCases {
            #expect(Theme.monochrome[role].foreground == .default)
            #expect(Theme.monochrome[role].background == .default)
        }
        #expect(Theme.monochrome[.selected].attributes.contains(.reverse))
    }
}
