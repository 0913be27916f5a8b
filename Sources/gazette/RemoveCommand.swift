import ArgumentParser
import ReaderApp

/// `gazette remove URL`: unsubscribes (the cache forgets the feed on the next start or refresh).
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Unsubscribe from a feed (removes its line from the urls file).",
        discussion: "Any line the file has can be removed, a bad one included: give its first word as written.")

    @OptionGroup var location: PathOptions
    @Argument(help: "The subscribed URL, as listed by `gazette feeds`.") var url: String

    func run() async throws {
        let file = SubscriptionsFile(path: (try location.resolved()).urlsFile)
        do {
            guard try file.remove(url: url) else {
                throw CommandFailure(message: "not subscribed to \(url) (see `gazette feeds`)")
            }
        } catch let error as SubscriptionsFile.FileError {
            throw CommandFailure(message: "\(error)")
        }
        printLine("Unsubscribed from \(url)")
    }
}
