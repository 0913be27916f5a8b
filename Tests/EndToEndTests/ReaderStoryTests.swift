import Foundation
import Testing

/// The reader's user stories on the bundled sample edition (`gazette --demo`), in tmux at 160×48.
@Suite("Reading the sample edition")
struct ReaderStoryTests {
    static let seedHeadline = "Surprise turnaround of Ukraine invasion"
    static let seedBodyText = "White House admitted on Monday"

    @Test("Browse, read full-screen, go back, show comments, resize, quit")
    func browseReadComment() throws {
        let session = try TmuxSession.demo()
        defer { session.close() }
        let list = try #require(try session.waitFor(Self.seedHeadline))

        // ↓ moves the selection: at least two rows change (the one left and the one reached).
        let before = try session.styledScreen()
        try session.send("Down")
        let moved = try session.waitUntil("the selection to move") { _ in
            let after = (try? session.styledScreen()) ?? before
            return Self.changedRows(before, after) >= 2
        }
        #expect(moved != nil)
        try session.send("Up")

        // Enter on the seed shows it full-screen (the list gone); find it from the top of the list.
        let headlines = Self.headlineRows(list)
        try session.send("Home")
        let article = try openSeedStory(session, headlines: headlines)
        #expect(article.map { $0.contains { $0.contains(Self.seedBodyText) } } == true)

        // Esc returns to the list.
        try session.send("Escape")
        try session.waitUntil("the headline list again") { screen in
            Self.showsList(screen, headlines) && screen.contains { $0.contains(Self.seedHeadline) }
        }

        // c shows the comment pane with both comments.
        try session.send("c")
        try session.waitUntil("both comments (imoyaro, Tænk)") { screen in
            screen.contains { $0.contains("imoyaro") } && screen.contains { $0.contains("Tænk") }
        }

        // Resizing keeps the panes readable.
        try session.resize(width: 80, height: 24)
        let medium = try #require(try session.waitUntil("the 80×24 layout") { screen in
            screen.count == 24 && screen.contains { $0.contains("imoyaro") || $0.contains("Surprise") }
        })
        #expect(ScreenChecks.overflowingRows(medium, width: 80).isEmpty)
        try session.resize(width: 50, height: 15)
        let small = try #require(try session.waitUntil("the 50×15 layout") { screen in
            screen.count == 15 && screen.contains { $0.contains("imoyaro") || $0.contains("Surprise") }
        })
        #expect(ScreenChecks.overflowingRows(small, width: 50).isEmpty)
        #expect(!small.contains { $0.lowercased().contains("too small") })

        // q quits (Esc first, in case the comment pane has focus) with status 0, terminal restored.
        try session.resize(width: 160, height: 48)
        try session.waitFor(Self.seedHeadline)
        try session.send("Escape")
        var exit: TmuxSession.Exit?
        for _ in 0..<3 where exit == nil {
            try session.send("q")
            for _ in 0..<40 where exit == nil {
                exit = session.exitIfEnded()
                Thread.sleep(forTimeInterval: TmuxSession.pollInterval)
            }
        }
        let lastScreen = try session.screen()
        let ended = try #require(exit, "q did not quit; screen:\n\(TmuxSession.framed(lastScreen))")
        #expect(ended.status == 0)
        try expectRestored(session, ended)
    }

    @Test("SIGTERM while reading restores the terminal and exits with status 143")
    func terminateSignal() throws {
        let session = try TmuxSession.demo()
        defer { session.close() }
        try session.waitFor(Self.seedHeadline)
        try session.signal(SIGTERM)
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 128 + SIGTERM)
        try expectRestored(session, exit)
    }

    @Test("A terminal smaller than 40×10 shows 'terminal too small', and the reader comes back when it grows")
    func tooSmall() throws {
        let session = try TmuxSession.demo()
        defer { session.close() }
        try session.waitFor(Self.seedHeadline)
        try session.resize(width: 39, height: 9)
        let small = try #require(try session.waitUntil("'terminal too small'") { screen in
            screen.contains { $0.lowercased().contains("terminal too small") }
        })
        #expect(ScreenChecks.overflowingRows(small, width: 39).isEmpty)
        try session.resize(width: 160, height: 48)
        try session.waitFor(Self.seedHeadline)
        #expect(session.exitIfEnded() == nil, "the reader ended")
    }

    @Test("Starting in a terminal smaller than 40×10 shows 'terminal too small' without crashing")
    func startsTooSmall() throws {
        let session = try TmuxSession.demo(width: 30, height: 8)
        defer { session.close() }
        try session.waitUntil("'terminal too small'") { screen in
            screen.contains { $0.lowercased().contains("too small") }
        }
        try session.resize(width: 160, height: 48)
        try session.waitFor(Self.seedHeadline)
    }

    // MARK: helpers

    /// Rows whose styled text differs between two captures.
    static func changedRows(_ a: [String], _ b: [String]) -> Int {
        zip(a, b).filter { $0 != $1 }.count + abs(a.count - b.count)
    }

    /// The title starts of the list screen's rows (see `rowStart`), where the headline pane is: in the
    /// list view they come back, in the full-screen article they are gone. Rows of the seed story and short
    /// rows are left out.
    static func headlineRows(_ list: [String]) -> [String] {
        list.map(rowStart)
            .filter { $0.trimmingCharacters(in: .whitespaces).count >= 12 && !$0.contains("Surprise") }
    }

    /// A headline row's title start, without the mark column (`●` unread, `★` starred): opening a story
    /// marks it read, so the marks change while the titles stay.
    static func rowStart(_ row: String) -> String {
        String(row.dropFirst(3).prefix(27))
    }

    /// Whether at least half of the list's row starts are on screen again.
    static func showsList(_ screen: [String], _ headlines: [String]) -> Bool {
        let starts = Set(screen.map(rowStart))
        let found = headlines.filter { starts.contains($0) }.count
        return !headlines.isEmpty && found * 2 >= headlines.count
    }

    /// Opens stories from the current selection downwards until the seed story is shown full-screen (its
    /// headline on screen and the list gone); returns the screen once its body text is visible. The sample
    /// edition has at least 13 stories, so at most 16 are tried.
    private func openSeedStory(_ session: TmuxSession, headlines: [String]) throws -> [String]? {
        for attempt in 0..<16 {
            try session.send("Enter")
            guard let opened = try session.waitUntil("a story to open full-screen (attempt \(attempt + 1))",
                                                     settled: true, {
                !Self.showsList($0, headlines) && ($0.first?.contains("full screen") ?? false)
            }) else { return nil }
            // The full-screen article's title is the row under the pane's header.
            if opened.count > 1 && opened[1].contains(Self.seedHeadline) {
                return try session.waitFor(Self.seedBodyText)
            }
            try session.send("Escape")
            try session.waitUntil("the list after Esc", settled: true) { Self.showsList($0, headlines) }
            try session.send("Down")
        }
        Issue.record("no story among the first 16 showed \"\(Self.seedHeadline)\" full-screen")
        return nil
    }
}
