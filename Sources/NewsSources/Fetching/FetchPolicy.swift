/// How politely and how far Gazette fetches: set from config.toml, defaults as documented in README.
public struct FetchPolicy: Sendable, Equatable {
    /// Seconds without progress (nothing received) before a request is given up.
    public var timeoutSeconds: Int
    /// Seconds a whole transfer may take, however steadily it trickles: four times `timeoutSeconds`
    /// (two minutes by default), documented in README.
    public var totalSeconds: Int { timeoutSeconds * 4 }
    /// Responses larger than this (decoded, when compressed) are refused while downloading: reading stops
    /// the moment the limit is crossed.
    public var maxBytes: Int
    public var userAgent: String
    /// Requests in flight to one host at once.
    public var perHostLimit: Int
    /// Requests in flight overall.
    public var overallLimit: Int

    public init(timeoutSeconds: Int = 30, maxBytes: Int = 32 << 20,
                userAgent: String = "Gazette/0.1 (terminal news reader)", perHostLimit: Int = 2,
                overallLimit: Int = 16) {
        self.timeoutSeconds = max(1, timeoutSeconds); self.maxBytes = maxBytes; self.userAgent = userAgent
        self.perHostLimit = max(1, perHostLimit); self.overallLimit = max(1, overallLimit)
    }
}
