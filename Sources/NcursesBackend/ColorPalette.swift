import TermCore

/// Maps theme colours to colour numbers the terminal has, by perceptual distance (CIEDE2000): at 256
/// colours to the nearest of the cube and grey ramp, at 16 or 8 to the nearest named colour, at true colour
/// to the packed RGB value a direct-colour terminfo entry expects. `.default` is -1 (the terminal's own
/// colour, through `use_default_colors`). Pure, so the arithmetic is tested without a terminal, and shared
/// by the reader and the `gazette themes` preview.
public struct ColorPalette: Equatable, Sendable {
    /// What the terminal can show.
    public let depth: ColorDepth
    /// Whether -1 means "the terminal's default" (`use_default_colors` succeeded).
    public let hasDefaultColors: Bool

    public init(depth: ColorDepth, hasDefaultColors: Bool) {
        self.depth = depth; self.hasDefaultColors = hasDefaultColors
    }

    /// The colour number for `color` as a foreground (`isForeground`) or background.
    public func number(for color: Color, isForeground: Bool) -> Int32 {
        number(for: color, isForeground: isForeground, avoiding: nil)
    }

    /// Both colour numbers of `style`. When two different colours would land on the same number (a dark
    /// blue background and black text on 16 colours) the foreground takes its next-nearest colour, so
    /// text never vanishes into its background.
    public func numbers(for style: Style) -> (foreground: Int32, background: Int32) {
        let background = number(for: style.background, isForeground: false)
        var foreground = number(for: style.foreground, isForeground: true)
        if foreground == background, foreground != -1, style.foreground != style.background {
            foreground = number(for: style.foreground, isForeground: true, avoiding: background)
        }
        return (foreground, background)
    }

    private func number(for color: Color, isForeground: Bool, avoiding excluded: Int32?) -> Int32 {
        switch (depth, color) {
        case (.none, _):
            return -1
        case (_, .default):
            if hasDefaultColors { return -1 }
            return isForeground ? 7 : 0
        case (.trueColor, .indexed(let index)) where index < 8 && excluded == nil:
            return Int32(index)
        case (.trueColor, _):
            // Direct-colour terminfo entries read numbers below 8 as the named colours, so the packed RGB
            // of a near-black is nudged up to 8 (#000008, indistinguishable from black).
            guard let (r, g, b) = PerceptualColor.rgb(of: color) else { return -1 }
            return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        case (_, .indexed(let index)) where Int(index) < depth.rawValue && excluded == nil:
            return Int32(index)
        default:
            guard let (r, g, b) = PerceptualColor.rgb(of: color) else { return -1 }
            return Self.nearest(PerceptualColor.lab(r, g, b), among: candidates, excluding: excluded)
        }
    }

    /// The palette entries a colour may be mapped to. At 256 colours the first 16 are left out: users
    /// change them, so they are no guide to an exact colour, while the cube and ramp are fixed.
    private var candidates: Range<Int> {
        switch depth {
        case .palette256, .trueColor: 16..<256
        case .sixteen: 0..<16
        case .eight: 0..<8
        case .none: 0..<0
        }
    }

    private static func nearest(_ target: PerceptualColor.Lab, among candidates: Range<Int>,
                                excluding excluded: Int32?) -> Int32 {
        var best = Int32(candidates.lowerBound), bestDistance = Double.infinity
        for index in candidates where Int32(index) != excluded {
            let distance = PerceptualColor.deltaE(target, paletteLab[index])
            if distance < bestDistance { best = Int32(index); bestDistance = distance }
        }
        return best
    }

    /// CIELAB of the 256 palette entries (xterm's values), computed once.
    private static let paletteLab: [PerceptualColor.Lab] = (0..<256).map { index in
        let (r, g, b) = PerceptualColor.rgb(ofIndex: UInt8(index))
        return PerceptualColor.lab(r, g, b)
    }

    /// The SGR escape sequence that sets `style`, for text printed outside ncurses (the `gazette themes`
    /// preview): the same colour numbers the reader would use, so the preview shows what the reader will.
    public func sgr(for style: Style) -> String {
        var codes = ["0"]
        let attributes: [(Attributes, String)] = [(.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"),
                                                  (.reverse, "7"), (.strikethrough, "9")]
        for (attribute, code) in attributes where style.attributes.contains(attribute) { codes.append(code) }
        let (foreground, background) = numbers(for: style)
        codes += Self.colorCodes(foreground, base: 30, depth: depth)
        codes += Self.colorCodes(background, base: 40, depth: depth)
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func colorCodes(_ number: Int32, base: Int, depth: ColorDepth) -> [String] {
        switch number {
        case ..<0: return []
        case 0..<8: return ["\(base + Int(number))"]
        case 8..<16 where depth != .trueColor: return ["\(base + 60 + Int(number) - 8)"]
        case 16..<256 where depth != .trueColor: return ["\(base + 8)", "5", "\(number)"]
        default:
            return ["\(base + 8)", "2", "\(number >> 16 & 0xFF)", "\(number >> 8 & 0xFF)", "\(number & 0xFF)"]
        }
    }
}
