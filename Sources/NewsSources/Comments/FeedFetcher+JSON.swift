import Foundation

extension FeedFetcher {
    /// The parsed JSON at `url`, through the same limits, redirects and politeness as feeds.
    /// A body that is not JSON is `.malformed`; HTTP and network failures are `.unreachable`.
    func json(_ url: String, host: String) async throws(CommentSourceError) -> Any {
        let result: FetchResult
        do {
            result = try await fetch(url)
        } catch {
            throw .unreachable(host: host, error)
        }
        guard case .fetched(let body) = result else {
            throw .malformed(host: host, detail: "304 Not Modified to a request without validators")
        }
        do {
            return try JSONSerialization.jsonObject(with: body.data, options: [.fragmentsAllowed])
        } catch {
            throw .malformed(host: host, detail: "not JSON (\(body.data.count) bytes from \(url))")
        }
    }
}

/// Fetches many things at once with at most `window` in flight: a sliding window, so one slow answer
/// does not hold back the rest, and memory stays bounded however long the list.
enum BoundedFetch {
    /// The answers for `keys` that came back (nil answers are left out), by key.
    static func all<Key: Hashable & Sendable, Value: Sendable>(
        _ keys: [Key], window: Int, _ fetch: @escaping @Sendable (Key) async -> Value?
    ) async -> [Key: Value] {
        var results: [Key: Value] = [:]
        results.reserveCapacity(keys.count)
        await withTaskGroup(of: (Key, Value?).self) { group in
            var next = 0
            while next < min(max(1, window), keys.count) {
                let key = keys[next]
                group.addTask { (key, await fetch(key)) }
                next += 1
            }
            while let (key, value) = await group.next() {
                if let value { results[key] = value }
                if next < keys.count {
                    let key = keys[next]
                    group.addTask { (key, await fetch(key)) }
                    next += 1
                }
            }
        }
        return results
    }
}

/// Small readers for values of `JSONSerialization` output, which mixes `NSNumber`, `Int` and `Double`.
enum JSONField {
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let number as Double: Int(exactly: number.rounded())
        case let number as NSNumber: number.intValue
        case let text as String: Int(text)
        default: nil
        }
    }

    static func string(_ value: Any?) -> String? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    static func bool(_ value: Any?) -> Bool {
        switch value {
        case let flag as Bool: flag
        case let number as NSNumber: number.boolValue
        default: false
        }
    }

    static func ints(_ value: Any?) -> [Int] {
        (value as? [Any])?.compactMap { int($0) } ?? []
    }
}
