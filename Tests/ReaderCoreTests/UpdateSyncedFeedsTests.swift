import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// Synced feeds in the reader: the feed list groups them under their account with its state, and `r` on
/// one syncs its account.
@Suite("update: synced feeds and their accounts")
struct UpdateSyncedFeedsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A local feed, two feeds of account "home" (failing, busy) and one of "tiny" (fine).
    static let directory = FeedDirectory(
        feeds: [
            Feed(id: FeedID(1), url: "https://local.example/feed", title: "Local desk", unreadCount: 1, totalCount: 2),
            Feed(id: FeedID(2), url: "sync:home/feed/1", kind: .synced, title: "Harbour news", unreadCount: 2,
                 totalCount: 5, account: "home"),
            Feed(id: FeedID(3), url: "sync:tiny/7", kind: .synced, title: "Valley gazette", unreadCount: 0,
                 totalCount: 1, account: "tiny"),
            Feed(id: FeedID(4), url: "sync:home/feed/2", kind: .synced, title: "Tide tables", unreadCount: 1,
                 totalCount: 1, account: "home"),
        ],
        tags: [], starred: 0, starredUnread: 0,
        accounts: [
            SyncAccountStatus(name: "home", kind: "greader", lastSynced: now.addingTimeInterval(-3600),
                              lastError: "the server answered HTTP 503 (busy)", problem: .busy,
                              retryAfter: now.addingTimeInterval(600), queuedMarks: 2),
            SyncAccountStatus(name: "tiny", kind: "ttrss", lastSynced: now.addingTimeInterval(-300)),
        ])

    static func withFeedList() -> AppState {
        var state = Fixtures.loadedState()
        state.refresh.unavailableReason = nil
        _ = update(&state, .keyPressed(.character("F")))
        _ = update(&state, .feedListLoaded(directory))
        return state
    }

    /// A loaded reader after R.
    static func refreshingAll() -> AppState {
        var state = Fixtures.loadedState()
        state.refresh.unavailableReason = nil
        _ = update(&state, .keyPressed(.character("R")))
        return state
    }

    /// A reader that has just started and is fetching new subscriptions (and syncing every account).
    static func starting() -> AppState {
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: now)
        state.refresh.fetchesNewSubscriptionsOnStart = true
        _ = update(&state, .started)
        return state
    }

    static func refreshScope(_ effects: [Effect]) -> RefreshScope? {
        for effect in effects { if case .refresh(let request) = effect { return request.scope } }
        return nil
    }

    @Test("the urls file's feeds come first; each account follows as a heading with its own feeds, counted")
    func groupsByAccount() {
        let entries = FeedListState.entries(for: Self.directory)
        #expect(entries.map(\.title.text) == ["All stories", "Starred", "Local desk", "home", "Harbour news",
                                               "Tide tables", "tiny", "Valley gazette"])
        let home = entries[3]
        #expect(home.kind == .account("home"))
        #expect(home.unread == 3 && home.total == 6)
        #expect(home.error?.text == "the server answered HTTP 503 (busy)")
        #expect(home.sync?.retryAfter == Self.now.addingTimeInterval(600))
        #expect(entries[4].account == "home" && entries[7].account == "tiny")
        #expect(entries[2].account == nil)
        #expect(entries[0].unread == 4 && entries[0].total == 9)
    }

    @Test("an account the cache knows without feeds (its first sync failed) still has its heading")
    func accountWithoutFeeds() {
        let directory = FeedDirectory(feeds: [], tags: [], starred: 0, starredUnread: 0, accounts: [
            SyncAccountStatus(name: "flux", kind: "miniflux", lastError: "the server refused user 'reader'",
                              problem: .wrongPassword),
        ])
        let entries = FeedListState.entries(for: directory)
        #expect(entries.map(\.kind) == [.all, .starred, .account("flux")])
    }

    @Test("r on an account's heading or on one of its feeds syncs that account; on a local feed it refreshes it")
    func rSyncsTheAccount() throws {
        var state = Self.withFeedList()
        for _ in 0..<3 { _ = update(&state, .keyPressed(.down)) }
        #expect(state.views.feedList?.selectedEntry?.kind == .account("home"))
        #expect(Self.refreshScope(update(&state, .keyPressed(.character("r")))) == .account("home"))
        #expect(state.refresh.statusText == "syncing account home…")
        let running = try #require(state.refresh.running)
        _ = update(&state, .refreshFinished(running.id, RefreshTally(done: 1, total: 1, newStories: 3)))
        #expect(state.status?.text == "synced account home: 3 new")

        _ = update(&state, .keyPressed(.end))
        #expect(Self.refreshScope(update(&state, .keyPressed(.character("r")))) == .account("tiny"))
        let second = try #require(state.refresh.running)
        _ = update(&state, .refreshFinished(second.id, RefreshTally(
            done: 1, total: 1, errors: 1, firstError: "account tiny could not be reached: connection refused")))
        #expect(state.status?.text == "synced account tiny: 0 new, 1 error (account tiny could not be reached: connection refused)")

        _ = update(&state, .keyPressed(.home))
        _ = update(&state, .keyPressed(.down))
        _ = update(&state, .keyPressed(.down))
        #expect(Self.refreshScope(update(&state, .keyPressed(.character("r")))) == .feed(FeedID(1), title: "Local desk"))
    }

    @Test("Enter on an account's heading shows the stories of all the account's feeds, titled by its name")
    func enterOnHeading() throws {
        var state = Self.withFeedList()
        for _ in 0..<3 { _ = update(&state, .keyPressed(.down)) }
        #expect(state.views.feedList?.selectedEntry?.kind == .account("home"))
        let request = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.enter))))
        #expect(request.query == HeadlineQuery(scope: .account("home")))
        #expect(state.views.feedList == nil)
        #expect(state.viewTitle == "home")
        // q goes back to all stories, as from a feed or a tag.
        let back = try #require(Fixtures.headlineRequest(update(&state, .keyPressed(.character("q")))))
        #expect(back.query.scope == .all)
    }

    @Test("r on a story of a synced feed: the runtime's tally names the account, and the status bar says so")
    func rOnASyncedStory() throws {
        var state = Fixtures.loadedState()
        state.refresh.unavailableReason = nil
        let scope = try #require(Self.refreshScope(update(&state, .keyPressed(.character("r")))))
        #expect(scope == .feed(FeedID(1), title: "Wire"))
        let running = try #require(state.refresh.running)
        _ = update(&state, .refreshProgressed(running.id, RefreshTally(done: 0, total: 0, syncedAccount: "home"),
                                             at: Self.now))
        #expect(state.refresh.statusText == "syncing account home (for Wire)…")
        _ = update(&state, .refreshFinished(running.id, RefreshTally(done: 1, total: 1, newStories: 1,
                                                                    syncedAccount: "home")))
        #expect(state.status?.text == "synced account home (for Wire): 1 new")
    }

    @Test("the help for r says a synced feed syncs its account, in the list and in the feed list")
    func helpSaysSo() {
        for pane in Pane.allCases {
            #expect(Keymap.standard.bindings(for: pane).contains { binding in
                binding.command == .refreshFeed && binding.command.summary(in: pane).contains("synced: sync its account")
            }, "\(pane)")
        }
        #expect(Command.refreshFeed.feedListSummary.contains("synced: sync its account"))
    }

    @Test("a refresh ending while the feed list is open reloads it, and the selection stays on its entry")
    func listReloadsAfterARefresh() throws {
        var state = Self.withFeedList()
        for _ in 0..<6 { _ = update(&state, .keyPressed(.down)) }
        #expect(state.views.feedList?.selectedEntry?.kind == .account("tiny"))
        _ = update(&state, .keyPressed(.character("r")))
        let running = try #require(state.refresh.running)
        let effects = update(&state, .refreshFinished(running.id, RefreshTally(done: 1, total: 1, accounts: 1)))
        #expect(effects.contains(.loadFeedList))
        var changed = Self.directory
        changed.accounts[1].lastError = "cannot reach the server: connection refused"
        changed.accounts[1].problem = .unreachable
        _ = update(&state, .feedListLoaded(changed))
        let selected = try #require(state.views.feedList?.selectedEntry)
        #expect(selected.kind == .account("tiny"))
        #expect(selected.sync?.problem == .unreachable)
    }

    @Test("summaries count feeds and accounts apart: R, and the start, which syncs every account")
    func summariesCountAccounts() throws {
        var state = Self.refreshingAll()
        let all = try #require(state.refresh.running)
        _ = update(&state, .refreshFinished(all.id, RefreshTally(done: 5, total: 5, newStories: 7, accounts: 2)))
        #expect(state.status?.text == "refreshed 3 feeds and synced 2 accounts: 7 new")

        var starting = Self.starting()
        let start = try #require(starting.refresh.running)
        _ = update(&starting, .refreshFinished(start.id, RefreshTally(done: 1, total: 1, newStories: 4, accounts: 1)))
        #expect(starting.status?.text == "synced 1 account: 4 new")
    }

    @Test("once the feeds are done, the status bar says the accounts are syncing")
    func syncingAccountsShows() throws {
        var state = Self.refreshingAll()
        let all = try #require(state.refresh.running)
        var tally = RefreshTally(done: 3, total: 3, newStories: 2)
        tally.isSyncingAccounts = true
        _ = update(&state, .refreshProgressed(all.id, tally, at: Self.now))
        #expect(state.refresh.statusText == "refreshed 3/3, 2 new; syncing accounts…")

        var starting = Self.starting()
        let start = try #require(starting.refresh.running)
        var none = RefreshTally(done: 0, total: 0)
        none.isSyncingAccounts = true
        _ = update(&starting, .refreshProgressed(start.id, none, at: Self.now))
        #expect(starting.refresh.statusText == "syncing accounts…")
    }
}
