/// The three panes of the reader.
public enum Pane: Sendable, Equatable, Hashable, CaseIterable {
    case headlines, article, comments
}
