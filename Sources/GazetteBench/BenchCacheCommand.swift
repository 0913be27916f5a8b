import ArgumentParser
import Foundation
import NewsCache
import NewsModel

/// `gazette-bench cache`: builds a synthetic cache through the real `store` path and times the reads the
/// reader depends on. Deterministic: the same arguments build the same cache.
///
/// The largest feed holds min(20,000, stories/5) stories; the rest are spread evenly over the other feeds.
/// One story in every stories/1,000 carries the word "quetzal", so that search matches about 1,000.
struct BenchCacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Build a synthetic cache and time its reads.")

    @OptionGroup var location: CacheFileOption

    @Option(help: "Stories to generate with --build.")
    var stories = 100_000

    @Option(help: "Feeds to spread them over.")
    var feeds = 500

    @Flag(help: "Generate and store the synthetic feeds (the cache file should not exist yet).")
    var build = false

    @Flag(help: "Time the reads, in-process, and print medians.")
    var measure = false

    @Flag(name: .customLong("first-page"), help: "Open the cache, print the first page of headlines, exit.")
    var firstPage = false

    @Option(help: "Repetitions per measurement.")
    var runs = 7

    func run() throws {
        if build { try buildCache() }
        if measure { try measureReads() }
        if firstPage {
            let cache = try NewsCache(path: location.path)
            let page = try cache.headlines(HeadlineQuery(), limit: 50)
            print(page.map { "\($0.id) \($0.feedTitle): \($0.title)" }.joined(separator: "\n"))
        }
    }

    // MARK: - building

    private func buildCache() throws {
        let start = Date()
        let cache = try NewsCache(path: location.path)
        let largest = min(20_000, stories / 5)
        let others = max(feeds - 1, 1)
        let rest = stories - largest
        var random = SplitMix64(seed: 42)
        let newest = Date(timeIntervalSince1970: 1_790_000_000)
        let stride = max(stories / 1_000, 1)
        var made = 0
        for feedIndex in 0..<feeds {
            let count = feedIndex == 0 ? largest : rest / others + (feedIndex <= rest % others ? 1 : 0)
            let feed = try cache.addFeed(url: "https://bench.example/\(feedIndex)/feed",
                                         tags: [feedIndex % 10 == 0 ? "big" : "tag\(feedIndex % 7)"])
            var offset = 0
            while offset < count {
                let size = min(500, count - offset)
                let entries = (offset..<(offset + size)).map { index -> FeedEntry in
                    let serial = made + index - offset
                    let marker = serial % stride == 0 ? " quetzal" : ""
                    let seconds = Double(random.next() % (365 * 86_400))
                    return FeedEntry(id: "b-\(feedIndex)-\(index)",
                                     title: BenchText.sentence(&random, words: 8) + marker,
                                     link: "https://bench.example/\(feedIndex)/\(index)",
                                     published: newest.addingTimeInterval(-seconds), author: "Author \(serial % 97)",
                                     summary: "<p>" + BenchText.sentence(&random, words: 60) + marker + "</p>",
                                     commentCount: Int(random.next() % 50))
                }
                try cache.store(FeedDocument(title: "Bench feed \(feedIndex)", entries: entries),
                                feedID: feed, fetchedAt: newest)
                made += size
                offset += size
            }
        }
        // A tenth read, so unread-only lists are realistic.
        var marked = 0
        for feed in try cache.feeds() {
            let ids = try cache.headlines(HeadlineQuery(scope: .feed(feed.id)), limit: feed.totalCount / 10).map(\.id)
            try cache.setRead(ids, true)
            marked += ids.count
        }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "built %d stories over %d feeds (%d read) in %.1f s", made, feeds, marked, seconds))
    }

    // MARK: - measuring

    private func measureReads() throws {
        /// Wall time and this thread's CPU time per run: on a shared, loaded machine the wall time includes
        /// waiting for a core, the CPU time does not.
        func median(_ label: String, _ body: () throws -> Void) rethrows {
            var wall: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = threadCPUNanoseconds()
                try body()
                cpu.append(Double(threadCPUNanoseconds() - cpuStart) / 1_000_000)
                wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            wall.sort()
            cpu.sort()
            print(String(format: "%-52@ wall median %8.2f ms (min %7.2f)   cpu median %8.2f ms", label as NSString,
                         wall[wall.count / 2], wall[0], cpu[cpu.count / 2]))
        }
        let path = location.path
        let probe = try NewsCache(path: path, access: .readOnly)
        let all = try probe.count(HeadlineQuery())
        let largest = try probe.feeds().max { $0.totalCount < $1.totalCount }!
        print("cache: \(all) stories, largest feed \(largest.id) with \(largest.totalCount)")
        try median("open + first page (all, 50 rows)") {
            let cache = try NewsCache(path: path, access: .readOnly)
            _ = try cache.headlines(HeadlineQuery(), limit: 50)
        }
        try median("first page of the largest feed") { _ = try probe.headlines(HeadlineQuery(scope: .feed(largest.id)), limit: 50) }
        try median("last page of the largest feed") { _ = try probe.lastPage(HeadlineQuery(scope: .feed(largest.id)), limit: 50) }
        let middle = try probe.headlines(HeadlineQuery(scope: .feed(largest.id)), limit: 50).last.map(HeadlineCursor.init)!
        try median("next page of the largest feed") { _ = try probe.headlines(HeadlineQuery(scope: .feed(largest.id)), after: middle, limit: 50) }
        try median("first page, unread only (all)") { _ = try probe.headlines(HeadlineQuery(unreadOnly: true), limit: 50) }
        try median("first page of tag 'big' (50 feeds)") { _ = try probe.headlines(HeadlineQuery(scope: .tag("big")), limit: 50) }
        try median("count (all)") { _ = try probe.count(HeadlineQuery()) }
        try median("count (largest feed, unread)") { _ = try probe.count(HeadlineQuery(scope: .feed(largest.id), unreadOnly: true)) }
        try median("feeds with unread counts (all feeds)") { _ = try probe.feeds() }
        let hits = try probe.search("quetzal", limit: 50)
        try median("search 'quetzal' (\(try probe.count(HeadlineQuery(scope: .search("quetzal")))) matches, top 50)") {
            _ = try probe.search("quetzal", limit: 50)
        }
        try median("search scope, first page by date") { _ = try probe.headlines(HeadlineQuery(scope: .search("quetzal")), limit: 50) }
        try median("search 'dri' (a very common syllable, top 50)") { _ = try probe.search("dri", limit: 50) }
        try median("position of a cursor in the largest feed") { _ = try probe.position(of: middle, in: HeadlineQuery(scope: .feed(largest.id))) }
        print("search returned \(hits.count) hits; peak RSS \(peakRSSKilobytes()) kB")
    }

    private func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// VmHWM from /proc/self/status: the process's peak resident set.
    private func peakRSSKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        return -1
    }
}

/// Pseudo-words for synthetic stories: syllables drawn from a fixed list, so text is varied and
/// repeatable without shipping a corpus.
enum BenchText {
    private static let syllables = ["lor", "va", "ti", "ken", "mu", "sa", "dri", "po", "nel", "gha", "ri", "tu",
                                    "bes", "cho", "ma", "fen", "qui", "do", "ra", "zen", "lu", "pe", "sor", "an"]

    static func word(_ random: inout SplitMix64) -> String {
        let length = 2 + Int(random.next() % 3)
        return (0..<length).map { _ in syllables[Int(random.next() % UInt64(syllables.count))] }.joined()
    }

    static func sentence(_ random: inout SplitMix64, words: Int) -> String {
        (0..<words).map { _ in word(&random) }.joined(separator: " ")
    }
}
