import Foundation

/// The body of one transfer as it arrives, in storage that never grows past the transfer's size limit.
///
/// Why not `Data.append`: Data doubles its storage when it fills, so a body just over half the limit could
/// hold twice the limit, and the copy made while growing held the old storage beside it; bodies refused at a
/// 32 MB limit peaked near 3.5 × the limit. Here growth doubles too (few copies for a big feed) but is capped
/// at the limit, starts at the announced `Content-Length` when the server sent one, and the finished body is
/// handed over without a copy.
struct BodyBuffer: ~Copyable {
    /// The most bytes the buffer will ever hold (the transfer's size limit).
    let limit: Int
    private var storage: UnsafeMutableRawPointer?
    private(set) var count = 0
    /// Bytes allocated now; never more than `limit` (a zero limit still allocates nothing).
    private(set) var capacity = 0

    /// Storage of a body without a length starts here (most feeds are tens of kilobytes).
    static let initialCapacity = 32 << 10

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    deinit { free(storage) }

    /// Sizes the storage for a body the server announced as `length` bytes (capped at the limit). An
    /// announced length is a hint only: a compressed body decodes to more, and the buffer grows on.
    mutating func expect(_ length: Int) {
        guard length > capacity else { return }
        _ = grow(to: min(length, limit))
    }

    /// Appends `bytes`; false, with nothing appended, when the body would pass the limit (or memory ran out).
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= limit - count else { return false }
        if bytes.isEmpty { return true }
        let needed = count + bytes.count
        if needed > capacity {
            let doubled = capacity > limit / 2 ? limit : max(capacity * 2, Self.initialCapacity)
            guard grow(to: min(limit, max(needed, doubled))) else { return false }
        }
        (storage! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count = needed
        return true
    }

    /// Drops what was received (the body of a redirect or an interim response); keeps the storage.
    mutating func removeAll() {
        count = 0
    }

    /// Drops what was received and gives the storage back (a refused body).
    mutating func release() {
        free(storage)
        storage = nil
        count = 0
        capacity = 0
    }

    /// The body received, handed over without a copy; the buffer is empty afterwards.
    mutating func take() -> Data {
        guard let bytes = storage, count > 0 else { return Data() }
        // Unused capacity goes back before the body outlives the transfer (shrinking does not copy).
        let kept = count < capacity ? realloc(bytes, count) ?? bytes : bytes
        let data = Data(bytesNoCopy: kept, count: count, deallocator: .free)
        storage = nil
        count = 0
        capacity = 0
        return data
    }

    private mutating func grow(to size: Int) -> Bool {
        guard size > capacity else { return true }
        guard let grown = realloc(storage, size) else { return false }
        storage = grown
        capacity = size
        return true
    }
}
