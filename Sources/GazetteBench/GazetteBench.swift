import ArgumentParser

/// `gazette-bench`: in-process timing commands for `Benchmarks/`, kept out of the shipped `gazette` binary.
@main
struct GazetteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench",
        abstract: "In-process timings for the benchmark driver (Benchmarks/bench.py).",
        subcommands: [ExtractBenchCommand.self]
    )
}
