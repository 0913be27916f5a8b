import Foundation
import NewsModel
import ReaderCore

/// Performs the store-bound effects off the main actor and turns each outcome, failure included, into the
/// action that answers it.
enum EffectPerformer {
    /// A page in the request's direction with the counts and the absolute position of its first row.
    static func loadHeadlines(_ request: HeadlineRequest, store: any ReaderStore) async -> Action {
        if case .search(let text) = request.query.scope { return await loadSearch(text, request, store: store) }
        do {
            return .headlinesLoaded(request.id, try await store.headlinePage(request.query, request.direction,
                                                                            limit: request.limit))
        } catch {
            return .requestFailed(.headlines(request.id), message: describe(error))
        }
    }

    static func loadStory(_ id: StoryID, store: any ReaderStore) async -> Action {
        do { return .storyLoaded(id, try await store.story(id)) } catch {
            return .requestFailed(.story(id), message: describe(error))
        }
    }

    static func loadComments(_ id: StoryID, store: any ReaderStore) async -> Action {
        do { return .commentThreadLoaded(try await store.commentThread(for: id)) } catch {
            return .requestFailed(.comments(id), message: describe(error))
        }
    }

    /// An error in words for the status bar.
    static func describe(_ error: any Error) -> String {
        if let localized = error as? LocalizedError, let text = localized.errorDescription { return text }
        return String(describing: error)
    }
}
