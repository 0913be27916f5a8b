/// The keys for refreshing and opening links, the same in every pane.
extension Keymap {
    /// r, R and o (why `o` opens a prompt: DECISIONS.md, "o opens a small prompt").
    static let refreshAndLinkBindings: [Binding] = [
        Binding([.character("r")], .refreshFeed),
        Binding([.character("R")], .refreshAll),
        Binding([.character("o")], .openLink),
    ]
}
