import Testing
import TestSupport
@testable import TextSafety

/// The word-at-a-time byte tests against a byte-by-byte reading.
@Suite("Eight bytes at a time")
struct ByteScanTests {
    static func check(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let word = ByteScan.load(buffer, at: 0)
            return ByteScan.hasNonASCII(word) == bytes.contains { $0 >= 0x80 }
                && ByteScan.hasByte(below: 0x20, word) == bytes.contains { $0 < 0x20 }
                && ByteScan.hasByte(below: 0x21, word) == bytes.contains { $0 < 0x21 }
                && ByteScan.hasByte(0x7F, word) == bytes.contains(0x7F)
                && ByteScan.hasByte(0x2D, word) == bytes.contains(0x2D)
                && ByteScan.leadingWordBytes(word)
                    == (bytes.firstIndex { $0 <= 0x20 || $0 >= 0x7F || $0 == 0x2D || $0 == 0x2F } ?? 8)
                && ByteScan.leadingPrintableASCII(word) == (bytes.firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? 8)
                && ByteScan.isPlainOrSpace(word) == bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x2D && $0 != 0x2F }
                && ByteScan.matches(0x20, word) == (0..<8).reduce(UInt64(0)) { $0 | (bytes[$1] == 0x20 ? 0x80 << (8 * UInt64($1)) : 0) }
        }
    }

    @Test("Every byte value at every position among letters, and mixed words, answer as bytes do")
    func exact() {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = Array("abcdefgh".utf8)
                bytes[position] = UInt8(value)
                #expect(Self.check(bytes), "\(value) at \(position)")
                bytes = [0xFF, 0x00, 0x80, 0x7F, 0x20, 0x21, 0x2D, 0xC3]
                bytes[position] = UInt8(value)
                #expect(Self.check(bytes), "\(value) at \(position) among specials")
            }
        }
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let word = state
            #expect(Self.check((0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }))
        }
    }

    @Test("The sanitiser's scan finds a control character at any offset of a long ASCII text")
    func sanitizerScan() {
        let base = Array(String(repeating: "plain text, nothing to do. ", count: 4).utf8)
        for offset in base.indices {
            for bad: UInt8 in [0x1B, 0x00, 0x7F, 0x0D] {
                var bytes = base
                bytes[offset] = bad
                #expect(bytes.withUnsafeBufferPointer { Sanitizer.needsCleaning($0) }, "\(bad) at \(offset)")
            }
            var clean = base
            clean[offset] = 0x0A
            #expect(!clean.withUnsafeBufferPointer { Sanitizer.needsCleaning($0) })
        }
    }

    @Test("The UTF-8 check agrees with the standard library's on random and edge-case bytes")
    func utf8Validation() {
        var generator = SplitMix64(seed: 4_12_2026)
        let edges: [[UInt8]] = [[0xC0, 0x80], [0xC2, 0x80], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
                                [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
                                [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF]]
        var samples = edges.flatMap { edge in [edge, Array("abcdefgh".utf8) + edge, edge + Array("12345678".utf8)] }
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<24, using: &generator)
            samples.append((0..<length).map { _ in
                // Mostly ASCII, with lead and continuation bytes often enough to form and break sequences.
                let roll = Int.random(in: 0..<4, using: &generator)
                return roll == 0 ? UInt8.random(in: 0x80...0xFF, using: &generator) : UInt8.random(in: 0x20...0x7E, using: &generator)
            })
        }
        for bytes in samples {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer { ByteScan.isValidUTF8($0) } == expected, "\(bytes)")
        }
    }
}
