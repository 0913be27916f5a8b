import Foundation
import NewsModel

/// One source of the sample edition: its subscription, its feed document and the comment threads of its
/// stories, as plain values a refresh would have produced.
public struct SampleSource: Sendable {
    /// The subscription's URL in the `sample:` scheme, e.g. `sample:mercopress`.
    public let url: String
    public let title: String
    public let tags: [String]
    /// The feed as a parser would have handed it to the cache; every entry has an id and a comment count.
    public let document: FeedDocument
    /// Each story's comments keyed by `FeedEntry.id`, in thread order (depth-first), `depth` set and
    /// `parentRemoteID` pointing at an earlier comment. A story without comments has no key.
    public let comments: [String: [FetchedComment]]

    /// Sample sources are always of the `sample` kind, so the cache never tries to refresh them over HTTP.
    public var kind: SourceKind { .sample }

    /// Builds a source from its stories, deriving each entry's comment count from its thread so the two can
    /// never disagree.
    init(url: String, title: String, tags: [String], link: String, subtitle: String, stories: [SampleStory]) {
        self.url = url
        self.title = title
        self.tags = tags
        var entries: [FeedEntry] = []
        var comments: [String: [FetchedComment]] = [:]
        for story in stories {
            var entry = story.entry
            entry.commentCount = CommentCount.of(story.comments)
            entries.append(entry)
            if !story.comments.isEmpty, let id = entry.id { comments[id] = story.comments }
        }
        self.document = FeedDocument(title: title, link: link, subtitle: subtitle, id: url,
                                     updated: entries.compactMap(\.published).max(), encoding: "utf-8",
                                     entries: entries)
        self.comments = comments
    }
}

/// One story of a sample source while it is being assembled: the entry and its thread.
struct SampleStory: Sendable {
    var entry: FeedEntry
    var comments: [FetchedComment]
}

/// The bundled sample edition shown by `gazette --demo` and on a first start without subscriptions: the
/// MercoPress story the project started from, and stories written for Gazette that exercise what a terminal
/// reader must draw well (long threads, long articles, CJK, emoji, accents, right-to-left text).
///
/// Everything is fixed: dates are written out, ids are stable strings, nothing reads the clock or the
/// network, so two runs (and every test) see the same edition.
public enum SampleEdition {
    /// Every sample source, in the order they are subscribed.
    public static let sources: [SampleSource] = [mercoPress, terminalTimes, worldDesk, gazetteSampler]

    /// The entry id of the seed story (MercoPress, 8 March 2022), the one the end-to-end tests open.
    public static let seedEntryID = "sample:mercopress/2022/03/08/surprise-turnaround"

    /// A fixed instant in UTC, computed without a calendar object or the current time zone, so the edition
    /// is the same on every machine.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        // Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60))
    }
}
