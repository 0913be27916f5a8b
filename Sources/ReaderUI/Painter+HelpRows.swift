import ReaderCore

/// What the help overlay lists: the focused pane's keys, or the feed list's while it is open.
extension Painter {
    /// One row per binding: its keys and what the command does there.
    var helpRows: [(keys: String, summary: String)] {
        if state.views.feedList != nil {
            return state.keymap.feedListBindings.map { binding in
                (keys: binding.keys.map(\.label).joined(separator: " "), summary: binding.command.feedListSummary)
            }
        }
        return state.keymap.bindings(for: state.focus).map { binding in
            (keys: binding.keys.map(\.label).joined(separator: " "), summary: binding.command.summary(in: state.focus))
        }
    }

    /// The help overlay's heading.
    var helpTitle: String { state.views.feedList != nil ? "Feed list" : state.focus.title }
}
