import Foundation
import NewsCache
import NewsModel
import ReaderCore

/// The effects of views, marks, the feed list and search.
extension EffectPerformer {
    /// Every mark answers, stored or failed (a feed marked read also reports its new counts), so the state
    /// knows when to stop re-applying it; the feed list always answers.
    static func performViewEffect(_ effect: Effect, store: any ReaderStore) async -> Action? {
        switch effect {
        case .setRead(let id, let isRead):
            do { try await store.setRead(id, isRead); return .markStored(.read(id, isRead)) } catch {
                return .markFailed(.read(id, isRead), message: describe(error))
            }
        case .setStarred(let id, let isStarred):
            do { try await store.setStarred(id, isStarred); return .markStored(.starred(id, isStarred)) } catch {
                return .markFailed(.starred(id, isStarred), message: describe(error))
            }
        case .markFeedRead(let feedID, let query):
            do {
                let changed = try await store.markFeedRead(feedID)
                var unreadQuery = query
                unreadQuery.unreadOnly = true
                let unread = try await store.count(unreadQuery)
                return .feedMarkedRead(feedID, query, changed: changed, unread: unread)
            } catch {
                return .markFailed(.feedRead(feedID), message: describe(error))
            }
        case .markViewRead(let query):
            do { return .viewMarkedRead(query, changed: try await store.markRead(matching: query)) } catch {
                return .markFailed(.viewRead(query), message: describe(error))
            }
        case .findUnread(let id, let query, let cursor, let forward):
            return await findUnread(id, query, cursor, forward: forward, store: store)
        case .checkCache:
            // A failed look is not worth a message: the next tick looks again.
            return (try? await store.changeStamp()).map(Action.cacheChecked)
        case .loadFeedList:
            do {
                return .feedListLoaded(try await store.feedDirectory())
            } catch {
                return .feedListLoaded(FeedDirectory(feeds: [], tags: [], starred: 0, starredUnread: 0,
                                                     failure: describe(error)))
            }
        default:
            return nil
        }
    }

    /// A search view: the best `AppState.searchLimit` matches as one page, ranked, whatever direction was
    /// asked (ranked results have no date order to page by), with each title's matched words.
    static func loadSearch(_ text: String, _ request: HeadlineRequest, store: any ReaderStore) async -> Action {
        do {
            var hits = try await store.search(text, limit: AppState.searchLimit)
            if request.query.unreadOnly { hits = hits.filter { !$0.headline.isRead } }
            var page = HeadlinePage(rows: hits.map(\.headline), startIndex: 0, total: hits.count,
                                    unread: hits.filter { !$0.headline.isRead }.count)
            for hit in hits { page.titleMatches[hit.headline.id] = matchedWords(hit.title) }
            return .headlinesLoaded(request.id, page)
        } catch {
            return .requestFailed(.headlines(request.id), message: describe(error))
        }
    }

    /// The distinct matched parts of a marked title.
    static func matchedWords(_ title: MarkedText) -> [String] {
        let characters = Array(title.text)
        var words: [String] = []
        for range in title.matches where range.lowerBound >= 0 && range.upperBound <= characters.count {
            let word = String(characters[range])
            if !words.contains(word) { words.append(word) }
        }
        return words
    }

    /// The unread story nearest `cursor` in `query`'s order (after it going forward, before it going
    /// back); when the view has none left, the same in all stories.
    static func findUnread(_ id: RequestID, _ query: HeadlineQuery, _ cursor: HeadlineCursor?, forward: Bool,
                           store: any ReaderStore) async -> Action {
        var scopes = [query.scope]
        if query.scope != .all { scopes.append(.all) }
        do {
            for scope in scopes {
                let unread = HeadlineQuery(scope: scope, unreadOnly: true)
                let found: [Headline]
                switch (forward, cursor) {
                case (true, _):
                    found = try await store.headlinePage(unread, cursor.map { .after($0) } ?? .first, limit: 1).rows
                case (false, let cursor?):
                    found = try await store.headlinePage(unread, .before(cursor), limit: 1).rows
                case (false, nil): found = []
                }
                if let headline = found.first {
                    return .unreadFound(id, HeadlineQuery(scope: scope, unreadOnly: scope == query.scope && query.unreadOnly),
                                        headline)
                }
            }
            return .unreadFound(id, query, nil)
        } catch {
            return .unreadFound(id, query, nil)
        }
    }
}
