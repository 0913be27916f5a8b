import Foundation

/// A change the reader made to a synced story, waiting in the cache until the server has it.
public struct RemoteMark: Sendable, Equatable, Hashable {
    /// What changed.
    public enum Action: String, Sendable, CaseIterable, Codable {
        case read, unread, star, unstar
    }

    /// The story's id on the server.
    public var remoteID: String
    public var action: Action
    /// When the reader made the mark: it wins over a server change that is older.
    public var markedAt: Date

    public init(remoteID: String, action: Action, markedAt: Date) {
        self.remoteID = remoteID; self.action = action; self.markedAt = markedAt
    }
}
