#if canImport(Glibc)
import Testing
@testable import gazette

/// The refresh's fixed mmap threshold reaches glibc: `mallopt` answers 0 for a parameter it does not know
/// and the lookup fails without glibc, so a wrong symbol or parameter number fails here.
@Suite("malloc threshold")
struct MallocThresholdTests {
    @Test("mallopt accepts the refresh's threshold")
    func thresholdIsAccepted() {
        #expect(MallocThreshold.bytes == 128 << 10)
        #expect(MallocThreshold.fix())
    }
}
#endif
