#if os(Linux)
import Foundation
import Glibc

/// Gives back the pages of the executable's code that only start-up touched.
///
/// Start-up (the Swift runtime, argument parsing, configuration, opening and migrating the cache) touches
/// most of the binary's code once; with the kernel's fault-around each touch maps a whole 64 KB window, and
/// those pages stay resident for the rest of the process, although a refresh never runs them again.
/// `MADV_DONTNEED` unmaps them from this process only: they stay in the page cache, and the code a refresh
/// does run comes back on its first use with a minor fault.
///
/// Only the executable's read-and-execute mappings are dropped: their pages are the file's, never written
/// (a position-independent binary has no text relocations), so dropping loses nothing. Writable and RELRO
/// mappings hold relocated data and are never touched.
enum StartupPages {
    /// Drops the executable's resident code pages; does nothing when /proc cannot be read.
    static func releaseCode() {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        else { return }
        for range in codeRanges(maps: maps, executable: executable) {
            guard let address = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { continue }
            _ = madvise(address, Int(range.upperBound - range.lowerBound), MADV_DONTNEED)
            _ = madvise(address, Int(range.upperBound - range.lowerBound), MADV_RANDOM)
        }
    }

    /// The address ranges of `executable`'s private read-and-execute mappings in a /proc/PID/maps text.
    static func codeRanges(maps: String, executable: String) -> [Range<UInt>] {
        maps.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[1] == "r-xp",
                  fields[5].trimmingCharacters(in: .whitespaces) == executable
            else { return nil }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let low = UInt(bounds[0], radix: 16), let high = UInt(bounds[1], radix: 16),
                  high > low
            else { return nil }
            return low..<high
        }
    }
}
#endif
