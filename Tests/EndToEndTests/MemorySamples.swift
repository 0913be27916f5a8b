import Foundation

/// Resident memory of a process over time, read from `/proc/<pid>/status`, and the trend of it after a
/// warm-up: the least-squares slope in KB per minute.
struct MemorySamples {
    /// Seconds since the start and resident kilobytes.
    private(set) var samples: [(seconds: Double, kilobytes: Int)] = []

    /// `VmRSS` of `pid` in kilobytes, nil when the process is gone or the system has no /proc.
    static func residentKilobytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    mutating func add(seconds: Double, kilobytes: Int) { samples.append((seconds, kilobytes)) }

    var peakKilobytes: Int { samples.map(\.kilobytes).max() ?? 0 }

    /// The slope of resident memory over the samples taken from `warmUp` seconds on, in KB per minute;
    /// nil with fewer than three such samples.
    func slope(after warmUp: Double) -> Double? {
        let points = samples.filter { $0.seconds >= warmUp }
        guard points.count >= 3 else { return nil }
        let n = Double(points.count)
        let meanX = points.map(\.seconds).reduce(0, +) / n
        let meanY = points.map { Double($0.kilobytes) }.reduce(0, +) / n
        var covariance = 0.0, variance = 0.0
        for point in points {
            covariance += (point.seconds - meanX) * (Double(point.kilobytes) - meanY)
            variance += (point.seconds - meanX) * (point.seconds - meanX)
        }
        return variance > 0 ? covariance / variance * 60 : nil
    }
}
