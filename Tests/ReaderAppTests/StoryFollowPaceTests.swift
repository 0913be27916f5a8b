import Foundation
import NewsModel
import ReaderCore
import Testing
@testable import ReaderApp

@Suite("StoryFollowPace: when a held key's stories are read")
struct StoryFollowPaceTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let a = StoryID(rawValue: 1), b = StoryID(rawValue: 2), c = StoryID(rawValue: 3)

    private func at(_ ms: Int) -> Date { start.addingTimeInterval(Double(ms) / 1000) }

    @Test("a press after a pause reads at once; a repeat waits until the keys pause")
    func repeatWaits() {
        var pace = StoryFollowPace(window: 0.1)
        #expect(pace.take([.loadStory(a), .loadComments(a)], at: at(0)) == [.loadStory(a), .loadComments(a)])
        #expect(!pace.isWaiting)
        // A repeat 30 ms later: the reads wait; anything else goes at once.
        #expect(pace.take([.loadStory(b), .loadComments(b), .redraw], at: at(30)) == [.redraw])
        #expect(pace.isWaiting)
        #expect(pace.release(at: at(129)).isEmpty)
        #expect(pace.release(at: at(131)) == [.loadStory(b), .loadComments(b)])
        #expect(!pace.isWaiting)
        #expect(pace.release(at: at(500)).isEmpty)
    }

    @Test("repeats replace the waiting reads: only the story the keys stop on is read")
    func lastOneWins() {
        var pace = StoryFollowPace(window: 0.1)
        _ = pace.take([.loadStory(a)], at: at(0))
        _ = pace.take([.loadStory(b), .loadComments(b)], at: at(40))
        _ = pace.take([.loadStory(c)], at: at(80))
        // The due time moves with each repeat (a millisecond over it: dates of 1.7e9 s round).
        #expect(pace.release(at: at(140)).isEmpty)
        #expect(pace.release(at: at(181)) == [.loadComments(b), .loadStory(c)])
    }

    @Test("a press after the window, before the waiting reads went out, drops the ones it supersedes")
    func laterPressOvertakes() {
        var pace = StoryFollowPace(window: 0.1)
        _ = pace.take([.loadStory(a)], at: at(0))
        _ = pace.take([.loadStory(b)], at: at(50))
        #expect(pace.take([.loadStory(c)], at: at(200)) == [.loadStory(c)])
        #expect(!pace.isWaiting)
        #expect(pace.release(at: at(1000)).isEmpty)
    }

    @Test("no window, or a clock that went back: every read at once")
    func atOnce() {
        var none = StoryFollowPace(window: 0)
        _ = none.take([.loadStory(a)], at: at(0))
        #expect(none.take([.loadStory(b)], at: at(10)) == [.loadStory(b)])
        var back = StoryFollowPace(window: 0.1)
        _ = back.take([.loadStory(a)], at: at(100))
        #expect(back.take([.loadStory(b)], at: at(50)) == [.loadStory(b)])
    }

    @Test("keys without story reads do not count as presses")
    func otherKeys() {
        var pace = StoryFollowPace(window: 0.1)
        #expect(pace.take([.redraw], at: at(0)) == [.redraw])
        #expect(pace.take([.loadStory(a)], at: at(30)) == [.loadStory(a)])
    }
}
