import Foundation

/// Colour arithmetic in CIELAB, so a theme colour is replaced by the one that *looks* nearest among those
/// a terminal has, not the one nearest in RGB numbers (which confuses dark blues with black and turns
/// Solarized's tinted greys green or purple).
public enum PerceptualColor {
    /// A colour in CIELAB (D65).
    public struct Lab: Sendable, Equatable {
        public var l: Double, a: Double, b: Double
        public init(l: Double, a: Double, b: Double) { self.l = l; self.a = a; self.b = b }
    }

    /// sRGB (0–255 per channel) to CIELAB, D65 white.
    public static func lab(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Lab {
        func linear(_ v: UInt8) -> Double {
            let c = Double(v) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let lr = linear(r), lg = linear(g), lb = linear(b)
        let x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047
        let y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb
        let z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        let fx = f(x), fy = f(y), fz = f(z)
        return Lab(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// CIEDE2000 colour difference: about 1 is the smallest difference most people see, above 10 two
    /// colours are clearly different.
    public static func deltaE(_ first: Lab, _ second: Lab) -> Double {
        let c1 = (first.a * first.a + first.b * first.b).squareRoot()
        let c2 = (second.a * second.a + second.b * second.b).squareRoot()
        let meanC = (c1 + c2) / 2
        let meanC7 = pow(meanC, 7)
        let g = 0.5 * (1 - (meanC7 / (meanC7 + pow(25, 7))).squareRoot())
        let a1 = first.a * (1 + g), a2 = second.a * (1 + g)
        let cp1 = (a1 * a1 + first.b * first.b).squareRoot(), cp2 = (a2 * a2 + second.b * second.b).squareRoot()
        func hue(_ b: Double, _ a: Double) -> Double {
            if a == 0 && b == 0 { return 0 }
            let h = atan2(b, a) * 180 / .pi
            return h < 0 ? h + 360 : h
        }
        let hp1 = hue(first.b, a1), hp2 = hue(second.b, a2)
        let deltaL = second.l - first.l
        let deltaC = cp2 - cp1
        var deltaH = 0.0
        if cp1 * cp2 != 0 {
            deltaH = hp2 - hp1
            if deltaH > 180 { deltaH -= 360 } else if deltaH < -180 { deltaH += 360 }
        }
        let deltaBigH = 2 * (cp1 * cp2).squareRoot() * sin(deltaH * .pi / 360)
        let meanL = (first.l + second.l) / 2
        let meanCp = (cp1 + cp2) / 2
        var meanH = hp1 + hp2
        if cp1 * cp2 != 0 {
            if abs(hp1 - hp2) > 180 { meanH += hp1 + hp2 < 360 ? 360 : -360 }
            meanH /= 2
        }
        func rad(_ degrees: Double) -> Double { degrees * .pi / 180 }
        let t = 1 - 0.17 * cos(rad(meanH - 30)) + 0.24 * cos(rad(2 * meanH)) + 0.32 * cos(rad(3 * meanH + 6))
            - 0.20 * cos(rad(4 * meanH - 63))
        let deltaTheta = 30 * exp(-pow((meanH - 275) / 25, 2))
        let meanCp7 = pow(meanCp, 7)
        let rc = 2 * (meanCp7 / (meanCp7 + pow(25, 7))).squareRoot()
        let l50 = (meanL - 50) * (meanL - 50)
        let sl = 1 + 0.015 * l50 / (20 + l50).squareRoot()
        let sc = 1 + 0.045 * meanCp
        let sh = 1 + 0.015 * meanCp * t
        let rt = -sin(rad(2 * deltaTheta)) * rc
        let termL = deltaL / sl, termC = deltaC / sc, termH = deltaBigH / sh
        return (termL * termL + termC * termC + termH * termH + rt * termC * termH).squareRoot()
    }

    /// CIEDE2000 between two sRGB colours.
    public static func deltaE(_ first: (UInt8, UInt8, UInt8), _ second: (UInt8, UInt8, UInt8)) -> Double {
        deltaE(lab(first.0, first.1, first.2), lab(second.0, second.1, second.2))
    }

    /// xterm's default RGB for a palette index. Indexes 0–15 are the terminal's own colours, which users
    /// change; xterm's values stand in for them.
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return xtermNamed[Int(index)]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = Int(index) - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let v = UInt8(8 + (Int(index) - 232) * 10)
            return (v, v, v)
        }
    }

    private static let xtermNamed: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB a colour stands for; nil for `.default`, which only the terminal knows.
    public static func rgb(of color: Color) -> (UInt8, UInt8, UInt8)? {
        switch color {
        case .default: nil
        case .indexed(let index): rgb(ofIndex: index)
        case .rgb(let r, let g, let b): (r, g, b)
        }
    }
}
