import Foundation
import NewsSources

/// The user's `urls` file on disk: read, and edited line by line so hand-written comments survive.
public struct SubscriptionsFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Why the file could not be read or written.
    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The subscriptions and the problems with bad lines (which are skipped). A missing file is empty.
    public func load() throws(FileError) -> (subscriptions: [Subscription], problems: [LineProblem]) {
        UrlsFile.parse(try text())
    }

    /// Appends `subscription` unless its URL is already there; returns whether it was added.
    @discardableResult
    public func add(_ subscription: Subscription) throws(FileError) -> Bool {
        let current = try text()
        if UrlsFile.parse(current).subscriptions.contains(where: { $0.url == subscription.url }) { return false }
        try write(UrlsFile.appending(subscription, to: current))
        return true
    }

    /// Removes the line for `url`; returns whether there was one.
    @discardableResult
    public func remove(url: String) throws(FileError) -> Bool {
        let (updated, removed) = UrlsFile.removing(url, from: try text())
        if removed { try write(updated) }
        return removed
    }

    /// Adds every subscription not yet listed, in order; returns those added.
    public func merge(_ subscriptions: [Subscription]) throws(FileError) -> [Subscription] {
        var current = try text()
        var known = Set(UrlsFile.parse(current).subscriptions.map(\.url))
        var added: [Subscription] = []
        for subscription in subscriptions where known.insert(subscription.url).inserted {
            UrlsFile.append(subscription, to: &current)
            added.append(subscription)
        }
        if !added.isEmpty { try write(current) }
        return added
    }

    private func text() throws(FileError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(description: "cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes through a temporary file and a rename, so a crash or a full disk never leaves half a file.
    private func write(_ text: String) throws(FileError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FileError(description: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
