/// A pull reader of JSON (RFC 8259) straight from UTF-8 bytes, for the payloads that are too large or too
/// frequent for Foundation: an aggregator's `stream/items/contents` answer is 250 stories and a sync reads
/// forty of them, and `JSONDecoder` spent more of a first sync than storing did. The caller walks the
/// document (`readObject`, `readArray`, `readString`...) and keeps only what it needs; everything else is
/// checked and skipped without being built.
///
/// Strict where a wrong answer could hide: the grammar, string escapes (a lone surrogate is an error),
/// UTF-8 validity, control characters in strings, nesting deeper than `maxDepth`, numbers out of range for
/// the type asked for, text after the value. Every failure is a `JSONReadError` naming the byte offset;
/// nothing traps on any input.
package struct JSONReader {
    /// Arrays and objects nested deeper than this are refused: recursion is bounded whatever the input.
    package static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads the one JSON value in `bytes` with `body`, which must consume it; only whitespace may follow.
    /// A leading UTF-8 byte order mark is skipped.
    package static func read<T>(_ bytes: UnsafeRawBufferPointer, _ body: (inout JSONReader) throws -> T) throws -> T {
        var reader = JSONReader(bytes.bindMemory(to: UInt8.self))
        if reader.bytes.count >= 3, reader.bytes[0] == 0xEF, reader.bytes[1] == 0xBB, reader.bytes[2] == 0xBF {
            reader.at = 3
        }
        let value = try body(&reader)
        reader.skipSpace()
        if reader.at < reader.bytes.count { throw reader.failure("text after the JSON value") }
        return value
    }

    /// Reads a whole document as a `JSONValue` tree.
    package static func value(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        try read(bytes) { try $0.readValue() }
    }

    /// What kind of value comes next.
    package enum Kind: Sendable, Equatable {
        case object, array, string, number, bool, null
    }

    // MARK: looking ahead

    /// The kind of the next value, without consuming it.
    package mutating func peek() throws -> Kind {
        skipSpace()
        guard at < bytes.count else { throw failure("the text ends where a value should be") }
        switch bytes[at] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw failure("unexpected \(Self.describe(bytes[at])) where a value should be")
        }
    }

    /// Consumes a `null` if one comes next; true when it did.
    package mutating func readNull() throws -> Bool {
        guard try peek() == .null else { return false }
        try literal("null")
        return true
    }

    // MARK: containers

    /// Reads an object, calling `member` with each key; `member` must consume the key's value.
    package mutating func readObject(_ member: (inout JSONReader, String) throws -> Void) throws {
        try open(UInt8(ascii: "{"), "an object")
        defer { depth -= 1 }
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else {
                throw at < bytes.count ? failure("expected a key in quotes") : failure("the text ends inside an object")
            }
            let key = try scanString()
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            at += 1
            try member(&self, key)
            skipSpace()
            guard at < bytes.count else { throw failure("the text ends inside an object") }
            switch bytes[at] {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "}"): at += 1; return
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    /// Reads an array, calling `element` with each element's index; `element` must consume the element.
    package mutating func readArray(_ element: (inout JSONReader, Int) throws -> Void) throws {
        try open(UInt8(ascii: "["), "an array")
        defer { depth -= 1 }
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return }
        var index = 0
        while true {
            try element(&self, index)
            index += 1
            skipSpace()
            guard at < bytes.count else { throw failure("the text ends inside an array") }
            switch bytes[at] {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "]"): at += 1; return
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func open(_ bracket: UInt8, _ what: String) throws {
        _ = try peek()
        guard bytes[at] == bracket else { throw failure("expected \(what)") }
        guard depth < Self.maxDepth else { throw failure("nested deeper than \(Self.maxDepth) levels") }
        depth += 1
        at += 1
    }

    // MARK: scalars

    /// Reads a string.
    package mutating func readString() throws -> String {
        guard try peek() == .string else { throw failure("expected a string") }
        return try scanString()
    }

    /// Reads a string or a number as text (servers differ on which an id is); nil for `null`.
    package mutating func readText() throws -> String? {
        switch try peek() {
        case .null: try literal("null"); return nil
        case .string: return try scanString()
        case .number:
            let range = try scanNumber()
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        default: throw failure("expected a string or a number")
        }
    }

    /// Reads a boolean.
    package mutating func readBool() throws -> Bool {
        guard try peek() == .bool else { throw failure("expected true or false") }
        if bytes[at] == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// Reads a number that is a whole value in `Int64`'s range (`12`, `-3`, `1.0`, `2e3`); a fraction or a
    /// value out of range is an error, never a rounded or wrapped value.
    package mutating func readInt64() throws -> Int64 {
        guard try peek() == .number else { throw failure("expected a number") }
        let start = at
        let range = try scanNumber()
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        var value: Int64 = 0
        var negative = false
        var plain = true
        for (index, byte) in text.enumerated() {
            if index == 0 && byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { plain = false; break }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if o1 || o2 { at = start; throw failure("a number out of range") }
            value = next
        }
        if plain { return value }
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.rounded() == double,
              double >= -9.223372036854775808e18, double < 9.223372036854775808e18 else {
            at = start
            throw failure("not a whole number in range")
        }
        return Int64(double)
    }

    /// Reads a number as a finite `Double`; one too large for it is an error.
    package mutating func readDouble() throws -> Double {
        guard try peek() == .number else { throw failure("expected a number") }
        let start = at
        let range = try scanNumber()
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)),
              value.isFinite else {
            at = start
            throw failure("a number out of range")
        }
        return value
    }

    /// Checks and skips the next value, whatever it is.
    package mutating func skipValue() throws {
        switch try peek() {
        case .object: try readObject { reader, _ in try reader.skipValue() }
        case .array: try readArray { reader, _ in try reader.skipValue() }
        case .string: try skipString()
        case .number: _ = try scanNumber()
        case .bool: _ = try readBool()
        case .null: try literal("null")
        }
    }

    /// Reads the next value as a tree.
    package mutating func readValue() throws -> JSONValue {
        switch try peek() {
        case .object:
            var members: [String: JSONValue] = [:]
            try readObject { reader, key in members[key] = try reader.readValue() }
            return .object(members)
        case .array:
            var elements: [JSONValue] = []
            try readArray { reader, _ in elements.append(try reader.readValue()) }
            return .array(elements)
        case .string: return .string(try scanString())
        case .number:
            let range = try scanNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        case .bool: return .bool(try readBool())
        case .null: try literal("null"); return .null
        }
    }

    // MARK: scanning

    private mutating func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - at >= count else { throw failure("the text ends inside \(word)") }
        for index in 0..<count where bytes[at + index] != word.utf8Start[index] {
            throw failure("unexpected \(Self.describe(bytes[at + index])) in what should be \(word)")
        }
        at += count
    }

    /// The bytes of the number at `at`, checked against the grammar; `at` moves past it.
    private mutating func scanNumber() throws -> Range<Int> {
        let start = at
        func digits() -> Int {
            let first = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            return at - first
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        let whole = at
        guard digits() > 0 else { throw failure("a number without digits") }
        if bytes[whole] == UInt8(ascii: "0"), at - whole > 1 { at = whole; throw failure("a number with a leading zero") }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw failure("a number without digits after '.'") }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw failure("a number without digits in its exponent") }
        }
        return start..<at
    }

    /// The end of the plain run of a string starting at `from`: the first quote, backslash or control byte,
    /// eight bytes at a time while eight remain.
    private func plainRun(from: Int) -> Int {
        var index = from
        while index + 8 <= bytes.count {
            let word = ByteScan.load(bytes, at: index)
            let flags = ByteScan.matches(UInt8(ascii: "\""), word) | ByteScan.matches(UInt8(ascii: "\\"), word)
                | ByteScan.flags(below: 0x20, word)
            if flags != 0 { return index + ByteScan.firstFlagged(flags) }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    private mutating func skipString() throws {
        at += 1
        while true {
            let end = plainRun(from: at)
            guard end < bytes.count else { at = end; throw failure("the text ends inside a string") }
            guard ByteScan.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[at..<end])) else {
                throw failure("invalid UTF-8 in a string")
            }
            at = end
            switch bytes[at] {
            case UInt8(ascii: "\""): at += 1; return
            case UInt8(ascii: "\\"):
                var scratch: [UInt8] = []
                try unescape(into: &scratch)
            default: throw failure("a control character (\(Self.describe(bytes[at]))) inside a string")
            }
        }
    }

    /// Reads the string whose opening quote is at `at`.
    private mutating func scanString() throws -> String {
        at += 1
        let start = at
        var end = plainRun(from: at)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            // Checked here, then built by the fast path of `String(decoding:)` (the generic
            // `String(validating:)` spent more on looking up its types than on the bytes).
            let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard ByteScan.isValidUTF8(run) else { throw failure("invalid UTF-8 in a string") }
            at = end + 1
            return String(decoding: run, as: UTF8.self)
        }
        // Escapes (or an error): the text is assembled in a buffer, its plain runs validated as it goes.
        var buffer: [UInt8] = []
        while true {
            guard end < bytes.count else { at = end; throw failure("the text ends inside a string") }
            let run = UnsafeBufferPointer(rebasing: bytes[at..<end])
            guard ByteScan.isValidUTF8(run) else { throw failure("invalid UTF-8 in a string") }
            buffer.append(contentsOf: run)
            at = end
            switch bytes[at] {
            case UInt8(ascii: "\""):
                at += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"): try unescape(into: &buffer)
            default: throw failure("a control character (\(Self.describe(bytes[at]))) inside a string")
            }
            end = plainRun(from: at)
        }
    }

    /// Decodes the escape at `at` (a backslash) into `buffer` as UTF-8; a surrogate must come in a pair.
    private mutating func unescape(into buffer: inout [UInt8]) throws {
        guard at + 1 < bytes.count else { throw failure("the text ends inside a string") }
        let code = bytes[at + 1]
        let simple: UInt8? = switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): code
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            buffer.append(simple)
            at += 2
            return
        }
        guard code == UInt8(ascii: "u") else { throw failure("an unknown escape \\\(Self.describe(code))") }
        let first = try hexQuad(at: at + 2)
        var scalar = first
        var length = 6
        if (0xD800...0xDBFF).contains(first) {
            guard at + 12 <= bytes.count, bytes[at + 6] == UInt8(ascii: "\\"), bytes[at + 7] == UInt8(ascii: "u") else {
                throw failure("a lone surrogate \\u\(String(first, radix: 16, uppercase: true))")
            }
            let second = try hexQuad(at: at + 8)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw failure("a lone surrogate \\u\(String(first, radix: 16, uppercase: true))")
            }
            scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            length = 12
        } else if (0xDC00...0xDFFF).contains(first) {
            throw failure("a lone surrogate \\u\(String(first, radix: 16, uppercase: true))")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("an invalid \\u escape") }
        buffer.append(contentsOf: UTF8.encode(unicode)!)
        at += length
    }

    private func hexQuad(at offset: Int) throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("the text ends inside a \\u escape") }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape with a non-hex digit \(Self.describe(byte))")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: errors

    /// An error at the reader's position.
    package func failure(_ reason: String) -> JSONReadError { JSONReadError(reason: reason, offset: at) }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}

/// Why `JSONReader` refused a text, and where.
package struct JSONReadError: Error, Equatable, CustomStringConvertible, Sendable {
    package var reason: String
    /// Bytes from the start of the text.
    package var offset: Int

    package init(reason: String, offset: Int) { self.reason = reason; self.offset = offset }

    package var description: String { "\(reason) at byte \(offset)" }
}

/// A JSON value as a tree, for documents small enough to build whole (and for checking the reader).
package enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's text as written, checked against the grammar but not converted.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members by key; of a repeated key the last value counts.
    case object([String: JSONValue])
}
