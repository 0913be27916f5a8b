import ArgumentParser
import ArticleText
import Foundation
import NewsSources

/// `gazette extract`: reader mode on one page, printed as plain text — the way to see what the article
/// pane will show for a story, and what the extraction scorer measures.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article from a web page (file or http(s) URL) and print its text.",
        discussion: """
            Prints the article's body as plain text: paragraphs separated by blank lines, without the title \
            or a link list. With --metadata the title, byline, date and lead caption the page gives are \
            printed first, one "Field: value" line each, then a blank line.
            """
    )

    @Argument(help: "A saved page, or an http(s) URL.")
    var source: String

    @Option(name: .customLong("url"), help: "The page's address, for relative links when reading a file.")
    var url: String?

    @Flag(name: .customLong("metadata"), help: "Print the title, byline, date and lead caption before the text.")
    var metadata = false

    func run() async throws {
        let page: PageDocument
        do {
            page = try await PageFetcher(fetcher: FeedFetcher()).fetch(source)
        } catch {
            FileHandle.standardError.write(Data("gazette: error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let article = ArticleExtractor.extract(html: page.html, url: url ?? page.url, includeHTML: false)
        if metadata {
            for (field, value) in [("Title", article.title), ("Byline", article.byline),
                                   ("Published", article.published), ("Caption", article.leadCaption)] {
                if let value { print("\(field): \(value)") }
            }
            print("")
        }
        guard !article.isEmpty else {
            FileHandle.standardError.write(Data("gazette: error: no article found in \(source)\n".utf8))
            throw ExitCode(3)
        }
        print(article.text)
    }
}
