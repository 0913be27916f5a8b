import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

/// The feed list with sync accounts: each account a heading with its state, its feeds under it.
@Suite("render: sync accounts in the feed list")
struct RenderSyncedFeedsTests {
    let theme = Theme.builtinDefault
    static let now = Fixtures.now

    static let directory = FeedDirectory(
        feeds: [
            Feed(id: FeedID(1), url: "https://local.example/feed", title: "Local desk", unreadCount: 1, totalCount: 2),
            Feed(id: FeedID(2), url: "sync:home/feed/1", kind: .synced, title: "Harbour news",
                 siteURL: "https://harbour.example/", unreadCount: 2, totalCount: 5, account: "home"),
            Feed(id: FeedID(3), url: "sync:tiny/7", kind: .synced, title: "Valley gazette", unreadCount: 0,
                 totalCount: 1, account: "tiny"),
            Feed(id: FeedID(4), url: "sync:flux/9", kind: .synced, title: "Tide tables", unreadCount: 0,
                 totalCount: 0, account: "flux"),
        ],
        tags: [], starred: 0, starredUnread: 0,
        accounts: [
            SyncAccountStatus(name: "flux", kind: "miniflux", lastError: "the server refused user 'reader' and its password",
                              problem: .wrongPassword),
            SyncAccountStatus(name: "home", kind: "greader", lastSynced: now.addingTimeInterval(-3600),
                              lastError: "the server answered HTTP 503 (busy)", problem: .busy,
                              retryAfter: now.addingTimeInterval(600), queuedMarks: 2),
            SyncAccountStatus(name: "tiny", kind: "ttrss", lastSynced: now.addingTimeInterval(-300)),
        ])

    func state(width: Int = 160, height: Int = 48) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(Self.directory))
        return state
    }

    @Test("each account is a heading with how its last sync went; its feeds are indented under it")
    func headings() {
        let lines = render(state(), theme: theme).lines
        #expect(lines[3].hasPrefix("   Local desk"))
        #expect(lines[4].hasPrefix(" ! flux · wrong password"))
        #expect(lines[5].hasPrefix("     Tide tables"))
        #expect(lines[6].hasPrefix(" ! home · busy · retry after 22:23 · 2 marks to send"))
        #expect(lines[6].contains("2/5"))
        #expect(lines[7].hasPrefix("     Harbour news"))
        #expect(lines[8].hasPrefix("   tiny · synced 5m ago"))
        #expect(lines[9].hasPrefix("     Valley gazette"))
    }

    @Test("the selected heading spells out the account's error, or its protocol and last sync")
    func detail() {
        var state = state(width: 100, height: 30)
        for _ in 0..<5 { _ = update(&state, .keyPressed(.down)) }
        #expect(state.views.feedList?.selectedEntry?.kind == .account("home"))
        let detailRow = 30 - 1 - FeedListState.detailRows + 1
        #expect(render(state, theme: theme).lines[detailRow].contains(
            "Sync of home failed: the server answered HTTP 503 (busy) (last synced 2023-11-14 21:13"))
        _ = update(&state, .keyPressed(.down))
        #expect(render(state, theme: theme).lines[detailRow].contains("Sync of home failed"),
                "a feed of a failing account shows the account's error")
        _ = update(&state, .keyPressed(.down))
        #expect(render(state, theme: theme).lines[detailRow].contains("tiny: ttrss account, last synced 2023-11-14 22:08"))
        _ = update(&state, .keyPressed(.down))
        #expect(!render(state, theme: theme).lines[detailRow].contains("Sync of"))
    }

    @Test("a narrow feed list cuts the account's state, never the counts")
    func narrow() {
        let lines = render(state(width: 50, height: 20), theme: theme).lines
        let home = lines.first { $0.contains("home") } ?? ""
        #expect(home.contains("2/5"))
        #expect(lines.allSatisfy { DisplayWidth.width(of: $0) <= 50 })
    }
}
