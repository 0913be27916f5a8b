import Foundation
import Testing
import TestSupport

/// SIGKILL, which nothing can catch, at random moments of `gazette refresh`, `gazette vacuum` and the reader
/// marking stories or refreshing: after every kill the cache is sound, every story once seen stored is still
/// there, and every mark the reader showed and the cache then held is still there. `SOAK_KILLS` kills
/// (12 by default; `make soak` runs 50), from `SOAK_SEED` when set (the seed is printed).
@Suite("Kill tests", .serialized)
struct KillTests {
    /// What the kill interrupts.
    enum Victim: String, CaseIterable {
        case refresh, vacuum, reader
    }

    static let configuration = """
        [reader]
        browser = "true"
        [refresh]
        interval-minutes = 0
        [retention]
        keep-days = 0
        max-per-feed = 0

        """

    @Test("SIGKILL during refresh, vacuum and marks loses nothing stored and leaves the cache sound")
    func killed() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["SOAK_KILLS"].flatMap { Int($0) } ?? 12
        let seed = environment["SOAK_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999)
        print("kill test: seed \(seed) (replay with SOAK_SEED=\(seed)), \(count) kills")
        var random = SplitMix64(seed: seed)
        let server = try SoakServer(seed: seed, feedCount: 24, windowSize: 40, hostile: false)
        defer { server.stop() }
        let folder = try HostileServerCommandTests.Folder(config: Self.configuration,
                                                          urls: server.feedURLs.joined(separator: "\n") + "\n")
        defer { folder.remove() }
        let cache = SoakCache(path: folder.root.appendingPathComponent("data/cache.sqlite").path)
        let binary = try GazetteBinary.path()

        // One whole refresh first, so the first kill has stories to lose and the reader stories to mark.
        let first = try folder.run(["refresh", "--quiet"])
        try #require(first.status == 0, "the first refresh failed: \(first.standardError)")
        var stored = try cache.storyKeys()
        var acknowledged: [String: SoakCache.Marks] = [:]
        var kills: [Victim: Int] = [:]
        var endedFirst: [Victim: Int] = [:]
        // The longest wait before a kill, in microseconds. A vacuum of this cache takes a fraction of a second,
        // a refresh of its 24 feeds about one on a loaded machine; a fast machine finishes sooner, so a process
        // that ends before its kill halves the wait for the next one of its kind.
        var longestWait: [Victim: UInt32] = [.refresh: 1_200_000, .vacuum: 300_000]

        // Rounds go on until `count` kills have landed mid-way (a round whose process ended first does not
        // count), within three times as many rounds.
        var round = 0
        while kills.values.reduce(0, +) < count && round < count * 3 {
            defer { round += 1 }
            let victim = Victim.allCases.randomElement(using: &random)!
            switch victim {
            case .refresh, .vacuum:
                let arguments = victim == .refresh ? ["refresh", "--quiet"] : ["vacuum"]
                let running = try ProcessRunner.start(binary, arguments + folder.arguments)
                usleep(UInt32.random(in: 2_000...longestWait[victim, default: 300_000], using: &random))
                kill(running.pid, SIGKILL)
                let result = running.wait()
                if result.status == 128 + SIGKILL {
                    kills[victim, default: 0] += 1
                } else {
                    // It finished before the kill came: then it must have succeeded.
                    #expect(result.status == 0, "\(victim) ended with \(result.status): \(result.standardError)")
                    endedFirst[victim, default: 0] += 1
                    longestWait[victim] = max(4_000, longestWait[victim, default: 300_000] / 2)
                }
            case .reader:
                let killedReader = try killReader(folder: folder, cache: cache, random: &random,
                                                  acknowledged: &acknowledged)
                if killedReader { kills[.reader, default: 0] += 1 } else { endedFirst[.reader, default: 0] += 1 }
            }

            #expect(try cache.integrityCheck() == ["ok"], "after kill \(round) (\(victim))")
            let now = try cache.storyKeys()
            let lost = stored.subtracting(now)
            #expect(lost.isEmpty, "kill \(round) (\(victim)) lost \(lost.count) stored stories, e.g. \(lost.prefix(3))")
            for (token, marks) in acknowledged.sorted(by: { $0.key < $1.key }) {
                let found = try cache.marks(token: token)
                #expect(found == marks, "kill \(round) (\(victim)): \(token) was \(marks), is \(String(describing: found))")
            }
            stored.formUnion(now)
        }
        let survived = kills.values.reduce(0, +)
        print("""
            kill test summary (seed \(seed)): \(survived) kills survived in \(round) rounds \
            (\(Victim.allCases.map { "\($0.rawValue) \(kills[$0, default: 0])" }.joined(separator: ", "))); \
            ended before the kill: \(endedFirst.values.reduce(0, +)); \(stored.count) stories and \
            \(acknowledged.count) acknowledged marks checked after every kill
            """)
        #expect(survived >= count / 2, "only \(survived) of \(round) rounds were killed mid-way (\(count) wanted)")
    }

    /// Starts the reader, makes one or two marks and waits until another process sees them in the cache
    /// (acknowledged), then kills it just after a further mark's key or an `R` refresh. Returns whether the
    /// kill ended it (rather than its having ended on its own).
    private func killReader(folder: HostileServerCommandTests.Folder, cache: SoakCache, random: inout SplitMix64,
                            acknowledged: inout [String: SoakCache.Marks]) throws -> Bool {
        let session = try TmuxSession(width: 160, height: 48) { _, _ in folder.arguments }
        defer { session.close() }
        try session.waitUntil("the reader's first frame") { $0.last?.contains("help") == true }
        let driver = SoakDriver(session: session, outputFile: session.directory.appendingPathComponent("none"),
                                seed: random.next(), width: 160, height: 48, frameBound: 2)
        driver.candidates = { (try? cache.allMarks().keys.sorted()) ?? [] }
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            guard let token = try driver.mark(Bool.random(using: &random) ? .character("s") : .character("N")),
                  let shown = driver.marks[token] else { continue }
            acknowledged[token] = nil
            for _ in 0..<200 where acknowledged[token] == nil {
                if try cache.marks(token: token) == shown { acknowledged[token] = shown } else { usleep(20_000) }
            }
        }
        let pause = UInt32.random(in: 0...250_000, using: &random)
        let kill = {
            usleep(pause)
            try session.signal(SIGKILL)
        }
        if Bool.random(using: &random) {
            // The kill may cut the write short: this story's marks are no longer known.
            if let token = try driver.mark(Bool.random(using: &random) ? .character("s") : .character("N"), killing: kill) {
                acknowledged[token] = nil
            } else {
                try kill()
            }
        } else {
            try driver.press(.character("R"))
            try kill()
        }
        let exit = try #require(try session.waitForExit())
        return exit.status == 128 + SIGKILL
    }
}
