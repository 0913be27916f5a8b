#if canImport(Glibc)
import Testing
@testable import gazette

/// The refresh's bound on glibc's malloc arenas reaches the C library (a wrong symbol or parameter number
/// would make `mallopt` refuse it, and the refresh would silently keep glibc's default of 8 per core).
@Suite("malloc arenas")
struct MallocArenasTests {
    @Test("mallopt accepts the refresh's arena limit")
    func limitIsAccepted() {
        #expect(RefreshCommand.mallocArenas >= 1)
        #expect(MallocArenas.limit(to: RefreshCommand.mallocArenas))
    }
}
#endif
