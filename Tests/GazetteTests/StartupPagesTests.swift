#if os(Linux)
import Foundation
import Testing
@testable import gazette

/// Which mappings the refresh gives back: only the executable's private read-and-execute ones.
@Suite("start-up pages")
struct StartupPagesTests {
    /// A /proc/PID/maps text in the kernel's layout (columns padded with spaces before the path).
    static let maps = """
        55d0c0000000-55d0c05b6000 r--p 00000000 fe:00 16239210                   /opt/gz/bin/gazette
        55d0c05b6000-55d0c1933000 r-xp 005b6000 fe:00 16239210                   /opt/gz/bin/gazette
        55d0c1933000-55d0c19eb000 r--p 01933000 fe:00 16239210                   /opt/gz/bin/gazette
        55d0c19eb000-55d0c3e42000 rw-p 019eb000 fe:00 16239210                   /opt/gz/bin/gazette
        7f8c20044000-7f8c2019a000 r-xp 00026000 fe:00 333151                     /usr/lib/x86_64-linux-gnu/libc.so.6
        7f8c30000000-7f8c30001000 r-xp 00000000 fe:00 16239211                   /opt/gz/bin/gazette-bench
        7f8c40000000-7f8c40021000 rw-p 00000000 00:00 0 
        7ffd1a3f0000-7ffd1a3f2000 r-xp 00000000 00:00 0                          [vdso]
        """

    @Test("only the executable's r-xp mapping is chosen")
    func chosenRanges() {
        let ranges = StartupPages.codeRanges(maps: Self.maps, executable: "/opt/gz/bin/gazette")
        #expect(ranges == [UInt(0x55d0_c05b_6000)..<UInt(0x55d0_c193_3000)])
    }

    @Test("a path with spaces, and a deleted executable, are matched by the exact path only")
    func exactPath() {
        let maps = """
            55d0c05b6000-55d0c1933000 r-xp 005b6000 fe:00 1 /opt/my apps/gazette
            55d0c1933000-55d0c1934000 r-xp 005b6000 fe:00 1 /opt/gz/gazette (deleted)
            """
        #expect(StartupPages.codeRanges(maps: maps, executable: "/opt/my apps/gazette").count == 1)
        #expect(StartupPages.codeRanges(maps: maps, executable: "/opt/gz/gazette").isEmpty)
    }

    @Test("giving back this process's code pages leaves it running and its data intact")
    func releaseInProcess() throws {
        let before = (0..<1_000).map { "value \($0)" }
        StartupPages.releaseCode()
        // Code runs again (faulted back in) and nothing writable was dropped.
        #expect(before.count == 1_000)
        #expect(before[999] == "value 999")
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        #expect(!StartupPages.codeRanges(maps: maps, executable: executable).isEmpty)
    }
}
#endif
