import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// The initial state has one definition: `AppState(size:now:settings:)`.
@Suite("SessionSettings: the state a session starts in")
struct SessionSettingsTests {
    @Test("Every setting reaches the state it governs")
    func settingsReachState() {
        var settings = SessionSettings(query: HeadlineQuery(scope: .starred), timeZone: .zone(TimeZone(identifier: "Asia/Tokyo")!),
                                       hint: "press a to add")
        settings.markReadOnOpen = false
        settings.themes = ThemeChoice(names: ["default", "mono"], current: 1)
        settings.notice = "theme dusk: no such theme"
        settings.refreshUnavailableReason = "the sample edition does not refresh"
        settings.fetchesNewSubscriptionsOnStart = true
        settings.appliesSubscriptionsOnStart = true
        settings.extractPolicy = ExtractPolicy(defaultMode: .always)
        settings.fetchesComments = true
        settings.commentsMaxAge = 90
        settings.commentsBesideStory = true
        settings.defersArticleBody = true
        let state = AppState(size: TerminalSize(width: 100, height: 30), now: Fixtures.now, settings: settings)
        #expect(state.list.query.scope == .starred)
        #expect(state.timeZone == .zone(TimeZone(identifier: "Asia/Tokyo")!))
        #expect(state.hint == "press a to add")
        #expect(state.now == Fixtures.now)
        #expect(!state.views.markReadOnOpen)
        #expect(state.themes.currentName == "mono")
        #expect(state.status == StatusMessage("theme dusk: no such theme", isError: true))
        #expect(state.refresh.unavailableReason == "the sample edition does not refresh")
        #expect(state.refresh.fetchesNewSubscriptionsOnStart)
        #expect(state.refresh.appliesSubscriptionsOnStart)
        #expect(state.extractPolicy == ExtractPolicy(defaultMode: .always))
        #expect(state.commentFetch.isAvailable && state.commentFetch.followsWidth)
        #expect(state.commentFetch.maxAge == 90)
        #expect(state.articleBody.isDeferred)
    }

    @Test("The short initialiser is the settings one with defaults")
    func shortInitialiser() {
        let size = TerminalSize(width: 80, height: 24)
        #expect(AppState(size: size, hint: "h") == AppState(size: size, now: Date(timeIntervalSince1970: 0),
                                                             settings: SessionSettings(hint: "h")))
        let plain = AppState(size: size)
        #expect(plain.status == nil && !plain.commentFetch.isAvailable && !plain.articleBody.isDeferred)
        #expect(plain.views.markReadOnOpen && plain.refresh.unavailableReason == nil)
    }
}
