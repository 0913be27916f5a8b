import ArgumentParser
import Foundation
import NewsModel
import NewsSources
import ReaderApp

/// `gazette discussions URL`: where a web page is discussed on Hacker News and Lobsters, with comment counts.
struct DiscussionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discussions",
        abstract: "List the Hacker News and Lobsters discussions of a web page, most commented first.")

    @OptionGroup var location: PathOptions
    @Argument(help: "The page's URL.") var url: String
    @Flag(help: "Print JSON instead of lines.") var json = false

    func run() async throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parsed.host != nil else {
            throw CommandFailure(message: "'\(url)' is not an http(s) URL", status: 2)
        }
        let settings = try loadSettings(try location.resolved())
        let (found, problems) = await DiscussionFinder(endpoints: settings.endpoints, policy: settings.fetch)
            .discussions(of: url)
        for problem in problems { printError("gazette: \(problem)") }
        if json {
            try CommandJSON.print(found)
        } else if found.isEmpty {
            print("No discussions found.")
        } else {
            for discussion in found {
                let count = "\(discussion.commentCount) \(discussion.commentCount == 1 ? "comment" : "comments")"
                print("\(discussion.site) · \(count) · \(discussion.title)\n  \(discussion.url)")
            }
        }
        if found.isEmpty, problems.count == 2 { throw ExitCode(1) }
    }
}
