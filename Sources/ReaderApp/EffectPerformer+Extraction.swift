import ArticleText
import Foundation
import NewsModel
import NewsSources
import ReaderCore
import TextSafety

/// Reader mode's effect: fetch the story's page, extract the article, keep the outcome with the story.
extension EffectPerformer {
    /// Fetches `url` with the feeds' fetcher, extracts its article and stores it (or the reason there is
    /// none) so that it reads offline and a failed page is not fetched on every open. A store that cannot
    /// be written (a read-only session) does not stop the article from being shown.
    static func extractArticle(_ id: RequestID, _ storyID: StoryID, url: String, pages: PageFetcher,
                               store: any ReaderStore) async -> Action {
        let outcome = await extraction(of: url, pages: pages)
        guard !Task.isCancelled else { return .articleExtracted(id, storyID, outcome) }
        switch outcome {
        case .article(let html): try? await store.setExtraction(html, note: nil, for: storyID)
        case .failed(let note): try? await store.setExtraction(nil, note: note, for: storyID)
        }
        return .articleExtracted(id, storyID, outcome)
    }

    /// The article of the page at `url` as stored HTML: the lead image's caption first (once; the body
    /// leaves it out), then the body.
    static func extraction(of url: String, pages: PageFetcher) async -> ExtractionOutcome {
        let page: PageDocument
        do {
            page = try await pages.fetch(url)
        } catch {
            return .failed(note: error.description)
        }
        let article = ArticleExtractor.extract(html: page.html, url: page.url ?? url)
        guard !article.isEmpty, !article.html.isEmpty else {
            return .failed(note: "no article found on the page (it may need scripts or a subscription)")
        }
        var html = ""
        if let caption = article.leadCaption {
            html = "<figure><figcaption>" + EntityText.escape(caption) + "</figcaption></figure>"
        }
        return .article(html: html + article.html)
    }

    /// How many stories one background pass looks at, and how many pages it fetches at once (the
    /// fetcher's per-host limit keeps each site to a couple of requests at a time besides).
    static let prefetchLimit = 30
    static let prefetchWidth = 4

    /// Fetches and stores the articles of the newest unread stories of `always` feeds, a few at a time.
    static func prefetchArticles(_ policy: ExtractPolicy, pages: PageFetcher, store: any ReaderStore) async {
        guard let candidates = try? await store.extractionCandidates(limit: prefetchLimit * 4) else { return }
        let wanted = candidates.filter { policy.mode(forFeedURL: $0.feedURL) == .always }.prefix(prefetchLimit)
        await withTaskGroup(of: Void.self) { group in
            var started = 0
            for candidate in wanted {
                if started >= prefetchWidth { await group.next() }
                started += 1
                group.addTask {
                    guard !Task.isCancelled else { return }
                    switch await extraction(of: candidate.link, pages: pages) {
                    case .article(let html): try? await store.setExtraction(html, note: nil, for: candidate.storyID)
                    case .failed(let note): try? await store.setExtraction(nil, note: note, for: candidate.storyID)
                    }
                }
            }
        }
    }
}
