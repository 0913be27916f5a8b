import Foundation
import Testing

/// A data folder the user made read-only: everything that only reads still works, and what would write
/// says why it cannot and what to do.
@Suite("A read-only data folder")
struct ReadOnlyDataTests {
    static let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Archive Desk</title>\
        <item><title>Kept on a read-only disk</title><link>http://127.0.0.1/kept</link><guid>ro-1</guid>\
        <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate><description>Archived words.</description></item>\
        </channel></rss>
        """

    @Test("feeds, search, read and the reader work; refresh fails saying what to do")
    func readOnlyFolder() throws {
        let folder = try SubscribedFeedFile(named: "archive.xml", xml: Self.feed)
        defer {
            chmod(folder.data.path, 0o755)
            folder.remove()
        }
        #expect(try folder.refresh().status == 0)
        chmod(folder.data.path, 0o555)
        let binary = try GazetteBinary.path()
        let feeds = try ProcessRunner.run(binary, ["feeds"] + folder.arguments)
        #expect(feeds.status == 0 && feeds.standardOutput.contains("Archive Desk"))
        let search = try ProcessRunner.run(binary, ["search", "archived", "--json"] + folder.arguments)
        #expect(search.status == 0 && search.standardOutput.contains("Kept on a read-only disk"))
        let refresh = try ProcessRunner.run(binary, ["refresh"] + folder.arguments)
        #expect(refresh.status != 0)
        #expect(refresh.standardError.contains("read-only") && refresh.standardError.contains("chmod u+w"))

        let session = try TmuxSession { _, _ in folder.arguments }
        defer { session.close() }
        try session.waitFor("Archived words.")
        try session.waitFor("Reading only")
        try session.send("s")
        try session.waitFor("Could not star the story: the cache is read-only — reading works; to save, chmod u+w")
        try session.send("q")
        #expect(try session.waitForExit()?.status == 0)
    }
}
