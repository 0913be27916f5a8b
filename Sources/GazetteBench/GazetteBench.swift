import ArgumentParser

/// `gazette-bench`: the in-process timings `make bench` reads and the torture writer the durability test
/// kills. A separate executable so that the `gazette` users install carries none of it.
@main
struct GazetteBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench",
        abstract: "Benchmark and test tools for Gazette (not installed).",
        subcommands: [BenchParseCommand.self, BenchRenderCommand.self, BenchQueryCommand.self,
                      BenchCacheCommand.self, CacheTortureCommand.self, BenchFramesCommand.self, ExtractBenchCommand.self,
                      CommentsLayoutBenchmark.self, CommentsFetchBenchmark.self, PageCommentsBenchmark.self]
    )
}

/// A failure a bench command reports on stderr before exiting with `status`.
struct BenchFailure: Error, CustomStringConvertible {
    let message: String
    var status: Int32 = 1
    var description: String { message }
}
