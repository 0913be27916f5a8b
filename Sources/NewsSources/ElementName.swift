/// A lower-cased element name as `SanitizerPass` keeps it (the open elements, the one being skipped):
/// packed into its `ShortNameTable` key when it is ASCII of at most seven bytes, as nearly every tag is, and
/// a string otherwise. Two names are equal exactly when the lower-cased names are equal as strings, so end
/// tags match start tags as they did when every name was a `String`, without making one per tag.
struct ElementName: Equatable {
    /// The `ShortNameTable` key (length in the top byte); 0 when the name is kept as `long`.
    let key: UInt64
    /// The name, when it has no key.
    let long: String?

    init(key: UInt64) { self.key = key; long = nil }

    /// The name of an already lower-cased string, packed when it can be.
    init(_ name: String) {
        var name = name
        let packed = name.withUTF8 { ShortNameTable<Bool>.key($0, from: 0, to: $0.count, lowercasing: false) }
        if let packed { key = packed; long = nil } else { key = 0; long = name }
    }

    /// The name as a string: `long`, or the key's bytes.
    var text: String {
        if let long { return long }
        let count = Int(key >> 56)
        return String(unsafeUninitializedCapacity: count) { buffer in
            for k in 0..<count { buffer[k] = UInt8(truncatingIfNeeded: key >> (48 - 8 * UInt64(k))) }
            return count
        }
    }

    /// Appends the name's UTF-8 bytes.
    func write(into out: inout [UInt8]) {
        if let long { out.append(contentsOf: long.utf8); return }
        let count = Int(key >> 56)
        for k in 0..<count { out.append(UInt8(truncatingIfNeeded: key >> (48 - 8 * UInt64(k)))) }
    }

    /// String equality of the names. Two keys are ASCII, where that is equality of bytes; a string may be
    /// canonically equivalent to a short ASCII name (U+037E is `;`), so a mixed pair compares as strings.
    static func == (a: ElementName, b: ElementName) -> Bool {
        if a.long == nil && b.long == nil { return a.key == b.key }
        return a.text == b.text
    }
}
