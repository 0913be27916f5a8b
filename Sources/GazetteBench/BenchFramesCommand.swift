import ArgumentParser

/// `gazette-bench frames N`: how long drawing a frame takes on this terminal (see `FrameBenchmark`).
struct BenchFramesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames", abstract: "Time drawing changed and unchanged frames on this terminal.")

    @Argument(help: "Frames of each kind.") var frames = 100

    @MainActor
    func run() async throws {
        print(try await FrameBenchmark.run(frames: max(1, frames)))
    }
}
