import Foundation
import ReaderCore
import TermCore
import TestSupport

/// The soak's user: sends keys drawn from the reader's whole key table (`Keymap.standard`, every pane and the
/// feed list) with a seeded generator, resizes the terminal, and stars or marks stories it first finds by
/// search, so it knows which story each mark went to. It measures how long each key waits for a frame.
final class SoakDriver {
    /// Keys the driver never sends at random: the two that end the reader (the soak quits at its end) and the
    /// two marks, which go through `mark(_:)` so the story they hit is known.
    static let heldBack: Set<Key> = [.character("q"), .control("c"), .character("s"), .character("N")]

    /// Every key of the key table but `heldBack`, once each, in a stable order.
    static let keys: [Key] = {
        let keymap = Keymap.standard
        var all: [Key] = []
        for pane in Pane.allCases {
            for binding in keymap.bindings(for: pane) { all += binding.keys }
        }
        for binding in keymap.feedListBindings { all += binding.keys }
        var seen = Set<Key>()
        return all.filter { !heldBack.contains($0) && seen.insert($0).inserted }
    }()

    /// tmux's name for `key`, nil for a key tmux cannot send; characters go literally (`type`).
    static func tmuxName(_ key: Key) -> String? {
        switch key {
        case .character(" "): "Space"
        case .character: nil
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PPage"
        case .pageDown: "NPage"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Escape"
        case .tab: "Tab"
        case .backTab: "BTab"
        case .backspace: "BSpace"
        case .delete: "DC"
        case .control(let c): "C-\(c)"
        case .function(let n): "F\(n)"
        }
    }

    let session: TmuxSession
    let outputFile: URL
    let frameBound: TimeInterval
    var random: SplitMix64
    let width: Int, height: Int
    /// The stories `mark` chooses from (their tokens, `SoakServer.token`): those in the cache.
    var candidates: () -> [String] = { [] }

    // What happened, for the summary.
    private(set) var keysSent: [String: Int] = [:]
    private(set) var resizes = 0
    /// One-column resizes made to get a frame from a key that changed nothing.
    private(set) var livenessChecks = 0
    /// Whether the last liveness check left the terminal a column narrower.
    private var narrowed = false
    /// Why marks were not made: the story was not found, or its row did not change.
    private(set) var markMisses: [String: Int] = [:]
    private(set) var slowestFrame: TimeInterval = 0
    private(set) var lateFrames: [String] = []
    /// Marks the driver saw the reader make, by story token: the last one for each story.
    private(set) var marks: [String: SoakCache.Marks] = [:]
    private(set) var marksMade = 0
    /// Rows a search brought back with an older mark than the one the driver last saw the reader make there
    /// (a reload that read the cache before the mark was written, and showed it).
    private(set) var staleRows: [String] = []
    private(set) var markAttempts = 0

    init(session: TmuxSession, outputFile: URL, seed: UInt64, width: Int, height: Int, frameBound: TimeInterval) {
        self.session = session
        self.outputFile = outputFile
        self.random = SplitMix64(seed: seed)
        self.width = width
        self.height = height
        self.frameBound = frameBound
    }

    var totalKeys: Int { keysSent.values.reduce(0, +) }

    /// One step of the soak: mostly a random key, now and then a mark or a resize.
    func step() throws {
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 3 {
            try resizeAndBack()
        } else if roll < 8 {
            let token = try mark(Bool.random(using: &random) ? .character("s") : .character("N"))
            if let token, Bool.random(using: &random) {
                // The same story again at once: its row comes back from a new read of the cache, perhaps
                // before the first mark's write has landed, and must show that mark (issue 18).
                try mark(Bool.random(using: &random) ? .character("s") : .character("N"), on: token)
            }
        } else {
            let key = Self.keys.randomElement(using: &random)!
            try press(key)
            // C asks "y/n": answer it half the time, so marking a whole view happens too.
            if key == .character("C") && Bool.random(using: &random) { try press(.character("y")) }
        }
    }

    /// Sends `key` and waits for the frame it causes.
    func press(_ key: Key) throws {
        let before = try session.screen()
        let bytesBefore = outputSize()
        try send(key)
        keysSent[key.label, default: 0] += 1
        try awaitFrame(after: key.label, screenBefore: before, bytesBefore: bytesBefore)
        // Esc is told apart from the start of an escape sequence by a pause: leave it alone for a moment.
        if key == .escape { Thread.sleep(forTimeInterval: 0.06) }
    }

    /// Sends `key` without waiting: by tmux name, or a character as typed.
    private func send(_ key: Key) throws {
        if let name = Self.tmuxName(key) {
            try session.send(name)
        } else if case .character(let c) = key {
            try session.type(String(c))
        }
    }

    /// Shrinks the terminal to a random size down to 20×5 (every fourth time exactly 20×5), then restores it.
    func resizeAndBack() throws {
        let small = resizes % 4 == 0 ? (20, 5)
            : (Int.random(in: 20...width, using: &random), Int.random(in: 5...height, using: &random))
        narrowed = false
        for (w, h) in [small, (width, height)] {
            let before = try session.screen()
            let bytesBefore = outputSize()
            try session.resize(width: w, height: h)
            resizes += 1
            try awaitFrame(after: "resize to \(w)×\(h)", screenBefore: before, bytesBefore: bytesBefore)
        }
    }

    /// Finds a soak story (`chosen`, else a random one) by searching for its token, presses `key` (s or N)
    /// on it, and records the marks the row then shows. A story not (yet) in the cache is skipped. A row
    /// that comes back showing less than the driver last saw on it is recorded in `staleRows`.
    @discardableResult
    func mark(_ key: Key, on chosen: String? = nil, killing victim: (() throws -> Void)? = nil) throws -> String? {
        markAttempts += 1
        // Out of any prompt, overlay, story or search; a story chosen again follows its mark's Esc at once.
        if chosen == nil { for _ in 0..<3 { try press(.escape) } }
        guard let token = chosen ?? candidates().sorted().randomElement(using: &random) else {
            markMisses["nothing stored yet", default: 0] += 1
            return nil
        }
        try press(.character("/"))
        try session.type(token)
        try press(.enter)
        // The old rows stay until the search's page arrives, and the token's row may be among them: only
        // the results' own count (one story) says that the selected row is the token's.
        guard let before = try waitForRow(token, statusBar: "Search: \(token)  1/1 ", where: { _ in true }) else {
            markMisses["not found by search", default: 0] += 1
            try press(.escape)
            return nil
        }
        if let shown = marks[token], !before.holds(shown) {
            staleRows.append("\(token): \(shown) when marked, \(before) when found again")
        }
        if let victim {
            // The kill test: the mark's key, then the kill while the write may be under way.
            try send(key)
            try victim()
            return token
        }
        try press(key)
        let changed = try waitForRow(token) { row in
            key == .character("s") ? row.isStarred != before.isStarred : row.isRead != before.isRead
        }
        if let changed {
            // Not waited for in the cache: the next search may reload the list while this mark still waits
            // behind a refresh holding the writer, and must show it (issue 18). The end checks the cache.
            marks[token] = SoakCache.Marks(isRead: changed.isRead, isStarred: changed.isStarred)
            marksMade += 1
        } else {
            // The key may still act after the wait, so what the row shows is no longer known: an earlier
            // mark of this story cannot be held against the cache. The misses are counted in the summary.
            markMisses["row unchanged", default: 0] += 1
            marks[token] = nil
        }
        try press(.escape)
        return changed == nil ? nil : token
    }

    /// Forgets the expected marks of `token` (a mark whose write a kill may have cut short).
    func forget(_ token: String) { marks[token] = nil }

    /// The marks a headline row shows: ★ in the first column, ● in the second for an unread story.
    private func rowMarks(_ screen: [String], token: String) -> SoakCache.Marks? {
        for line in screen {
            guard let range = line.range(of: "Harbour report \(token) ") else { continue }
            let prefix = line[..<range.lowerBound]
            // The story's own header in the article pane has no marks before it; the list row has two columns.
            guard prefix.count <= 4 else { continue }
            return SoakCache.Marks(isRead: !prefix.contains("●"), isStarred: prefix.contains("★"))
        }
        return nil
    }

    /// Polls for a settled screen whose row of `token` satisfies `condition` (and whose status bar, the last
    /// line, holds `statusBar` when given), for at most `frameBound` × 3 (a search is a query, then a frame).
    private func waitForRow(_ token: String, statusBar: String? = nil,
                            where condition: (SoakCache.Marks) -> Bool) throws -> SoakCache.Marks? {
        let deadline = Date().addingTimeInterval(max(2, frameBound * 3))
        var previous: [String] = []
        while Date() < deadline {
            let screen = try session.screen()
            if screen == previous, statusBar.map({ screen.last?.contains($0) == true }) ?? true,
               let marks = rowMarks(screen, token: token), condition(marks) { return marks }
            previous = screen
            Thread.sleep(forTimeInterval: 0.03)
        }
        return nil
    }

    /// Waits for the frame a key causes. A key that changes nothing draws nothing, so when the screen stays
    /// the same for `quietWindow` the driver narrows the terminal by one column (or widens it back), which
    /// the reader must answer with a frame; it handles input in order, so that frame also comes after the
    /// key's. The time from the key to the first frame after it is what must stay within `frameBound`.
    private func awaitFrame(after what: String, screenBefore: [String], bytesBefore: Int) throws {
        let start = Date()
        if try pollForFrame(until: start.addingTimeInterval(Self.quietWindow), screenBefore: screenBefore,
                            bytesBefore: bytesBefore) {
            note(Date().timeIntervalSince(start), what)
            return
        }
        let screen = try session.screen()
        let bytes = outputSize()
        narrowed.toggle()
        try session.resize(width: narrowed ? width - 1 : width, height: height)
        livenessChecks += 1
        let drawn = try pollForFrame(until: start.addingTimeInterval(max(frameBound, 1) * 10), screenBefore: screen,
                                     bytesBefore: bytes)
        note(drawn ? Date().timeIntervalSince(start) : .infinity, what + " (then a one-column resize)")
    }

    /// How long a key may leave the screen unchanged before the driver asks for a frame.
    static let quietWindow: TimeInterval = 0.25

    private func pollForFrame(until deadline: Date, screenBefore: [String], bytesBefore: Int) throws -> Bool {
        repeat {
            if outputSize() > bytesBefore { return true }
            if try session.screen() != screenBefore { return true }
            if session.exitIfEnded() != nil { return true }  // reported by the soak's next check
            Thread.sleep(forTimeInterval: 0.02)
        } while Date() < deadline
        return false
    }

    private func note(_ seconds: TimeInterval, _ what: String) {
        slowestFrame = max(slowestFrame, seconds)
        if seconds > frameBound {
            lateFrames.append(seconds.isFinite ? String(format: "%@: %.2f s", what, seconds) : "\(what): no frame")
        }
    }

    func outputSize() -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: outputFile.path))?[.size] as? Int) ?? 0
    }
}
