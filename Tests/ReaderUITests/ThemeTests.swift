import Foundation
@testable import ReaderUI
import TermCore
import Testing

@Suite("Theme: TOML themes, inheritance and errors placed on their line")
struct ThemeTests {
    /// The repository's Themes folder, found from this file.
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes").path

    static let shippedNames = ["default", "dark", "light", "solarized-dark", "solarized-light", "high-contrast",
                               "colorblind", "mono"]

    @Test("the compiled-in themes are exactly the files in Themes/, both ways (make themes regenerates them)")
    func embeddedMatchesFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(ShippedThemes.all.map(\.name)))
        for (name, text) in ShippedThemes.all {
            let file = try String(contentsOfFile: Self.themesFolder + "/\(name).toml", encoding: .utf8)
            #expect(text == file, "Themes/\(name).toml differs from the compiled-in copy: run make themes")
        }
        #expect(ShippedThemes.all.map(\.name) == Self.shippedNames)
    }

    @Test("every shipped theme parses cleanly, is named after its file and styles every role itself",
          arguments: shippedNames)
    func shipped(name: String) throws {
        let text = try #require(ShippedThemes.all.first { $0.name == name }?.text)
        let parsed = Theme.parse(text, file: "\(name).toml", name: "unnamed")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let theme = try #require(parsed.theme)
        #expect(theme.name == name)
        #expect(parsed.explicitRoles == Set(Theme.Role.allCases),
                "\(name) leaves out \(Set(Theme.Role.allCases).subtracting(parsed.explicitRoles).map(\.rawValue))")
        #expect(Theme.shipped(name) == theme)
    }

    @Test("the default theme uses only the terminal's own colours, mono none at all")
    func paletteOfDefaultAndMono() throws {
        for role in Theme.Role.allCases {
            for color in [Theme.builtinDefault[role].foreground, Theme.builtinDefault[role].background] {
                switch color {
                case .default: break
                case .indexed(let index): #expect(index < 16, "default.\(role.rawValue) uses palette index \(index)")
                case .rgb: Issue.record("default.\(role.rawValue) uses a fixed RGB colour")
                }
            }
            #expect(Theme.mono[role].foreground == .default && Theme.mono[role].background == .default)
        }
        // With no colours the selection, status bar and matches still stand out.
        for role in [Theme.Role.selected, .statusBar, .match, .statusError] {
            #expect(Theme.mono[role].attributes.contains(.reverse))
        }
    }

    @Test("a themed background is set on every role of the themes that bring their own paper")
    func ownBackground() throws {
        for name in Self.shippedNames where !["default", "mono"].contains(name) {
            let theme = try #require(Theme.shipped(name))
            for role in Theme.Role.allCases {
                let style = theme[role]
                #expect(style.background != .default || style.attributes.contains(.reverse),
                        "\(name).\(role.rawValue) would show the terminal's own background")
            }
        }
    }

    @Test("colours, palette indexes, hex and attributes are read")
    func values() throws {
        let parsed = Theme.parse("""
            [styles]
            link = "bright-cyan"
            unread = { fg = 208, bg = "#102030", attrs = ["bold", "underline"] }
            [comments]
            depths = ["red", { fg = "green", attrs = ["dim"] }]
            """, file: "t.toml", name: "t")
        let theme = try #require(parsed.theme)
        #expect(parsed.diagnostics.isEmpty)
        #expect(theme.name == "t")
        #expect(theme[.link] == Style(foreground: .indexed(14)))
        #expect(theme[.unread] == Style(foreground: .indexed(208), background: .rgb(0x10, 0x20, 0x30),
                                        attributes: [.bold, .underline]))
        // The depths shorthand fills depth-1 … depth-8 by repeating the list.
        #expect(theme.commentDepth(0) == Style(foreground: .indexed(1)))
        #expect(theme.commentDepth(1) == Style(foreground: .indexed(2), attributes: .dim))
        #expect(theme.commentDepth(6) == Style(foreground: .indexed(1)))
        #expect(theme.commentDepth(8) == theme.commentDepth(0))
    }

    @Test("a role left out takes its parent's style, up to the roots")
    func inheritance() throws {
        let text = Style(foreground: .indexed(7), background: .rgb(1, 2, 3))
        let selected = Style(foreground: .indexed(0), background: .indexed(6))
        let theme = Theme(name: "sparse", styles: [.text: text, .selected: selected, .depth3: Style(foreground: .indexed(5))])
        for role in [Theme.Role.headline, .unread, .newComment, .muted, .border, .borderFocused, .score, .author,
                     .submitter, .link, .quote, .depth1, .depth2] {
            #expect(theme[role] == text, "\(role.rawValue)")
        }
        #expect(theme[.depth3] == Style(foreground: .indexed(5)))
        #expect(theme[.depth8] == Style(foreground: .indexed(5)), "depth-4 … depth-8 follow depth-3")
        #expect(theme[.match] == selected && theme[.selectedInactive] == selected)
        // Roots left out keep selection and status visible in any colours.
        #expect(theme[.statusBar] == Style(attributes: .reverse))
        #expect(theme[.statusError] == Style(attributes: .reverse) && theme[.helpKey] == Style(attributes: .reverse))
        #expect(Theme(name: "empty", styles: [:])[.text] == .plain)
        // Every role's chain ends at a root.
        for role in Theme.Role.allCases {
            var current = role, steps = 0
            while let parent = current.parent { current = parent; steps += 1; #expect(steps < 20) }
            #expect([.text, .selected, .statusBar].contains(current))
        }
    }

    @Test("the roles the comments pane marks are named as theme files name them")
    func commentRoleNames() {
        #expect(Theme.Role.submitter.rawValue == "submitter")
        #expect(Theme.Role.newComment.rawValue == "new-comment")
        #expect(Theme.Role.depthGuides.map(\.rawValue) == (1...8).map { "depth-\($0)" })
    }

    @Test("a syntax error is reported as file:line and gives no theme (the caller uses the default)")
    func syntax() {
        let parsed = Theme.parse("name = \"x\"\n[styles]\nlink = { fg = \n", file: "mine.toml", name: "mine")
        #expect(parsed.theme == nil)
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics.first?.line == 3)
        #expect(parsed.diagnostics.first?.description.hasPrefix("mine.toml:3: not valid TOML") == true)
    }

    @Test("a bad colour names its line and the role falls back to its parent; the rest is kept")
    func badColour() throws {
        let text = "name = \"x\"\n\n[styles]\ntext = \"blue\"\nheadline = { fg = \"grene\" }\nlink = \"red\"\n"
        let parsed = Theme.parse(text, file: "mine.toml", name: "x")
        #expect(parsed.diagnostics.map(\.description) == [
            "mine.toml:5: styles.headline: unknown colour 'grene' (use default, black … white, bright-black … bright-white, 0-255 or #rrggbb)",
        ])
        let theme = try #require(parsed.theme)
        #expect(theme[.headline] == Style(foreground: .indexed(4)))
        #expect(theme[.link] == Style(foreground: .indexed(1)))
    }

    @Test("an unknown role, attribute, index, field or key is reported on its line and skipped")
    func otherMistakes() throws {
        let text = """
            colours = 1
            [styles]
            link = "red"
            hedline = "blue"
            quote = { attrs = ["blink"] }
            code = { fg = 300 }
            heading = { colour = "red" }
            match = 3.5
            muted = "#12345g"
            [comments]
            depths = []
            """
        let parsed = Theme.parse(text, file: "t.toml", name: "t")
        #expect(parsed.diagnostics.map(\.line) == [1, 4, 5, 6, 7, 8, 9, 11])
        #expect(parsed.diagnostics[1].description.hasPrefix("t.toml:4: styles.hedline: unknown role 'hedline'"))
        let theme = try #require(parsed.theme)
        #expect(theme[.link] == Style(foreground: .indexed(1)))
        #expect(theme[.quote] == .plain && theme[.code] == .plain && theme[.muted] == .plain)
        #expect(theme[.match] == Style(attributes: .reverse))
    }
}
