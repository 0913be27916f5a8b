import Foundation
import ReaderApp
import Testing
@testable import gazette

/// How the reader command wires refreshing for each kind of session.
@Suite("The reader's refresh wiring")
@MainActor
struct ReaderRefreshWiringTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-wiring-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "http://127.0.0.1:9/feed.xml\n".write(toFile: dir + "/urls", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("the user's cache gets a refresher and the configured interval")
    func writable() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
        var settings = Settings()
        settings.refreshIntervalMinutes = 15
        let options = ReaderCommand.refreshOptions(session, settings)
        #expect(options.refresher != nil)
        #expect(options.intervalMinutes == 15)
        #expect(options.unavailableReason == nil)
    }

    @Test("a read-only session (another Gazette writes the cache) cannot refresh, and says so")
    func readOnly() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
        try withExtendedLifetime(writer) {
            let reader = try ReaderSession.open(demo: false, urlsFile: dir + "/urls", cacheFile: dir + "/cache.sqlite")
            let options = ReaderCommand.refreshOptions(reader, Settings())
            #expect(options.refresher == nil)
            #expect(options.unavailableReason?.contains("cannot refresh") == true)
        }
    }

    @Test("the sample edition has nothing to refresh")
    func sample() throws {
        let session = try ReaderSession.open(demo: true, urlsFile: "/nonexistent/urls", cacheFile: "/nonexistent/c")
        defer { session.close() }
        let options = ReaderCommand.refreshOptions(session, Settings())
        #expect(options.refresher == nil)
        #expect(options.unavailableReason == "the sample edition has nothing to refresh — add feeds with gazette add URL")
    }
}
