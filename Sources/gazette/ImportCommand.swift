import ArgumentParser
import Foundation
import NewsSources
import ReaderApp

/// `gazette import FILE.opml`: adds the subscriptions of an OPML file; folders become tags.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Subscribe to every feed of an OPML file (folders become tags).")

    @OptionGroup var location: PathOptions
    @Argument(help: "An OPML 1.0 or 2.0 file.") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(message: "cannot read \(file)")
        }
        let subscriptions: [Subscription]
        do {
            subscriptions = try OPML.parse(data)
        } catch {
            throw CommandFailure(message: "\(file): \(error)")
        }
        let urls = SubscriptionsFile(path: (try location.resolved()).urlsFile)
        do {
            let added = try urls.merge(subscriptions)
            let skipped = subscriptions.count - added.count
            printLine("Imported \(added.count) of \(subscriptions.count) feeds from \(file)"
                  + (skipped > 0 ? " (\(skipped) already subscribed)" : "") + ".")
            if !added.isEmpty { printLine("Fetch them with: gazette refresh") }
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}
