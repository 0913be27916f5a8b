/// The Google Reader API's stream and item ids.
enum GReaderIDs {
    static let readingList = "user/-/state/com.google/reading-list"
    static let read = "user/-/state/com.google/read"
    static let starred = "user/-/state/com.google/starred"
    static let itemPrefix = "tag:google.com,2005:reader/item/"

    /// An item id in the short (decimal) form `stream/items/ids` gives; a long form
    /// (`tag:google.com,2005:reader/item/` and 16 hex digits) is converted, anything else kept.
    static func shortForm(_ id: String) -> String {
        guard id.hasPrefix(itemPrefix), let value = UInt64(id.dropFirst(itemPrefix.count), radix: 16) else { return id }
        return String(Int64(bitPattern: value))
    }

    /// The long form of a short id, which every server accepts in `i=`.
    static func longForm(_ id: String) -> String {
        guard let value = Int64(id) else { return id }
        let hex = String(UInt64(bitPattern: value), radix: 16)
        return itemPrefix + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// The label of a `user/…/label/NAME` id.
    /// Searched byte by byte: Foundation's `range(of:)` cost 2 % of a first sync, called on every category
    /// of every item.
    static func label(_ id: String) -> String? {
        let marker = "/label/".utf8
        let bytes = id.utf8
        var from = bytes.startIndex
        while let slash = bytes[from...].firstIndex(of: UInt8(ascii: "/")) {
            if bytes[slash...].starts(with: marker) { return String(id[bytes.index(slash, offsetBy: marker.count)...]) }
            from = bytes.index(after: slash)
        }
        return nil
    }
}
