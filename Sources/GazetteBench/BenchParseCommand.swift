import ArgumentParser
import Foundation
import NewsSources

/// `gazette-bench parse FILE|DIR --runs N`: bytes to model values (no JSON), the path a refresh takes, timed
/// in process; the median time and MB/s go to stderr. Given a directory, every .xml/.json feed in it is
/// parsed per run. With `--dump OUT` it times nothing and writes every field parsed instead (see
/// `ParseDump`), so that two builds of the parser can be compared on a whole corpus.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Time parsing a feed file (or every feed in a folder).")

    @Argument(help: "A feed file or a folder of them.") var path: String
    @Option(help: "Repetitions; the median is printed.") var runs = 5
    @Option(name: .customLong("max-size"), help: "Refuse documents larger than this many bytes.")
    var maxSize: Int = ParseLimits.default.maxBytes
    @Option(help: "Write every parsed field of the file, or of every feed under the folder, to this path (JSON lines) instead of timing.")
    var dump: String?

    func run() throws {
        let runs = max(1, self.runs)
        if let dump { return try ParseDump.write(path: path, limits: ParseLimits(maxBytes: maxSize), to: dump) }
        if directoryFiles(path) != nil { return try runDirectory(runs: runs) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchFailure(message: "cannot read \(path)")
        }
        try runFile(data: data, limits: ParseLimits(maxBytes: maxSize), runs: runs)
    }

    /// The regular files of `path` when it is a directory.
    func directoryFiles(_ path: String) -> [URL]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }.sorted()
            .map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    }

    /// A directory: every feed in it, parsed N times; median of the whole set.
    func runDirectory(runs: Int) throws {
        let documents = try (directoryFiles(path) ?? []).map { try Data(contentsOf: $0) }
        let limits = ParseLimits(maxBytes: maxSize)
        var times: [Double] = []
        var items = 0
        let clock = ContinuousClock()
        for _ in 0..<runs {
            items = 0
            let start = clock.now
            for data in documents {
                if let result = try? FeedParser.parse(data: data, url: nil, contentType: nil, fetchedAt: Date(), limits: limits) {
                    items += result.feed.entries.count
                }
            }
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        let median = times[times.count / 2]
        let megabytes = Double(documents.reduce(0) { $0 + $1.count }) / 1_000_000
        let line = String(format: "parse: %d files, %d runs, median %.1f ms, %.1f MB/s, %.0f items/s (%d items, %.1f MB)\n",
                          documents.count, runs, median * 1000, megabytes / median, Double(items) / median, items, megabytes)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func runFile(data: Data, limits: ParseLimits, runs: Int) throws {
        var times: [Double] = []
        var items = 0
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let start = clock.now
            let result = try FeedParser.parse(data: data, url: nil, contentType: nil, fetchedAt: Date(), limits: limits)
            let elapsed = clock.now - start
            items = result.feed.entries.count
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        let median = times[times.count / 2]
        let megabytes = Double(data.count) / 1_000_000
        let line = String(format: "parse: %d runs, median %.1f ms, %.1f MB/s, %.0f items/s (%d items, %.1f MB)\n",
                          runs, median * 1000, megabytes / median, Double(items) / median, items, megabytes)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

