import Foundation
import Testing
import TestSupport

/// How long and how hard the soak runs, from the environment: `SOAK_SECONDS` (the soak runs only when it is
/// set: `make soak` sets 600, `make test` 60), `SOAK_SEED` (printed by every run, to replay one),
/// `SOAK_FRAME_SECONDS` (the longest a key may wait for its frame, 1), `SOAK_MAX_SLOPE_KB_PER_MIN` (the
/// largest memory trend after warm-up, 4096).
struct SoakSettings {
    let seconds: Double
    let seed: UInt64
    let frameBound: Double
    let maxSlope: Double

    static var current: SoakSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let seconds = environment["SOAK_SECONDS"].flatMap(Double.init), seconds > 0 else { return nil }
        return SoakSettings(seconds: seconds,
                            seed: environment["SOAK_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999),
                            frameBound: environment["SOAK_FRAME_SECONDS"].flatMap(Double.init) ?? 1,
                            maxSlope: environment["SOAK_MAX_SLOPE_KB_PER_MIN"].flatMap(Double.init) ?? 4096)
    }
}

/// The soak: the real reader in tmux, driven by `SoakDriver` against `SoakServer`, with `gazette refresh`
/// run beside it now and then and another connection holding the cache's writer at times (`WriterHolds`); crashes, hangs, memory growth, escaped sequences, a terminal left unrestored,
/// a damaged cache or a lost mark fail it. Runs only when `SOAK_SECONDS` is set (`make test`, `make soak`).
@Suite("Soak", .serialized, .enabled(if: SoakSettings.current != nil))
struct SoakTests {
    static let configuration = """
        [reader]
        browser = "true"
        [refresh]
        interval-minutes = 1
        timeout-seconds = 2
        max-feed-size-mb = 1
        jobs = 8
        [retention]
        keep-days = 0
        max-per-feed = 0

        """

    @Test("The reader survives random keys, resizes and refreshes against a server of faults and hostile feeds")
    func soak() throws {
        let settings = try #require(SoakSettings.current)
        print("soak: seed \(settings.seed) (replay with SOAK_SEED=\(settings.seed)), \(Int(settings.seconds)) s, "
              + "load \(Self.loadAverage())")
        let server = try SoakServer(seed: settings.seed)
        defer { server.stop() }
        let folder = try HostileServerCommandTests.Folder(config: Self.configuration,
                                                          urls: server.feedURLs.joined(separator: "\n") + "\n")
        defer { folder.remove() }
        let cache = SoakCache(path: folder.root.appendingPathComponent("data/cache.sqlite").path)
        let output = folder.root.appendingPathComponent("terminal-output")
        let width = 160, height = 48

        let session = try TmuxSession(width: width, height: height) { _, _ in folder.arguments }
        defer { session.close() }
        try session.recordOutput(to: output)
        let titleBefore = try session.format("#{pane_title}")
        let pid = try #require(session.programPID())
        try session.waitUntil("the reader's first frame") { $0.last?.contains("help") == true }

        let refreshes = BackgroundRefreshes(folder: folder, seed: settings.seed)
        refreshes.start()
        let holds = WriterHolds(cache: cache, seed: settings.seed)
        holds.start()
        let driver = SoakDriver(session: session, outputFile: output, seed: settings.seed, width: width,
                                height: height, frameBound: settings.frameBound)
        driver.candidates = { (try? cache.allMarks().keys.sorted()) ?? [] }
        var memory = MemorySamples()
        var scanned = 0
        var findings: [TerminalOutputScan.Finding] = []
        let start = Date()
        var nextSample = 0.0, nextScan = 10.0
        while Date().timeIntervalSince(start) < settings.seconds {
            if let exit = session.exitIfEnded() {
                let screen = TmuxSession.framed(try session.screen())
                Issue.record(Comment(rawValue: "the reader ended (status \(exit.status)) after \(driver.totalKeys) "
                                     + "keys; screen:\n" + screen))
                break
            }
            try driver.step()
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= nextSample, let kilobytes = MemorySamples.residentKilobytes(of: pid) {
                memory.add(seconds: elapsed, kilobytes: kilobytes)
                nextSample = elapsed + 2
            }
            if elapsed >= nextScan {
                findings += Self.scan(output, from: &scanned)
                nextScan = elapsed + 10
            }
        }
        refreshes.stop()
        holds.stop()

        // Quit: out of whatever the driver left open, then q until the reader ends.
        for _ in 0..<3 { try driver.press(.escape) }
        for _ in 0..<6 where session.exitIfEnded() == nil {
            try session.send("q")
            Thread.sleep(forTimeInterval: 0.3)
        }
        let exit = try #require(try session.waitForExit())
        #expect(exit.status == 0, "the reader ended with status \(exit.status)")
        try expectRestored(session, exit)
        #expect(try session.format("#{pane_title}") == titleBefore, "the terminal's title changed")
        findings += Self.scan(output, from: &scanned)
        #expect(findings.isEmpty, "sequences reached the terminal: \(findings.prefix(10))")

        #expect(try cache.integrityCheck() == ["ok"])
        let stored = try cache.allMarks()
        var lost: [String] = []
        for (token, expected) in driver.marks.sorted(by: { $0.key < $1.key }) {
            guard let marks = stored[token] else { lost.append("\(token): story gone"); continue }
            if !marks.holds(expected) {
                lost.append("\(token): shown \(expected), stored \(marks)")
            }
        }
        #expect(lost.isEmpty, "marks the reader showed are not in the cache: \(lost)")
        let found = driver.marks.keys.filter { stored[$0] != nil }.count
        #expect(driver.staleRows.isEmpty, "rows came back without the mark last made on them: \(driver.staleRows)")
        #expect(driver.marksMade > 0, "no mark was made in \(driver.markAttempts) attempts")

        #expect(driver.lateFrames.isEmpty,
                "\(driver.lateFrames.count) keys waited more than \(settings.frameBound) s for a frame: \(driver.lateFrames.prefix(10))")
        let warmUp = max(20, settings.seconds / 4)
        let slope = memory.slope(after: warmUp)
        if let slope {
            #expect(slope <= settings.maxSlope, "memory grows by \(Int(slope)) KB/min after warm-up")
        }
        #expect(refreshes.crashes.isEmpty, "gazette refresh crashed: \(refreshes.crashes)")

        let faults = server.counts.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        let keys = driver.keysSent.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("""
            soak summary (seed \(settings.seed), \(Int(Date().timeIntervalSince(start))) s, load \(Self.loadAverage())):
              keys sent: \(driver.totalKeys) (\(keys)); held back: q, Ctrl-C (quit), s and N (sent as marks)
              resizes: \(driver.resizes); marks made: \(driver.marksMade) of \(driver.markAttempts) attempts \
            (missed: \(driver.markMisses)); one-column resizes to get a frame from a key that changed nothing: \
            \(driver.livenessChecks)
              marks checked in the cache at the end (each story's last): \(driver.marks.count), \
            found \(found), disagreeing with the screen \(lost.count - (driver.marks.count - found)); rows found again \
            without their last mark: \(driver.staleRows.count)
              answers served by kind: \(faults)
              faults injected: \(server.counts.filter { $0.key.isFault }.values.reduce(0, +))
              memory: \(memory.samples.first?.kilobytes ?? 0) KB at start, peak \(memory.peakKilobytes) KB, \
            slope after \(Int(warmUp)) s: \(slope.map { String(format: "%.0f KB/min", $0) } ?? "n/a")
              slowest frame after a key: \(String(format: "%.3f s", driver.slowestFrame)); late frames: \(driver.lateFrames.count)
              the cache's writer held by another connection \(holds.count) times (\(String(format: "%.1f", holds.seconds)) s in all)
              refreshes run: \(refreshes.runs) by `gazette refresh` beside the reader (exit statuses \(refreshes.statuses)), \
            \(driver.keysSent["R", default: 0] + driver.keysSent["r", default: 0]) r/R keys in the reader
              terminal output scanned: \(scanned) bytes, \(findings.count) injected sequences
            """)
        for failure in refreshes.failures { print("soak: a background `gazette refresh` failed, \(failure)") }
    }

    /// New bytes of `file` from `offset` on (with two bytes of overlap, so a sequence split by a scan is seen).
    static func scan(_ file: URL, from offset: inout Int) -> [TerminalOutputScan.Finding] {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return [] }
        defer { try? handle.close() }
        let start = max(0, offset - 2)
        try? handle.seek(toOffset: UInt64(start))
        let bytes = [UInt8](handle.readDataToEndOfFile())
        offset = start + bytes.count
        return TerminalOutputScan.findings(in: bytes, startingAt: start).filter { $0.offset >= max(0, start) }
    }

    /// The machine's one-minute load average, for the summary.
    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").first.map(String.init) ?? "?"
    }
}

/// `gazette refresh --quiet` in a second process every few seconds (a seeded 3–10 s apart), beside the
/// reader, until stopped.
final class BackgroundRefreshes: @unchecked Sendable {
    // @unchecked Sendable: the counters and the flag are only touched under `lock`.
    private let folder: HostileServerCommandTests.Folder
    private let lock = NSLock()
    private var random: SplitMix64
    private var stopping = false
    private var finished = false
    private var ran = 0
    private var exitStatuses: [Int32: Int] = [:]
    private var crashed: [String] = []
    private var failed: [String] = []
    /// The most failed runs whose standard error is kept for the summary.
    static let keptFailures = 10

    init(folder: HostileServerCommandTests.Folder, seed: UInt64) {
        self.folder = folder
        random = SplitMix64(seed: seed &+ 1)
    }

    var runs: Int { lock.withLock { ran } }
    var statuses: [Int32: Int] { lock.withLock { exitStatuses } }
    var crashes: [String] { lock.withLock { crashed } }
    /// Runs that exited non-zero (the first `keptFailures`), each with its status and standard error, so
    /// the summary says why: `gazette refresh` exits 1 when every feed it tried failed, which the soak's
    /// server of faults can make happen.
    var failures: [String] { lock.withLock { failed } }

    func start() {
        Thread { [self] in
            while !lock.withLock({ stopping }) {
                let pause = lock.withLock { Double.random(in: 3...10, using: &random) }
                let wake = Date().addingTimeInterval(pause)
                while Date() < wake && !lock.withLock({ stopping }) { Thread.sleep(forTimeInterval: 0.1) }
                if lock.withLock({ stopping }) { break }
                let result = try? folder.run(["refresh", "--quiet"])
                lock.withLock {
                    ran += 1
                    let status = result?.status ?? -1
                    exitStatuses[status, default: 0] += 1
                    if status >= 128 || status < 0 { crashed.append("status \(status): \(result?.standardError ?? "")") }
                    if status != 0 && failed.count < Self.keptFailures {
                        let standardError = (result?.standardError ?? "(not run)").trimmingCharacters(in: .whitespacesAndNewlines)
                        failed.append("status \(status): \(String(standardError.suffix(2000)))")
                    }
                }
            }
            lock.withLock { finished = true }
        }.start()
    }

    /// Asks the loop to stop and waits for the refresh in progress to end.
    func stop() {
        lock.withLock { stopping = true }
        while !lock.withLock({ finished }) { Thread.sleep(forTimeInterval: 0.1) }
    }
}

/// Another connection holding the cache's write lock now and then (a seeded 2–6 s apart, for 0.3–1.5 s), as
/// a long refresh or vacuum in another process would, so that marks wait for the writer while the driver
/// searches their stories again (issue 18), until stopped.
final class WriterHolds: @unchecked Sendable {
    // @unchecked Sendable: the counters and the flag are only touched under `lock`.
    private let cache: SoakCache
    private let lock = NSLock()
    private var random: SplitMix64
    private var stopping = false
    private var finished = false
    private var held = 0
    private var heldSeconds = 0.0

    init(cache: SoakCache, seed: UInt64) {
        self.cache = cache
        random = SplitMix64(seed: seed &+ 2)
    }

    var count: Int { lock.withLock { held } }
    var seconds: Double { lock.withLock { heldSeconds } }

    func start() {
        Thread { [self] in
            while !lock.withLock({ stopping }) {
                let (pause, hold) = lock.withLock {
                    (Double.random(in: 2...6, using: &random), Double.random(in: 0.3...1.5, using: &random))
                }
                let wake = Date().addingTimeInterval(pause)
                while Date() < wake && !lock.withLock({ stopping }) { Thread.sleep(forTimeInterval: 0.1) }
                if lock.withLock({ stopping }) { break }
                // A missing cache file (not yet created) or a busy one is skipped: the next hold tries again.
                if (try? cache.holdWriter(for: hold)) != nil {
                    lock.withLock { held += 1; heldSeconds += hold }
                }
            }
            lock.withLock { finished = true }
        }.start()
    }

    /// Asks the loop to stop and waits for the hold in progress to end.
    func stop() {
        lock.withLock { stopping = true }
        while !lock.withLock({ finished }) { Thread.sleep(forTimeInterval: 0.1) }
    }
}
