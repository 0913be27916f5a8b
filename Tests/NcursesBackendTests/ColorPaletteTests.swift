import Testing
import TermCore
@testable import NcursesBackend

@Suite("Mapping colours to what the terminal has")
struct ColorPaletteTests {
    let full = ColorPalette(reportedColors: 256, hasDefaultColors: true)
    let sixteen = ColorPalette(reportedColors: 16, hasDefaultColors: true)
    let eight = ColorPalette(reportedColors: 8, hasDefaultColors: true)

    @Test("The default colour is -1 when the terminal has default colours, else white on black")
    func defaultColour() {
        #expect(full.number(for: .default, isForeground: true) == -1)
        let noDefaults = ColorPalette(reportedColors: 256, hasDefaultColors: false)
        #expect(noDefaults.number(for: .default, isForeground: true) == 7)
        #expect(noDefaults.number(for: .default, isForeground: false) == 0)
    }

    @Test("Indexed colours the terminal has pass through unchanged")
    func indexedPassThrough() {
        #expect(full.number(for: .indexed(196), isForeground: true) == 196)
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
        // Bright blue (12) folds to blue (4) on 8 colours.
        #expect(eight.number(for: .indexed(12), isForeground: true) == 4)
    }

    @Test("True colour picks the nearest cube or grey entry of 256")
    func trueColour() {
        #expect(full.number(for: .rgb(255, 0, 0), isForeground: true) == 196)
        #expect(full.number(for: .rgb(0, 0, 0), isForeground: true) == 16)
        #expect(full.number(for: .rgb(255, 255, 255), isForeground: true) == 231)
        #expect(full.number(for: .rgb(128, 128, 128), isForeground: true) == 244)
        #expect(full.number(for: .rgb(95, 135, 175), isForeground: true) == 67)
        #expect(full.number(for: .rgb(30, 30, 30), isForeground: true) == 234)
    }

    @Test("True colour on 16 colours picks the nearest named colour")
    func trueColourSixteen() {
        #expect(sixteen.number(for: .rgb(250, 10, 10), isForeground: true) == 9)
        #expect(sixteen.number(for: .rgb(0, 0, 0), isForeground: true) == 0)
        #expect(sixteen.number(for: .rgb(0, 190, 190), isForeground: true) == 6)
    }

    @Test("Every true colour maps to an index that exists")
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

    @Test("A terminal without colours gets the default colour for everything")
    func monochrome() {
        let none = ColorPalette(reportedColors: 0, hasDefaultColors: false)
        #expect(none.number(for: .rgb(255, 0, 0), isForeground: true) == -1)
        #expect(none.number(for: .indexed(4), isForeground: false) == -1)
    }

    @Test("Direct-colour terminals are used through their 8 named colours")
    func directColour() {
        let direct = ColorPalette(reportedColors: 1 << 24, hasDefaultColors: true)
        #expect(direct.colorCount == 8)
        #expect(direct.number(for: .indexed(200), isForeground: true) < 8)
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
