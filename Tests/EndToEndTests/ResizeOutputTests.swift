import Foundation
import Testing

/// What the reader writes to its terminal for a resize, recorded with `tmux pipe-pane`: users over SSH
/// pay for every byte.
@Suite("What a resize sends the terminal")
struct ResizeOutputTests {
    /// How many times `text` occurs in `bytes`.
    static func occurrences(of text: String, in bytes: Data) -> Int {
        let needle = Array(text.utf8), haystack = [UInt8](bytes)
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        return (0...(haystack.count - needle.count)).filter { start in
            haystack[start..<start + needle.count].elementsEqual(needle)
        }.count
    }

    @Test("A resize draws one frame, laid out for the new size: the old frame is not sent again first")
    func oneFrame() throws {
        let session = try TmuxSession.demo(width: 160, height: 48)
        defer { session.close() }
        try session.waitUntil("the first frame", settled: true) { $0.count == 48 && $0.last?.contains("? help") == true }
        let output = session.directory.appendingPathComponent("terminal-output")
        try session.recordOutput(to: output)
        // Larger, so the old frame's status bar (row 48) and the new one's (row 54) are different rows: a
        // frame at the old layout would write the status bar twice.
        try session.resize(width: 180, height: 54)
        try session.waitUntil("the 180×54 frame", settled: true) { screen in
            screen.count == 54 && screen.last?.contains("? help") == true
        }
        let bytes = try Data(contentsOf: output)
        let statusBars = Self.occurrences(of: "? help", in: bytes)
        #expect(statusBars == 1, "the status bar was written \(statusBars) times in \(bytes.count) bytes")
    }
}
