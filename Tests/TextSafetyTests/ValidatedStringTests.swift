import Testing
import TextSafety

/// `ByteScan.string(validatedUTF8:)` skips validation only: the string it makes must be the one
/// `String(decoding:as:)` makes, in content, comparison and hashing.
@Suite("Strings from validated UTF-8")
struct ValidatedStringTests {
    static let samples = ["", "a", "abcdefg", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop", "Café", "東京の市場",
                          "e\u{301}", "\u{E9}", "mixed ascii then é at the end", "😀 emoji first", "\u{212A}", "\u{37E};",
                          String(repeating: "x", count: 100) + "ü" + String(repeating: "y", count: 100)]

    @Test("the string equals the validated one, compares with canonically equivalent text and hashes alike")
    func sameString() {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            let fast = bytes.withUnsafeBufferPointer { ByteScan.string(validatedUTF8: $0) }
            let checked = String(decoding: bytes, as: UTF8.self)
            #expect(fast == checked && Array(fast.utf8) == bytes && fast.hashValue == checked.hashValue, "\(sample)")
            #expect(fast.count == checked.count && fast.unicodeScalars.count == checked.unicodeScalars.count)
            #expect(ByteScan.string(validatedUTF8: bytes) == checked)
        }
        let decomposed = Array("cafe\u{301}".utf8)
        #expect(ByteScan.string(validatedUTF8: decomposed) == "caf\u{E9}")
        #expect(ByteScan.string(validatedUTF8: Array("k".utf8)) < ByteScan.string(validatedUTF8: Array("\u{E9}".utf8)))
    }

    @Test("the ASCII check agrees with a byte-by-byte one at every length and position")
    func asciiCheck() {
        for length in 0..<20 {
            var bytes = [UInt8](repeating: 0x61, count: length)
            #expect(bytes.withUnsafeBufferPointer { ByteScan.isASCII($0) })
            for position in 0..<length {
                bytes[position] = 0x80
                #expect(!bytes.withUnsafeBufferPointer { ByteScan.isASCII($0) }, "\(length) \(position)")
                bytes[position] = 0x7F
                #expect(bytes.withUnsafeBufferPointer { ByteScan.isASCII($0) })
                bytes[position] = 0x61
            }
        }
    }
}
