import Testing
import TermCore
@testable import NcursesBackend

@Suite("Mapping colours to what the terminal has, by perceptual distance")
struct ColorPaletteTests {
    let full = ColorPalette(depth: .palette256, hasDefaultColors: true)
    let sixteen = ColorPalette(depth: .sixteen, hasDefaultColors: true)
    let eight = ColorPalette(depth: .eight, hasDefaultColors: true)
    let direct = ColorPalette(depth: .trueColor, hasDefaultColors: true)

    @Test("The default colour is -1 when the terminal has default colours, else white on black")
    func defaultColour() {
        #expect(full.number(for: .default, isForeground: true) == -1)
        let noDefaults = ColorPalette(depth: .palette256, hasDefaultColors: false)
        #expect(noDefaults.number(for: .default, isForeground: true) == 7)
        #expect(noDefaults.number(for: .default, isForeground: false) == 0)
    }

    @Test("Indexed colours the terminal has pass through unchanged")
    func indexedPassThrough() {
        #expect(full.number(for: .indexed(196), isForeground: true) == 196)
        #expect(full.number(for: .indexed(3), isForeground: true) == 3)
        #expect(sixteen.number(for: .indexed(12), isForeground: true) == 12)
        #expect(eight.number(for: .indexed(3), isForeground: true) == 3)
    }

    @Test("256-colour indices fold to the nearest of 16 or 8")
    func indexedFold() {
        // 196 is pure red (255, 0, 0): bright red (9) of 16, red (1) of 8.
        #expect(sixteen.number(for: .indexed(196), isForeground: true) == 9)
        #expect(eight.number(for: .indexed(196), isForeground: true) == 1)
        // 231 is white.
        #expect(sixteen.number(for: .indexed(231), isForeground: true) == 15)
        // Bright blue (12) folds to blue (4) on 8 colours; mid grey (8, L* 53) to light grey (7, L* 91),
        // which CIEDE2000 finds nearer than black (L* 0).
        #expect(eight.number(for: .indexed(12), isForeground: true) == 4)
        #expect(eight.number(for: .indexed(8), isForeground: true) == 7)
    }

    @Test("#rrggbb at 256 colours: every cube and ramp entry maps back to itself, others to the nearest")
    func hexTo256() {
        for index in 16...255 {
            let (r, g, b) = PerceptualColor.rgb(ofIndex: UInt8(index))
            #expect(full.number(for: .rgb(r, g, b), isForeground: true) == Int32(index), "index \(index)")
        }
        #expect(full.number(for: .rgb(250, 5, 5), isForeground: true) == 196)
        #expect(full.number(for: .rgb(30, 30, 30), isForeground: true) == 234)
        // Solarized's base03 is a dark blue-green: it stays one (23, #005f5f) or near-black slate (235),
        // never the pure navy (17) that RGB distance on channel numbers would favour.
        #expect([23, 234, 235].contains(full.number(for: .rgb(0x00, 0x2b, 0x36), isForeground: false)))
    }

    @Test("#rrggbb at 16 and 8 colours picks the nearest named colour")
    func hexToNamed() {
        #expect(sixteen.number(for: .rgb(250, 10, 10), isForeground: true) == 9)
        #expect(sixteen.number(for: .rgb(0, 0, 0), isForeground: true) == 0)
        #expect(sixteen.number(for: .rgb(0, 190, 190), isForeground: true) == 6)
        #expect(sixteen.number(for: .rgb(0xfa, 0xfa, 0xfa), isForeground: false) == 15)
        #expect(sixteen.number(for: .rgb(0x83, 0x94, 0x96), isForeground: true) == 8)
        #expect(eight.number(for: .rgb(0xfa, 0xfa, 0xfa), isForeground: false) == 7)
        #expect(eight.number(for: .rgb(0xb5, 0x89, 0x00), isForeground: true) == 3)
        #expect(eight.number(for: .rgb(0x26, 0x8b, 0xd2), isForeground: true) == 4 ||
                eight.number(for: .rgb(0x26, 0x8b, 0xd2), isForeground: true) == 6)
    }

    @Test("Every colour maps to an entry the terminal has")
    func inRange() {
        for r in stride(from: 0, through: 255, by: 17) {
            for g in stride(from: 0, through: 255, by: 51) {
                for b in stride(from: 0, through: 255, by: 85) {
                    let color = Color.rgb(UInt8(r), UInt8(g), UInt8(b))
                    #expect((16...255).contains(full.number(for: color, isForeground: true)))
                    #expect((0...15).contains(sixteen.number(for: color, isForeground: true)))
                    #expect((0...7).contains(eight.number(for: color, isForeground: true)))
                }
            }
        }
    }

    @Test("Text never lands on its own background: the foreground takes its next-nearest colour")
    func noVanishingText() {
        let style = Style(foreground: .rgb(0x07, 0x36, 0x42), background: .rgb(0x00, 0x2b, 0x36))
        let (fg, bg) = sixteen.numbers(for: style)
        #expect(bg == 0)
        #expect(fg != bg)
        let same = Style(foreground: .rgb(1, 2, 3), background: .rgb(1, 2, 3))
        #expect(sixteen.numbers(for: same).foreground == sixteen.numbers(for: same).background)
    }

    @Test("True colour sends packed RGB; the 8 named colours stay themselves")
    func trueColour() {
        #expect(direct.number(for: .rgb(0x26, 0x8b, 0xd2), isForeground: true) == 0x268bd2)
        #expect(direct.number(for: .indexed(3), isForeground: true) == 3)
        #expect(direct.number(for: .indexed(196), isForeground: true) == 0xff0000)
        // Numbers below 8 mean the named colours, so black is sent as #000008.
        #expect(direct.number(for: .rgb(0, 0, 0), isForeground: false) == 8)
    }

    @Test("No colours (NO_COLOR or none in terminfo): the default colour for everything")
    func monochrome() {
        let none = ColorPalette(depth: .none, hasDefaultColors: false)
        #expect(none.number(for: .rgb(255, 0, 0), isForeground: true) == -1)
        #expect(none.number(for: .indexed(4), isForeground: false) == -1)
        #expect(none.sgr(for: Style(foreground: .indexed(1), attributes: .bold)) == "\u{1B}[0;1m")
    }

    @Test("The preview's escape sequences use the same numbers as the reader")
    func sgr() {
        let style = Style(foreground: .indexed(9), background: .rgb(0, 0, 0), attributes: [.bold, .underline])
        #expect(sixteen.sgr(for: style) == "\u{1B}[0;1;4;91;40m")
        #expect(full.sgr(for: style) == "\u{1B}[0;1;4;91;48;5;16m")
        #expect(direct.sgr(for: Style(foreground: .rgb(1, 2, 3))) == "\u{1B}[0;38;2;1;2;3m")
        #expect(eight.sgr(for: Style(foreground: .indexed(14))) == "\u{1B}[0;36m")
    }
}

@Suite("CIEDE2000 colour difference")
struct PerceptualColorTests {
    @Test("Sharma, Wu and Dalal's reference pairs", arguments: [
        (50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425),
        (50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669),
        (50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492),
        (60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644),
        (22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373),
        (2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082),
    ])
    func reference(pair: (Double, Double, Double, Double, Double, Double, Double)) {
        let first = PerceptualColor.Lab(l: pair.0, a: pair.1, b: pair.2)
        let second = PerceptualColor.Lab(l: pair.3, a: pair.4, b: pair.5)
        #expect(abs(PerceptualColor.deltaE(first, second) - pair.6) < 0.0001)
        #expect(abs(PerceptualColor.deltaE(second, first) - pair.6) < 0.0001)
    }

    @Test("sRGB white and black are L* 100 and 0")
    func lab() {
        let white = PerceptualColor.lab(255, 255, 255), black = PerceptualColor.lab(0, 0, 0)
        #expect(abs(white.l - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
        #expect(abs(black.l) < 0.01)
    }
}

@Suite("Deciding the colour depth")
struct ColorSupportTests {
    @Test("NO_COLOR (not empty) means no colours, whatever the terminal")
    func noColor() {
        let support = ColorSupport.decide(terminfoColors: 256, hasRGBFlag: true, hasTcFlag: false,
                                          environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"])
        #expect(support.depth == .none)
        #expect(ColorSupport.decide(terminfoColors: 256, hasRGBFlag: false, hasTcFlag: false,
                                    environment: ["NO_COLOR": ""]).depth == .palette256)
    }

    @Test("terminfo's colour count decides, never more than ncurses can send")
    func counts() {
        func depth(_ colors: Int, rgb: Bool = false, tc: Bool = false, _ environment: [String: String] = [:]) -> ColorDepth {
            ColorSupport.decide(terminfoColors: colors, hasRGBFlag: rgb, hasTcFlag: tc, environment: environment).depth
        }
        #expect(depth(1 << 24, rgb: true) == .trueColor)
        #expect(depth(256) == .palette256)
        #expect(depth(88) == .sixteen)
        #expect(depth(16) == .sixteen)
        #expect(depth(8) == .eight)
        #expect(depth(-1) == .none)
        // True colour claimed by COLORTERM or Tc, but a 256-colour entry: drawn at 256, never assumed.
        #expect(depth(256, ["COLORTERM": "truecolor"]) == .palette256)
        #expect(depth(256, tc: true) == .palette256)
        #expect(depth(8, ["COLORTERM": "24bit"]) == .eight)
        let claimed = ColorSupport.decide(terminfoColors: 256, hasRGBFlag: false, hasTcFlag: false,
                                          environment: ["COLORTERM": "24bit"])
        #expect(claimed.explanation.contains("COLORTERM") && claimed.explanation.contains("xterm-direct"))
    }
}

@Suite("Colour pairs allocated on demand")
struct ColorPairTableTests {
    @Test("Default on default is pair 0 and is never allocated")
    func defaultPair() {
        var table = ColorPairTable(colorPairs: 64)
        #expect(table.pair(foreground: -1, background: -1) == .existing(0))
        #expect(table.count == 0)
    }

    @Test("A new combination is allocated once and then found")
    func allocateOnce() {
        var table = ColorPairTable(colorPairs: 64)
        #expect(table.pair(foreground: 1, background: -1) == .allocated(1))
        #expect(table.pair(foreground: 2, background: 4) == .allocated(2))
        #expect(table.pair(foreground: 1, background: -1) == .existing(1))
        #expect(table.count == 2)
    }

    @Test("The table reports exhaustion at COLOR_PAIRS and starts again after a reset")
    func exhaustion() {
        var table = ColorPairTable(colorPairs: 3)
        #expect(table.pair(foreground: 1, background: 0) == .allocated(1))
        #expect(table.pair(foreground: 2, background: 0) == .allocated(2))
        #expect(table.pair(foreground: 3, background: 0) == .exhausted)
        #expect(table.pair(foreground: 1, background: 0) == .existing(1))
        table.reset()
        #expect(table.pair(foreground: 3, background: 0) == .allocated(1))
    }

    @Test("Pair numbers stay within what setcchar's short can carry")
    func shortLimit() {
        let table = ColorPairTable(colorPairs: 65536)
        #expect(table.capacity == Int(Int16.max))
    }
}
