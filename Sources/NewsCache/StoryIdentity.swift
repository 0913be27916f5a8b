import Foundation
import NewsModel
import TextSafety

/// How the cache recognises "the same story" across refreshes of one feed.
///
/// The identity is computed by the cache, not the caller, so every source gets the same rule:
/// 1. the entry's own id (`guid`, `atom:id`, JSON `id`), trimmed, when it has one: `id:<id>`;
/// 2. else its link as `URLResolver.identityLink` gives it (no `utm_*` parameters, no fragment): `link:<url>`;
/// 3. else a hash of title, dates and summary: `hash:<16 hex digits>`.
/// Identities are unique per feed only: two feeds may carry the same story under the same id.
public enum StoryIdentity {
    /// The identity of `entry` under the rule above.
    public static func of(_ entry: FeedEntry) -> String {
        if let id = entry.id.map(SearchText.trimmed), !id.isEmpty {
            return "id:" + id
        }
        if let link = entry.link.map(SearchText.trimmed), !link.isEmpty {
            return "link:" + URLResolver.identityLink(link)
        }
        var hasher = StableHasher()
        hasher.combine(entry.title)
        hasher.combine(entry.published?.timeIntervalSince1970)
        hasher.combine(entry.updated?.timeIntervalSince1970)
        hasher.combine(entry.summary)
        return "hash:" + String(UInt64(bitPattern: hasher.value), radix: 16)
    }
}

/// FNV-1a over the UTF-8 of its inputs: unlike `Hasher`, the same on every run, so it can be stored.
struct StableHasher {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    var value: Int64 { Int64(bitPattern: state) }

    mutating func combine(_ text: String?) {
        guard var text else { return combineByte(0xFF) }
        // Over the contiguous UTF-8 in a local: iterating `text.utf8` cost ~20 instructions a byte, and every
        // stored story hashes its whole body (8 % of a cold refresh's instructions). Same values as before.
        var hash = state
        text.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* Self.prime }
        }
        state = hash
        combineByte(0)
    }

    mutating func combine(_ number: Double?) {
        guard let number else { return combineByte(0xFE) }
        withUnsafeBytes(of: number.bitPattern.littleEndian) { $0.forEach { combineByte($0) } }
    }

    mutating func combine(_ number: Int?) {
        guard let number else { return combineByte(0xFD) }
        withUnsafeBytes(of: Int64(number).littleEndian) { $0.forEach { combineByte($0) } }
    }

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    private mutating func combineByte(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }
}
