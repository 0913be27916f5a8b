/// A read-only map from short ASCII names (up to seven bytes: most tag and attribute names) to values, kept as
/// a sorted array of packed keys and searched by halving: no string and no hashing per lookup. Built from a
/// dictionary, whose longer names the caller still looks up there.
struct ShortNameTable<Value> {
    private let keys: [UInt64]
    private let values: [Value]

    init(_ dictionary: [String: Value]) {
        var pairs: [(UInt64, Value)] = []
        for (name, value) in dictionary {
            let bytes = Array(name.utf8)
            guard let key = bytes.withUnsafeBufferPointer({ Self.key($0, from: 0, to: $0.count, lowercasing: false) }) else { continue }
            pairs.append((key, value))
        }
        pairs.sort { $0.0 < $1.0 }
        keys = pairs.map(\.0); values = pairs.map(\.1)
    }

    /// The bytes (lower-cased first when asked) with their length in the top byte, or nil when longer than
    /// seven bytes or not ASCII.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, lowercasing: Bool) -> UInt64? {
        guard end - start <= 7 else { return nil }
        var key = UInt64(end - start) << 56
        var shift: UInt64 = 48
        for k in start..<end {
            var c = bytes[k]
            guard c < 0x80 else { return nil }
            if lowercasing && c >= 0x41 && c <= 0x5A { c |= 0x20 }
            key |= UInt64(c) << shift
            shift &-= 8
        }
        return key
    }

    func value(for key: UInt64) -> Value? {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }
}

extension ShortNameTable: Sendable where Value: Sendable {}
