import Foundation
import Testing
import TestSupport
@testable import TextSafety

/// The JSON reader against Foundation's `JSONSerialization`: the same values from valid text, a refusal
/// (never a trap) on invalid, truncated and hostile text.
@Suite("JSON reader")
struct JSONReaderTests {
    static func read(_ text: String) throws -> JSONValue { try read(Array(text.utf8)) }

    static func read(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try JSONReader.value($0) }
    }

    /// Foundation's reading of `bytes` as a `JSONValue`, nil when it refuses them.
    static func foundation(_ bytes: [UInt8]) -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return nil
        }
        return convert(object)
    }

    static func convert(_ object: Any) -> JSONValue {
        switch object {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let number as NSNumber:
            // Foundation gives booleans as a private NSNumber subclass (`__NSCFBoolean`).
            if String(describing: type(of: number)).contains("Boolean") { return .bool(number.boolValue) }
            return .number(String(number.doubleValue))
        case let array as [Any]: return .array(array.map(convert))
        case let object as [String: Any]: return .object(object.mapValues(convert))
        default: return .string("unexpected \(type(of: object))")
        }
    }

    /// The reader's value with numbers as doubles, as Foundation gives them.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        // `+ 0` makes -0 the 0 Foundation gives.
        case .number(let text): .number(String((Double(text) ?? .nan) + 0))
        case .array(let elements): .array(elements.map(normalized))
        case .object(let members): .object(members.mapValues(normalized))
        default: value
        }
    }

    static let valid = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        #"  [ 1 , -2.5e3 , 0.125, 1E-2, -0, 12345678901234 ]  "#,
        #""plain ASCII""#,
        #""quote \" backslash \\ slash \/ controls \b\f\n\r\t""#,
        #""\u00e9t\u00C9 \u20AC \ud83d\ude00 \uD834\uDD1E""#,
        "\"raw UTF-8: caf\u{E9} \u{1F600} \u{4E2D}\u{6587}\"",
        #"{"":"empty key","k":""}"#,
        #"[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]"#,
        #"{"items":[{"id":"tag:google.com,2005:reader/item/0000000000000001","title":"A \u003cb\u003e title"}]}"#,
        "[\"a string of exactly eight\", \"12345678\", \"1234567\", \"123456789\"]",
        #"{"a":{"b":{"c":[{},[],"",0]}}}"#,
    ]

    @Test("Valid documents read as Foundation reads them")
    func validAgreesWithFoundation() throws {
        for text in Self.valid {
            let bytes = Array(text.utf8)
            let expected = try #require(Self.foundation(bytes), "Foundation refused \(text)")
            #expect(Self.normalized(try Self.read(bytes)) == expected, "\(text)")
        }
    }

    @Test("Escapes and surrogate pairs decode to the characters they name")
    func escapes() throws {
        #expect(try Self.read(#""\ud83d\ude00""#) == .string("\u{1F600}"))
        #expect(try Self.read(#""a\nb\u0000c""#) == .string("a\nb\u{0}c"))
        #expect(try Self.read(#""x\/y""#) == .string("x/y"))
        #expect(try Self.read(#"{"k\u00e9y":1}"#) == .object(["k\u{E9}y": .number("1")]))
    }

    static let invalid: [(String, String)] = [
        ("", "the text ends where a value should be"),
        ("{", "the text ends inside an object"),
        (#"{"a""#, "expected ':' after a key"),
        (#"{"a":1"#, "the text ends inside an object"),
        (#"{"a":1,}"#, "expected a key in quotes"),
        ("[1,2", "the text ends inside an array"),
        ("[1,]", "unexpected ']' where a value should be"),
        ("[,1]", "unexpected ',' where a value should be"),
        (#""open"#, "the text ends inside a string"),
        (#""bad \x escape""#, "an unknown escape \\'x'"),
        (#""\ud83d alone""#, "a lone surrogate \\uD83D"),
        (#""\ude00 low first""#, "a lone surrogate \\uDE00"),
        (#""\ud83d\u0041""#, "a lone surrogate \\uD83D"),
        (#""\u12G4""#, "a \\u escape with a non-hex digit 'G'"),
        ("\"tab\tinside\"", "a control character (byte 0x9) inside a string"),
        ("01", "a number with a leading zero"),
        ("-", "a number without digits"),
        ("1.", "a number without digits after '.'"),
        ("1e+", "a number without digits in its exponent"),
        ("tru", "the text ends inside true"),
        ("nul", "the text ends inside null"),
        ("nope", "unexpected 'o' in what should be null"),
        ("[1] 2", "text after the JSON value"),
        ("{'a':1}", "expected a key in quotes"),
        ("NaN", "unexpected 'N' where a value should be"),
    ]

    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: ",") && ($1 == UInt8(ascii: "}") || $1 == UInt8(ascii: "]")) }
    }

    /// Trailing commas, which Foundation takes and RFC 8259 does not.
    static let foundationOnly: Set<String> = [#"{"a":1,}"#, "[1,]"]

    @Test("Invalid documents fail with a specific reason, as Foundation refuses them")
    func invalidFails() {
        for (text, reason) in Self.invalid {
            #expect((Self.foundation(Array(text.utf8)) == nil) != Self.foundationOnly.contains(text), "\(text)")
            do {
                let value = try Self.read(text)
                Issue.record("read \(text) as \(value)")
            } catch let error as JSONReadError {
                #expect(error.reason == reason, "\(text)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    @Test("Invalid UTF-8 in a string is refused, in the plain and in the escaped path")
    func invalidUTF8() {
        let cases: [[UInt8]] = [
            [0x22, 0xFF, 0x22],
            [0x22, 0x61, 0xC3, 0x22],                         // a cut two-byte sequence
            [0x22, 0xC0, 0xAF, 0x22],                         // an overlong '/'
            [0x22, 0xED, 0xA0, 0x80, 0x22],                   // an encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],             // past U+10FFFF
            [0x22, 0x5C, 0x6E, 0xFF, 0x22],                   // after an escape
            [0x5B, 0x22, 0xFE, 0x22, 0x5D],                   // skipped, not read
        ] + [Array("\"0123456789abcdef".utf8) + [0xE2, 0x82, 0x22]]
        for bytes in cases {
            #expect(Self.foundation(bytes) == nil, "Foundation took \(bytes)")
            #expect(throws: JSONReadError.self, "\(bytes)") { try Self.read(bytes) }
            #expect(throws: JSONReadError.self, "\(bytes) skipped") {
                try bytes.withUnsafeBytes { try JSONReader.read($0) { try $0.skipValue() } }
            }
        }
    }

    @Test("Nesting deeper than the limit is refused; up to it is read")
    func nesting() throws {
        let limit = JSONReader.maxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try Self.read(deepest) }
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONReadError(reason: "nested deeper than \(limit) levels", offset: limit)) {
            try Self.read(tooDeep)
        }
        let hostile = String(repeating: #"{"a":["#, count: 100_000)
        #expect(throws: JSONReadError.self) { try Self.read(hostile) }
        #expect(throws: JSONReadError.self) {
            try Array(hostile.utf8).withUnsafeBytes { try JSONReader.read($0) { try $0.skipValue() } }
        }
    }

    @Test("Integers are exact up to Int64's range and refused beyond it; doubles must be finite")
    func numbers() throws {
        func int(_ text: String) throws -> Int64 {
            try Array(text.utf8).withUnsafeBytes { try JSONReader.read($0) { try $0.readInt64() } }
        }
        func double(_ text: String) throws -> Double {
            try Array(text.utf8).withUnsafeBytes { try JSONReader.read($0) { try $0.readDouble() } }
        }
        #expect(try int("9223372036854775807") == Int64.max)
        #expect(try int("-9223372036854775808") == Int64.min)
        #expect(try int("1700000000") == 1_700_000_000)
        #expect(try int("2e3") == 2000)
        #expect(throws: JSONReadError(reason: "a number out of range", offset: 0)) { try int("9223372036854775808") }
        #expect(throws: JSONReadError.self) { try int("123456789012345678901234567890") }
        #expect(throws: JSONReadError(reason: "not a whole number in range", offset: 0)) { try int("1.5") }
        #expect(throws: JSONReadError.self) { try int("1e400") }
        #expect(try double("-2.5e-3") == -0.0025)
        #expect(throws: JSONReadError(reason: "a number out of range", offset: 0)) { try double("1e400") }
        #expect(throws: JSONReadError(reason: "expected a number", offset: 0)) { try int(#""12""#) }
    }

    @Test("Every truncation and every single-byte change of a payload is read or refused, never trapped on")
    func truncatedAndMangled() throws {
        let document = Array("""
            {"id":"user/-/state/com.google/reading-list","items":[{"id":"tag:google.com,2005:reader/item/\
            0000000000000001","published":1700000000,"title":"Caf\u{E9} \\u00e9 \\ud83d\\ude00 \\"quoted\\"",\
            "categories":["user/-/label/News",null],"summary":{"content":"<p>x</p>"},"n":[-1.5e2,0,true]}]}
            """.utf8)
        let whole = try #require(Self.foundation(document))
        #expect(Self.normalized(try Self.read(document)) == whole)
        for length in 0..<document.count {
            let cut = Array(document[..<length])
            #expect(Self.foundation(cut) == nil || length == 0)
            #expect(throws: JSONReadError.self, "cut at \(length)") { try Self.read(cut) }
        }
        var generator = SplitMix64(seed: 20_261_204)
        let alphabet = Array(#"{}[]":,\u0123456789abcdefeE+-.tnrl \#t"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
        var accepted = 0, refused = 0
        for _ in 0..<3_000 {
            var mangled = document
            mangled[Int.random(in: 0..<mangled.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            let expected = Self.foundation(mangled)
            let ours = try? Self.read(mangled)
            if ours == nil, expected != nil, Self.hasTrailingComma(mangled) { continue }
            // Foundation and the reader agree on what they accept, and on the value.
            #expect(ours.map(Self.normalized) == expected, "\(String(decoding: mangled, as: UTF8.self))")
            if ours == nil { refused += 1 } else { accepted += 1 }
        }
        #expect(accepted > 100 && refused > 100, "the changes should make both kinds: \(accepted) read, \(refused) refused")
    }
}
