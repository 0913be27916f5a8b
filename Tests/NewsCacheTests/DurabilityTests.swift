import Foundation
import Testing
import NewsModel
@testable import NewsCache
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Kills a real writer process (`gazette-bench cache-torture`) at random moments and checks the cache after
/// each kill. The binary is found by `BuiltExecutable.gazetteBench`.
@Suite("Durability", .serialized)
struct DurabilityTests {
    static var binary: String? {
        let path = BuiltExecutable.gazetteBench
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @Test("a writer killed at 24 random moments never corrupts the cache nor loses a committed read mark")
    func killedWriter() throws {
        guard let binary = DurabilityTests.binary else {
            Issue.record("gazette-bench not found at \(BuiltExecutable.gazetteBench): build it (`swift build`) or set GAZETTE_BENCH_BIN")
            return
        }
        let directory = try TemporaryDirectory()
        var random = SystemRandomNumberGenerator()
        var confirmed: Set<Int64> = []
        var kills = 0
        for round in 0..<24 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["cache-torture", "--cache", directory.cachePath, "--seed", "\(round)"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Wait for its first confirmed mark (so every round has something to lose), then kill it
            // somewhere in the middle of its writing.
            var early = Data()
            while !String(decoding: early, as: UTF8.self).contains("read ") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                early += chunk
            }
            usleep(UInt32.random(in: 1_000...120_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            kills += process.terminationReason == .uncaughtSignal ? 1 : 0
            let text = String(decoding: early + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("read ") {
                if let id = Int64(line.dropFirst(5)) { confirmed.insert(id) }
            }

            // A new writer can open it at once (the kernel dropped the dead writer's lock), it is sound, every
            // mark the dead writer confirmed is there, and the counters agree with the rows.
            let cache = try NewsCache(path: directory.cachePath)
            #expect(try cache.integrityCheck() == ["ok"])
            for id in confirmed {
                #expect(try cache.story(StoryID(id))?.isRead == true, "read mark on \(id) lost after kill \(round)")
            }
            let feeds = try cache.feeds()
            for feed in feeds {
                let unread = try cache.position(of: HeadlineCursor(date: .distantPast, id: StoryID(0)),
                                                in: HeadlineQuery(scope: .feed(feed.id), unreadOnly: true))
                let total = try cache.position(of: HeadlineCursor(date: .distantPast, id: StoryID(0)),
                                               in: HeadlineQuery(scope: .feed(feed.id)))
                #expect(feed.unreadCount == unread && feed.totalCount == total)
            }
        }
        #expect(kills >= 20)
        #expect(confirmed.count >= 24, "the writer confirmed only \(confirmed.count) marks")
    }
}
