import ArgumentParser
import NewsSources
import ReaderApp

/// `gazette export`: the subscriptions as OPML 2.0 on standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the subscriptions as OPML 2.0 (tags become folders).")

    @OptionGroup var location: PathOptions

    func run() async throws {
        let loaded: (subscriptions: [Subscription], problems: [LineProblem])
        do {
            loaded = try SubscriptionsFile(path: (try location.resolved()).urlsFile).load()
        } catch {
            throw CommandFailure(message: "\(error)")
        }
        for problem in loaded.problems { printError("gazette: warning: \((try location.resolved()).urlsFile): \(problem)") }
        print(OPML.export(loaded.subscriptions), terminator: "")
    }
}
