import ArgumentParser

/// `gazette-bench`: in-process timings for `make bench` (Benchmarks/), kept out of the `gazette` binary.
@main
struct GazetteBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench", abstract: "In-process timings for the benchmark driver.",
        subcommands: [CommentsLayoutBenchmark.self, CommentsFetchBenchmark.self])
}

/// The median of `values` (the lower middle one for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[(sorted.count - 1) / 2]
}

/// Milliseconds since `start`.
func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}
