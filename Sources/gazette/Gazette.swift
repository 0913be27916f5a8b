import ArgumentParser

/// The `gazette` command: with no subcommand it starts the reader.
@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "A terminal news reader: headlines, story and comments side by side.",
        version: "0.1.0",
        subcommands: [
            FeedsCommand.self, ReadCommand.self, SearchCommand.self, VacuumCommand.self,
            CacheTortureCommand.self, BenchCacheCommand.self,
        ]
    )

    func run() async throws {
        print("Gazette")
    }
}
