import Foundation

/// A temporary configuration and data folder subscribed to one feed file, for end-to-end stories that
/// start the reader on a feed of their own: the feed is written, listed in `urls`, and fetched once by the
/// real binary (`gazette refresh`), whose result is returned for the test to check.
struct SubscribedFeedFile {
    let root: URL
    var config: URL { root.appendingPathComponent("config") }
    var data: URL { root.appendingPathComponent("data") }
    /// The reader's arguments for this folder.
    var arguments: [String] { ["--config-dir", config.path, "--data-dir", data.path] }

    /// Writes `xml` as `fileName` under a new temporary folder and subscribes to it.
    init(named fileName: String, xml: String) throws {
        try self.init()
        let feedFile = root.appendingPathComponent(fileName)
        try Data(xml.utf8).write(to: feedFile)
        try Data((feedFile.path + "\n").utf8).write(to: config.appendingPathComponent("urls"))
    }

    /// A new temporary folder subscribed to the feed at `url` (a server on 127.0.0.1).
    init(url: String) throws {
        try self.init()
        try Data((url + "\n").utf8).write(to: config.appendingPathComponent("urls"))
    }

    private init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    }

    /// Fetches the feed into the cache with `gazette refresh`.
    func refresh() throws -> ProcessResult {
        try ProcessRunner.run(try GazetteBinary.path(), ["refresh"] + arguments)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
