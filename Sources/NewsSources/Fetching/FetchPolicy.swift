/// How politely and how far Gazette fetches: set from config.toml, defaults as documented in README.
public struct FetchPolicy: Sendable, Equatable {
    /// Seconds without progress before a request is given up. URLSession on Linux truncates to whole
    /// seconds, so the value is whole seconds too.
    public var timeoutSeconds: Int
    /// Responses larger than this are refused while downloading, not after.
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
