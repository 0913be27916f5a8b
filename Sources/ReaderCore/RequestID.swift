/// Names one request for headlines, so the answer to a request that has since been superseded (the user
/// scrolled on, the query changed) is recognised and dropped.
public struct RequestID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public var description: String { "#\(rawValue)" }
}
