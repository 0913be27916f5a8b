import Foundation
import ReaderCore

/// When the story (and comments) of a newly selected headline are read, for moves made by keys.
///
/// A key pressed after a pause reads the new story at once. A key that comes less than `window` after the
/// previous such key is a held key's repeat (terminals repeat every 30–50 ms): its story waits until the
/// keys pause for `window`, and is then read once — the story the selection stopped on, not every one it
/// passed. The list still moves at every repeat; the article and comment panes keep the last story they
/// showed meanwhile (see `HeldPanes`). Over a slow link this is most of what a held `j` costs: a story
/// pane is ~1.3 KB of terminal output, the two list rows that change ~250 B.
struct StoryFollowPace {
    /// Keys closer together than this are one held key. Longer than any usual repeat interval, short
    /// enough that the story appears as the finger lifts.
    static let heldKeyWindow: TimeInterval = 0.1

    let window: TimeInterval
    /// When keys last asked for a story, and the reads waiting for them to pause.
    private var lastAsked: Date?
    private var waiting: [Effect] = []
    private(set) var due: Date?

    init(window: TimeInterval) { self.window = window }

    /// Whether the reads are waiting for keys to pause.
    var isWaiting: Bool { due != nil }

    /// Whether `effect` reads what the article or comment pane shows for the selection.
    static func followsSelection(_ effect: Effect) -> Bool {
        switch effect {
        case .loadStory, .loadComments: return true
        default: return false
        }
    }

    /// Takes the effects of keys handled at `now`: returns those to perform now. Reads of the selection
    /// asked for within `window` of the previous ones wait; a read of either kind replaces a waiting one of
    /// the same kind (it is for the story the selection moved on to, and must not be overtaken by it).
    mutating func take(_ effects: [Effect], at now: Date) -> [Effect] {
        guard window > 0, effects.contains(where: Self.followsSelection) else { return effects }
        let isRepeat = lastAsked.map { now >= $0 && now.timeIntervalSince($0) < window } ?? false
        lastAsked = now
        for effect in effects where Self.followsSelection(effect) {
            waiting.removeAll { Self.sameKind($0, effect) }
        }
        guard isRepeat else {
            if waiting.isEmpty { due = nil }
            return effects
        }
        waiting += effects.filter(Self.followsSelection)
        due = now.addingTimeInterval(window)
        return effects.filter { !Self.followsSelection($0) }
    }

    /// The waiting reads, once the keys have paused until `due` (none before).
    mutating func release(at now: Date) -> [Effect] {
        guard let due, now >= due else { return [] }
        self.due = nil
        defer { waiting = [] }
        return waiting
    }

    private static func sameKind(_ a: Effect, _ b: Effect) -> Bool {
        switch (a, b) {
        case (.loadStory, .loadStory), (.loadComments, .loadComments): return true
        default: return false
        }
    }
}

extension ReaderRuntime {
    /// The reader's held-key window (`StoryFollowPace.heldKeyWindow`), for the command that starts it.
    public static var heldKeyWindow: TimeInterval { StoryFollowPace.heldKeyWindow }
}
