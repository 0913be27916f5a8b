#if os(Linux)
import Foundation
import Testing
@testable import gazette

/// Which mappings a refresh gives back: the executable's private read-only and read-execute mappings with
/// no anonymous page, nothing else.
@Suite("start-up pages")
struct StartupPagesTests {
    /// One mapping of a /proc/PID/smaps text, in the kernel's layout.
    static func mapping(_ range: String, _ perms: String, _ path: String, anonymous: Int) -> String {
        """
        \(range) \(perms) 00000000 fe:00 16239210                   \(path)
        Size:               1024 kB
        Rss:                 512 kB
        Anonymous:           \(anonymous) kB
        VmFlags: rd mr mw me sd
        """
    }

    static let smaps = [
        mapping("55d0c0000000-55d0c05b6000", "r--p", "/opt/gz/bin/gazette", anonymous: 0),
        mapping("55d0c05b6000-55d0c1933000", "r-xp", "/opt/gz/bin/gazette", anonymous: 0),
        // RELRO: relocated by the loader, then made read-only; its pages are copies, not the file's.
        mapping("55d0c1933000-55d0c19eb000", "r--p", "/opt/gz/bin/gazette", anonymous: 740),
        mapping("55d0c19eb000-55d0c3e42000", "rw-p", "/opt/gz/bin/gazette", anonymous: 0),
        mapping("7f8c20044000-7f8c2019a000", "r-xp", "/usr/lib/x86_64-linux-gnu/libc.so.6", anonymous: 0),
        mapping("7f8c30000000-7f8c30001000", "r-xp", "/opt/gz/bin/gazette-bench", anonymous: 0),
        mapping("7f8c40000000-7f8c40021000", "rw-p", "", anonymous: 132),
    ].joined(separator: "\n")

    @Test("the executable's clean read-only and code mappings are chosen; RELRO, data and libraries are not")
    func chosenRanges() {
        let ranges = StartupPages.releasableRanges(smaps: Self.smaps, executable: "/opt/gz/bin/gazette")
        #expect(ranges == [UInt(0x55d0_c000_0000)..<UInt(0x55d0_c05b_6000),
                           UInt(0x55d0_c05b_6000)..<UInt(0x55d0_c193_3000)])
    }

    @Test("a code mapping with an anonymous page (a debugger's breakpoint) is left alone")
    func writtenCodeIsKept() {
        let smaps = Self.mapping("55d0c05b6000-55d0c1933000", "r-xp", "/opt/gz/bin/gazette", anonymous: 4)
        #expect(StartupPages.releasableRanges(smaps: smaps, executable: "/opt/gz/bin/gazette").isEmpty)
    }

    @Test("the path must match exactly (spaces kept, a deleted file's suffix not ignored)")
    func exactPath() {
        let smaps = [
            Self.mapping("55d0c05b6000-55d0c1933000", "r-xp", "/opt/my apps/gazette", anonymous: 0),
            Self.mapping("55d0c1933000-55d0c1934000", "r-xp", "/opt/gz/gazette (deleted)", anonymous: 0),
        ].joined(separator: "\n")
        #expect(StartupPages.releasableRanges(smaps: smaps, executable: "/opt/my apps/gazette").count == 1)
        #expect(StartupPages.releasableRanges(smaps: smaps, executable: "/opt/gz/gazette").isEmpty)
    }

    @Test("giving back this process's pages leaves it running and its data intact")
    func releaseInProcess() throws {
        let before = (0..<1_000).map { "value \($0)" }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let smaps = try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        #expect(!StartupPages.releasableRanges(smaps: smaps, executable: executable).isEmpty)
        StartupPages.release()
        // Code and read-only data come back on use, and nothing written was dropped.
        #expect(before.count == 1_000)
        #expect(before[999] == "value 999")
        #expect(String(describing: StartupPagesTests.self) == "StartupPagesTests")
    }
}
#endif
