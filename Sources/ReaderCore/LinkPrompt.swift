/// The short prompt `o` opens in the status bar: Enter (or `o` again) opens the story's link; digits then
/// Enter open that numbered link of the article's link list; Esc cancels.
public struct LinkPrompt: Sendable, Equatable, Hashable {
    /// The digits typed so far.
    public var digits: String
    public init(digits: String = "") { self.digits = digits }

    /// The prompt as the status bar shows it.
    public func text(linkCount: Int?) -> String {
        let range = linkCount.map { $0 > 0 ? " 1–\($0)" : "" } ?? ""
        if digits.isEmpty {
            return "open: Enter or o = the story's link; link number\(range) + Enter; Esc cancels"
        }
        return "open link \(digits)▏ Enter opens it; Esc cancels"
    }
}
