import Foundation
import ReaderUI
import TermCore
import Testing
@testable import NcursesBackend

/// Every shipped theme, as a terminal shows it at true colour, 256 and 16 colours, on a dark and on a
/// light terminal background: text must stand out from its background by a clear perceptual difference.
@Suite("Shipped themes stay legible at every colour depth, on dark and light terminals")
struct ShippedThemeLegibilityTests {
    /// The terminal's own background, for styles that keep it: a dark and a light one.
    static let terminalBackgrounds: [(name: String, rgb: (UInt8, UInt8, UInt8))] = [
        ("dark", (0, 0, 0)), ("light", (255, 255, 255)),
    ]
    /// The terminal's own foreground on each.
    static func terminalForeground(on background: (UInt8, UInt8, UInt8)) -> (UInt8, UInt8, UInt8) {
        background.0 == 0 ? (229, 229, 229) : (0, 0, 0)
    }

    /// The smallest CIEDE2000 difference between text and its background: body roles must read easily,
    /// secondary ones (muted text, rules, depth guides) must still be seen.
    static func minimum(for role: Theme.Role) -> Double {
        switch role {
        case .border, .depth1, .depth2, .depth3, .depth4, .depth5, .depth6, .depth7, .depth8: 12
        case .muted, .score: 20
        default: 25  // Solarized's own accents on its paper are about 28: low contrast by design
        }
    }

    /// The RGB a colour number stands for at `depth` (xterm's palette for indexes).
    static func rgb(_ number: Int32, depth: ColorDepth, terminal: (UInt8, UInt8, UInt8)) -> (UInt8, UInt8, UInt8) {
        if number < 0 { return terminal }
        if depth == .trueColor && number >= 8 {
            return (UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF))
        }
        return PerceptualColor.rgb(ofIndex: UInt8(number))
    }

    /// Text/background difference of `style` as shown at `depth` on a terminal with `background`.
    static func difference(_ style: Style, depth: ColorDepth, background: (UInt8, UInt8, UInt8)) -> Double {
        let palette = ColorPalette(depth: depth, hasDefaultColors: true)
        let (fgNumber, bgNumber) = palette.numbers(for: style)
        var fg = rgb(fgNumber, depth: depth, terminal: terminalForeground(on: background))
        var bg = rgb(bgNumber, depth: depth, terminal: background)
        if style.attributes.contains(.reverse) { swap(&fg, &bg) }
        return PerceptualColor.deltaE(fg, bg)
    }

    @Test("every role of every shipped theme", arguments: ShippedThemes.all.map(\.name))
    func legible(name: String) throws {
        let theme = try #require(Theme.shipped(name))
        for depth in [ColorDepth.trueColor, .palette256, .sixteen] {
            for (backgroundName, background) in Self.terminalBackgrounds {
                for role in Theme.Role.allCases {
                    let difference = Self.difference(theme[role], depth: depth, background: background)
                    #expect(difference >= Self.minimum(for: role),
                            "\(name).\(role.rawValue) at \(depth) on a \(backgroundName) terminal: ΔE \(Int(difference))")
                }
            }
        }
    }
}
