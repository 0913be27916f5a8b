import Foundation
import ReaderUI
import TermCore
import Testing

/// The colour-blind theme, seen through a simulation of the two common red–green deficiencies (Machado,
/// Oliveira and Fernandes 2009, severity 1): every pair of styles that must be told apart stays apart by
/// a clear perceptual difference, so no meaning rests on red against green.
@Suite("The colorblind theme keeps its meanings apart under deuteranopia and protanopia")
struct ColorblindThemeTests {
    /// Linear-RGB matrices of the simulation.
    static let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                                           [-0.011820, 0.042940, 0.968881]]
    static let protanopia: [[Double]] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                                         [-0.003882, -0.048116, 1.051998]]

    /// `rgb` as a reader with the deficiency of `matrix` sees it.
    static func simulate(_ rgb: (UInt8, UInt8, UInt8), _ matrix: [[Double]]) -> (UInt8, UInt8, UInt8) {
        func linear(_ v: UInt8) -> Double {
            let c = Double(v) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        func encoded(_ v: Double) -> UInt8 {
            let c = min(1, max(0, v))
            let s = c <= 0.0031308 ? c * 12.92 : 1.055 * pow(c, 1 / 2.4) - 0.055
            return UInt8((s * 255).rounded())
        }
        let input = [linear(rgb.0), linear(rgb.1), linear(rgb.2)]
        let output = matrix.map { row in zip(row, input).map(*).reduce(0, +) }
        return (encoded(output[0]), encoded(output[1]), encoded(output[2]))
    }

    /// Pairs of (role, colour) that carry a difference in meaning, with what tells them apart.
    static func meaningfulPairs(_ theme: Theme) -> [(String, Color, Color)] {
        var pairs: [(String, Color, Color)] = [
            ("error against the status bar", theme[.statusError].background, theme[.statusBar].background),
            ("unread against read", theme[.unread].foreground, theme[.headline].foreground),
            ("new comment against text", theme[.newComment].foreground, theme[.text].foreground),
            ("link against text", theme[.link].foreground, theme[.text].foreground),
            ("match against the page", theme[.match].background, theme[.text].background),
            ("selection against the page", theme[.selected].background, theme[.text].background),
            ("submitter mark against the page", theme[.submitter].background, theme[.text].background),
            ("author against text", theme[.author].foreground, theme[.text].foreground),
            ("quote against text", theme[.quote].foreground, theme[.text].foreground),
            ("code against text", theme[.code].foreground, theme[.text].foreground),
        ]
        for depth in 0..<7 {
            pairs.append(("depth guide \(depth + 1) against \(depth + 2)", theme.commentDepth(depth).foreground,
                          theme.commentDepth(depth + 1).foreground))
        }
        return pairs
    }

    @Test("every pair differs by ΔE2000 ≥ 12 as simulated", arguments: ["deuteranopia", "protanopia"])
    func apart(deficiency: String) throws {
        let theme = try #require(Theme.shipped("colorblind"))
        let matrix = deficiency == "deuteranopia" ? Self.deuteranopia : Self.protanopia
        for (meaning, first, second) in Self.meaningfulPairs(theme) {
            let a = try #require(PerceptualColor.rgb(of: first)), b = try #require(PerceptualColor.rgb(of: second))
            let difference = PerceptualColor.deltaE(Self.simulate(a, matrix), Self.simulate(b, matrix))
            if ProcessInfo.processInfo.environment["GAZETTE_PRINT_CVD"] != nil { print("CVD \(deficiency) \(meaning): \(String(format: "%.1f", difference))") }
            #expect(difference >= 12, "\(meaning) under \(deficiency): ΔE \(String(format: "%.1f", difference))")
        }
    }

    @Test("the simulation is real: pure red and green, far apart normally, nearly meet under deuteranopia")
    func simulationSeparatesRedFromGreen() {
        let red: (UInt8, UInt8, UInt8) = (0xd0, 0x30, 0x30), green: (UInt8, UInt8, UInt8) = (0x30, 0x90, 0x30)
        #expect(PerceptualColor.deltaE(red, green) > 50)
        #expect(PerceptualColor.deltaE(Self.simulate(red, Self.deuteranopia), Self.simulate(green, Self.deuteranopia)) < 15)
    }
}
