#if os(Linux)
import Foundation
import Glibc

/// Gives back the pages of the executable that only start-up touched.
///
/// Start-up (the Swift runtime, argument parsing, configuration, opening and migrating the cache) touches
/// much of the binary once; the kernel maps file pages around each touched one (64 KB windows, or whole
/// large folios), and those pages stay resident for the rest of the process although a refresh never uses
/// them again. `MADV_DONTNEED` unmaps them from this process only: they stay in the page cache, and what a
/// refresh does use comes back on first use with a minor fault.
///
/// Only the executable's private read-only and read-execute mappings holding no anonymous page are given
/// back: their pages are the file's, never written, so nothing is lost. A mapping with an anonymous page
/// (RELRO data the loader relocated, a debugger's breakpoint) and every writable mapping are left alone.
enum StartupPages {
    /// Drops the executable's resident file pages; does nothing when /proc cannot be read.
    static func release() {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let smaps = try? String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        else { return }
        for range in releasableRanges(smaps: smaps, executable: executable) {
            guard let address = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { continue }
            _ = madvise(address, Int(range.upperBound - range.lowerBound), MADV_DONTNEED)
        }
    }

    /// The address ranges, in a /proc/PID/smaps text, of `executable`'s private `r--p` and `r-xp` mappings
    /// whose `Anonymous:` count is zero.
    static func releasableRanges(smaps: String, executable: String) -> [Range<UInt>] {
        var ranges: [Range<UInt>] = []
        var candidate: Range<UInt>?
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            if fields.count >= 5, fields[0].contains("-"), !fields[0].hasSuffix(":") {
                // A mapping's first line: address range, permissions, offset, device, inode, path.
                candidate = nil
                let bounds = fields[0].split(separator: "-")
                guard fields.count == 6, fields[1] == "r-xp" || fields[1] == "r--p",
                      fields[5].trimmingCharacters(in: .whitespaces) == executable,
                      bounds.count == 2, let low = UInt(bounds[0], radix: 16),
                      let high = UInt(bounds[1], radix: 16), high > low
                else { continue }
                candidate = low..<high
            } else if let range = candidate, fields.count >= 2, fields[0] == "Anonymous:" {
                if fields[1] == "0" { ranges.append(range) }
                candidate = nil
            }
        }
        return ranges
    }
}
#endif
