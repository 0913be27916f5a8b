/// A yes/no question in the status bar, and the work a `y` answer starts.
public struct Confirmation: Sendable, Equatable {
    public var question: String
    public var effect: Effect
    public init(question: String, effect: Effect) { self.question = question; self.effect = effect }
}
