import TermCore

/// Maps TermCore colours to colour numbers the terminal has: true colour to the nearest of the 256-colour
/// palette, 256 colours to the nearest of 16 or 8, `.default` to -1 (the terminal's own colour, through
/// `use_default_colors`). Pure, so the arithmetic is tested without a terminal.
struct ColorPalette: Equatable {
    /// How many colours to use: 256, 16, 8, or fewer for none at all.
    let colorCount: Int
    /// Whether -1 means "the terminal's default" (`use_default_colors` succeeded).
    let hasDefaultColors: Bool

    /// `reportedColors` is ncurses' `COLORS`. Direct-colour entries (`xterm-direct`) report 2^24 but number
    /// colours as packed RGB above 7, so only their 8 named colours are used.
    init(reportedColors: Int, hasDefaultColors: Bool) {
        switch reportedColors {
        case 257...: colorCount = 8
        case 256: colorCount = 256
        case 16..<256: colorCount = 16
        case 8..<16: colorCount = 8
        default: colorCount = 0
        }
        self.hasDefaultColors = hasDefaultColors
    }

    /// The colour number for `color` as a foreground (`isForeground`) or background.
    func number(for color: Color, isForeground: Bool) -> Int16 {
        if colorCount == 0 { return -1 }
        switch color {
        case .default:
            if hasDefaultColors { return -1 }
            return isForeground ? 7 : 0
        case .indexed(let index):
            if Int(index) < colorCount { return Int16(index) }
            let (r, g, b) = Self.rgb(ofIndex: index)
            return nearestNamed(r, g, b)
        case .rgb(let r, let g, let b):
            if colorCount >= 256 { return Self.nearest256(r, g, b) }
            return nearestNamed(r, g, b)
        }
    }

    /// Nearest of the first 16 (or 8) named colours, by xterm's default values for them.
    private func nearestNamed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int16 {
        let limit = min(colorCount, 16)
        var best = 0, bestDistance = Int.max
        for index in 0..<limit {
            let (pr, pg, pb) = Self.rgb(ofIndex: UInt8(index))
            let d = Self.distance((r, g, b), (pr, pg, pb))
            if d < bestDistance { best = index; bestDistance = d }
        }
        return Int16(best)
    }

    /// Nearest entry of the 6×6×6 cube (16–231) or the grey ramp (232–255). The first 16 are left out:
    /// terminals let users change them, so they are no guide to an exact colour.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int16 {
        func cubeStep(_ v: UInt8) -> Int {
            // Cube levels are 0, 95, 135, 175, 215, 255.
            v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40
        }
        let cr = cubeStep(r), cg = cubeStep(g), cb = cubeStep(b)
        let cubeIndex = 16 + 36 * cr + 6 * cg + cb
        let cubeDistance = distance((r, g, b), rgb(ofIndex: UInt8(cubeIndex)))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let greyIndex = 232 + greyStep
        let greyDistance = distance((r, g, b), rgb(ofIndex: UInt8(greyIndex)))
        return Int16(greyDistance < cubeDistance ? greyIndex : cubeIndex)
    }

    /// xterm's default RGB for a palette index.
    static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            let named: [(UInt8, UInt8, UInt8)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return named[Int(index)]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = Int(index) - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let v = UInt8(8 + (Int(index) - 232) * 10)
            return (v, v, v)
        }
    }

    /// Squared distance, weighted for the eye's greater sensitivity to green (a cheap "redmean"-free
    /// approximation that is good enough to pick among palette entries).
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
