/// How many colours a terminal can show, from most to fewest. The reader never assumes more than was
/// detected: each theme colour is mapped down to the nearest one the terminal has (`PerceptualColor`).
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// No colours: attributes only (also what `NO_COLOR` asks for).
    case none = 0
    /// The eight ANSI colours.
    case eight = 8
    /// The eight ANSI colours and their bright variants.
    case sixteen = 16
    /// xterm's 256-colour palette.
    case palette256 = 256
    /// 24-bit colour.
    case trueColor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The depth for a colour count as terminfo reports it (`colors#`).
    public init(colorCount: Int) {
        switch colorCount {
        case 16_777_216...: self = .trueColor
        case 256..<16_777_216: self = .palette256
        case 16..<256: self = .sixteen
        case 8..<16: self = .eight
        default: self = .none
        }
    }

    public var description: String {
        switch self {
        case .none: "no colours"
        case .eight: "8 colours"
        case .sixteen: "16 colours"
        case .palette256: "256 colours"
        case .trueColor: "true colour"
        }
    }
}
