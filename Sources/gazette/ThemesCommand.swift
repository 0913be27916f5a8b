import ArgumentParser
import Foundation
import NcursesBackend
import ReaderApp
import ReaderUI
import TermCore

/// `gazette themes`: every theme found, where it comes from, what is wrong in it, and a one-line preview
/// in the colours this terminal will show (none when standard output is not a terminal or `NO_COLOR` is
/// set).
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes (shipped and yours), where each comes from, with a preview.",
        discussion: """
            Shipped themes are compiled into gazette; a file <config-dir>/themes/NAME.toml adds a theme or \
            replaces the shipped one of that name. Choose with `theme = "NAME"` in config.toml or \
            `gazette --theme NAME`; T in the reader shows the next theme.
            """)

    @OptionGroup var paths: PathOptions

    func run() throws {
        let resolved = try paths.resolved()
        let settings = (try? loadSettings(resolved)) ?? Settings()
        let catalog = ThemeCatalog(userFolder: resolved.themesDirectory)
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let support = isTerminal ? ColorSupport.probe(terminalType: ProcessInfo.processInfo.environment["TERM"])
            : ColorSupport(depth: .none, explanation: "standard output is not a terminal")
        let palette = ColorPalette(depth: support.depth, hasDefaultColors: true)
        print("Colours here: \(support.depth) (\(support.explanation))")
        print("Your themes folder: \(resolved.themesDirectory)")
        let entries = catalog.entries()
        let nameWidth = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            let loaded = catalog.load(entry.name)
            let mark = entry.name == settings.theme ? "*" : " "
            let name = entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            print("\(mark) \(name)  \(Self.preview(loaded.theme, palette: palette))  \(entry.origin.summary)")
            for warning in loaded.warnings { print("    warning: \(warning)") }
        }
        print("* the theme in config.toml (\(settings.theme)); T in the reader shows the next one")
    }

    /// A line of samples, each in its role's style: the words alone when there are no colours.
    static func preview(_ theme: Theme, palette: ColorPalette) -> String {
        let samples: [(String, Theme.Role)] = [
            (" Read ", .headline), ("Unread ", .unread), ("link", .link), (" ", .text), ("match", .match),
            (" ", .text), ("selected", .selected), (" ", .text), ("error", .statusError), (" ", .text),
        ]
        var line = ""
        for (text, role) in samples { line += styled(text, theme[role], palette) }
        for depth in 0..<Theme.Role.depthGuides.count { line += styled("│", theme.commentDepth(depth), palette) }
        return line + styled(" ", theme[.text], palette)
    }

    private static func styled(_ text: String, _ style: Style, _ palette: ColorPalette) -> String {
        guard palette.depth != .none else { return text }
        return palette.sgr(for: style) + text + "\u{1B}[0m"
    }
}
