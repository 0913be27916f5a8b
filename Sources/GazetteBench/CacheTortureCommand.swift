import ArgumentParser
import Foundation
import NewsCache
import NewsModel

/// `gazette-bench cache-torture`: a writer for the durability test. It stores batches of stories and marks
/// stories read, and after each read mark has committed it prints `read <id>`; the test kills it with
/// SIGKILL at random moments and then checks that every printed mark is still in the cache.
struct CacheTortureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache-torture", abstract: "Write to the cache until killed (durability test).")

    @OptionGroup var location: CacheFileOption

    @Option(help: "Stop after this many rounds (default: run until killed).")
    var rounds: Int?

    @Option(help: "Seed of the pseudo-random choices.")
    var seed: UInt64 = 1

    func run() throws {
        let cachePath = location.path
        let cache = try NewsCache(path: cachePath)
        let feed = try cache.addFeed(url: "torture:feed", title: "Torture")
        var random = SplitMix64(seed: seed ^ UInt64(getpid()))
        let body = String(repeating: "Durability filler text, several pages per batch. ", count: 40)
        var round = 0
        emit("ready")
        while rounds.map({ round < $0 }) ?? true {
            let batch = (0..<20).map { index in
                FeedEntry(id: "\(getpid())-\(round)-\(index)", title: "Round \(round) story \(index)",
                          published: Date(timeIntervalSince1970: 1_790_000_000 + Double(round * 20 + index)),
                          content: "<p>\(body)\(random.next())</p>")
            }
            try cache.store(FeedDocument(entries: batch), feedID: feed, fetchedAt: Date())
            let unread = try cache.headlines(HeadlineQuery(scope: .feed(feed), unreadOnly: true), limit: 40)
            if !unread.isEmpty {
                let pick = unread[Int(random.next() % UInt64(unread.count))]
                try cache.setRead(pick.id, true)
                emit("read \(pick.id)")
                if random.next() % 4 == 0 {
                    try cache.storeComments((0..<5).map { FetchedComment(remoteID: "\($0)", body: body) }, for: pick.id)
                }
            }
            round += 1
        }
    }

    /// One line straight to the file descriptor: the line is out before the next write starts, with no
    /// stdio buffer for SIGKILL to lose.
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// A small, fast, seedable generator (SplitMix64), so benchmark data and torture runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
