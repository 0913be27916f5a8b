import Foundation
import NewsModel
import TextSafety

/// The `urls` file in newsboat's format, so a newsboat user can copy theirs over:
/// `URL [tag …] ["tag with spaces"] ["~Title"]`, `#` starts a comment line, blank lines are ignored.
/// Gazette's own `extract:auto|always|never` on a line sets the feed's reader mode (not a tag).
/// Editing keeps every other line (comments included) as the user wrote it. A line with a control character
/// (a NUL, an escape sequence) is skipped whole, never cut short into another subscription, and problems
/// quote at most a short, cleaned excerpt of the line.
public enum UrlsFile {
    /// The subscriptions in `text`, in file order, and the lines that could not be used (skipped).
    public static func parse(_ text: String) -> (subscriptions: [Subscription], problems: [LineProblem]) {
        var subscriptions: [Subscription] = []
        var problems: [LineProblem] = []
        var seen = Set<String>()
        for (index, rawLine) in lines(text).enumerated() {
            let number = index + 1
            let line = trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            switch parseLine(line) {
            case .success(let subscription):
                if seen.insert(subscription.url).inserted {
                    subscriptions.append(subscription)
                } else {
                    problems.append(LineProblem(line: number, message: "\(Sanitizer.excerpt(subscription.url)) is listed twice; "
                                                + "the first line counts"))
                }
            case .failure(let message):
                problems.append(LineProblem(line: number, message: message.text))
            }
        }
        return (subscriptions, problems)
    }

    /// One subscription as a line of the file.
    public static func line(for subscription: Subscription) -> String {
        var parts = [quoteIfNeeded(subscription.url)]
        parts += subscription.tags.map(quoteIfNeeded)
        if let mode = subscription.extract { parts.append(extractPrefix + mode.rawValue) }
        if let title = subscription.title { parts.append(quote("~" + title)) }
        return parts.joined(separator: " ")
    }

    /// `text` with `subscription` appended as a new line (the file keeps its comments and order).
    public static func appending(_ subscription: Subscription, to text: String) -> String {
        var result = text
        append(subscription, to: &result)
        return result
    }

    /// Appends `subscription` as a new line in place: an import of 100,000 outlines appends to one
    /// growing text rather than copying it for each (which made the import quadratic).
    public static func append(_ subscription: Subscription, to text: inout String) {
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += line(for: subscription)
        text += "\n"
    }

    /// `text` without the line(s) subscribing to `url`, and whether any was removed.
    public static func removing(_ url: String, from text: String) -> (text: String, removed: Bool) {
        var removed = false
        let kept = lines(text).filter { rawLine in
            let line = trimmed(rawLine)
            guard !line.isEmpty, !line.hasPrefix("#") else { return true }
            // Any line the file has can go, a bad one too: matched by its subscription's URL, by its
            // first word as written, or as a whole.
            let matches: Bool
            if case .success(let sub) = parseLine(line) {
                matches = sub.url == url
            } else {
                matches = tokens(of: line).tokens.first == url || line == url
            }
            if matches { removed = true; return false }
            return true
        }
        return (kept.joined(separator: "\n"), removed)
    }

    /// A line-level failure's text (a wrapper so `Result` can carry it).
    struct Failure: Error { let text: String }

    /// The lines of `text`, split on line feeds by Unicode scalar (a `\r` before one is trimmed with the
    /// other white space): splitting by `Character` would see `\r\n` as one character, not a line end.
    static func lines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A line without the white space around it. Unicode scalars rather than Foundation's
    /// `trimmingCharacters`: a 500-line file is read before the reader's first frame.
    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// White space by Unicode's definition, with ASCII decided without the property lookup (the lookup was
    /// most of the cost of reading a long file).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
                || scalar.value == 0x0B || scalar.value == 0x0C
        }
        return scalar.properties.isWhitespace
    }

    /// The tokens of a line, newsboat's way (white space separates, double quotes group, backslash escapes
    /// inside quotes), and whether a quote was left open.
    static func tokens(of line: String) -> (tokens: [String], unclosed: Bool) {
        asciiTokens(of: line) ?? generalTokens(of: line)
    }

    /// `generalTokens` for a line of ASCII without backslashes (nearly every line), on its bytes: the
    /// general path appends one scalar at a time, ~25,000 instructions a line of a file read before the
    /// reader's first frame and every refresh. Nil for any other line. `UrlsFileTokenTests` holds the two
    /// together.
    static func asciiTokens(of line: String) -> (tokens: [String], unclosed: Bool)? {
        var line = line
        return line.withUTF8 { bytes -> (tokens: [String], unclosed: Bool)? in
            var tokens: [String] = []
            var current: [UInt8] = []
            var inQuotes = false, tokenStarted = false
            for byte in bytes {
                switch byte {
                case 0x80...0xFF, UInt8(ascii: "\\"):
                    return nil
                case UInt8(ascii: "\""):
                    inQuotes.toggle()
                    tokenStarted = true
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                    if inQuotes {
                        current.append(byte)
                        tokenStarted = true
                    } else {
                        if tokenStarted { tokens.append(String(decoding: current, as: UTF8.self)) }
                        current.removeAll(keepingCapacity: true)
                        tokenStarted = false
                    }
                default:
                    current.append(byte)
                    tokenStarted = true
                }
            }
            if tokenStarted { tokens.append(String(decoding: current, as: UTF8.self)) }
            return (tokens, inQuotes)
        }
    }

    /// The tokens of a urls-file line, newsboat's way: white space separates them, double quotes group,
    /// and inside quotes a backslash escapes.
    static func generalTokens(of line: String) -> (tokens: [String], unclosed: Bool) {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var inQuotes = false
        var tokenStarted = false
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                // newsboat's escapes inside quotes: \" and \\ stand for themselves, \n \r \t for white
                // space (a title is one line), any other pair is kept as written.
                escaped = false
                switch scalar {
                case "\"", "\\": current.append(scalar)
                case "n", "r", "t": current.append(" ")
                default: current.append("\\"); current.append(scalar)
                }
            } else if inQuotes && scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                inQuotes.toggle()
                tokenStarted = true
            } else if !inQuotes && isSpace(scalar) {
                if tokenStarted { tokens.append(String(current)) }
                current = String.UnicodeScalarView()
                tokenStarted = false
            } else {
                current.append(scalar)
                tokenStarted = true
            }
        }
        if escaped { current.append("\\") }
        if tokenStarted { tokens.append(String(current)) }
        return (tokens, inQuotes)
    }

    /// The token that sets a feed's reader mode: `extract:always`.
    static let extractPrefix = "extract:"

    static func parseLine(_ line: String) -> Result<Subscription, Failure> {
        if let control = line.unicodeScalars.first(where: isControl) {
            let name = control.value == 0 ? "a NUL byte" : String(format: "the control character U+%04X", control.value)
            return .failure(Failure(text: "\(name) in “\(Sanitizer.excerpt(line))”; line skipped"))
        }
        let (tokens, unclosed) = tokens(of: line)
        if unclosed { return .failure(Failure(text: "unclosed quote")) }
        guard let url = tokens.first, !url.isEmpty else { return .failure(Failure(text: "no URL")) }
        if let problem = urlProblem(url) { return .failure(Failure(text: problem)) }
        var tags: [String] = []
        var title: String?
        var extract: ExtractMode?
        for token in tokens.dropFirst() where !token.isEmpty {
            if token.hasPrefix(extractPrefix) {
                guard let mode = ExtractMode(rawValue: String(token.dropFirst(extractPrefix.count))) else {
                    let known = ExtractMode.allCases.map { extractPrefix + $0.rawValue }.joined(separator: ", ")
                    return .failure(Failure(text: "unknown reader mode “\(Sanitizer.excerpt(token))” (known: \(known)); line skipped"))
                }
                extract = mode
            } else if token.hasPrefix("~") {
                title = String(token.dropFirst())
            } else if token.hasPrefix("!") {
                continue  // newsboat's "hidden feed" marker: accepted, not used
            } else {
                tags.append(token)
            }
        }
        return .success(Subscription(url: url, tags: tags, title: title, extract: extract))
    }

    /// Why `url` cannot be added to the file (`gazette add`, even without fetching it first), or nil when
    /// it can: a known source kind, a file path, or an absolute http(s) URL with a host and no white space.
    public static func problem(adding url: String) -> String? {
        if let problem = urlProblem(url) { return problem }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        if url.unicodeScalars.contains(where: isSpace) {
            return "'\(url)' has white space in it; a URL has none (write a space as %20)"
        }
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else {
            return "'\(url)' is not an absolute URL (it needs a host: https://example.org/feed)"
        }
        return nil
    }

    /// Why `url` cannot be subscribed to, or nil when it can.
    static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://") { return nil }
        if lower.hasPrefix("/") || lower.hasPrefix("~/") || lower.hasPrefix("./") { return nil }
        if let address = SourceAddress.parse(url) {
            if case .failure(let error) = address { return error.message }
            return nil
        }
        if lower.hasPrefix("sample:") { return nil }
        if lower.hasPrefix("query:") || lower.hasPrefix("exec:") || lower.hasPrefix("filter:") {
            return "newsboat's \(url.prefix(while: { $0 != ":" })): feeds are not supported; line skipped"
        }
        return "'\(Sanitizer.excerpt(url))' is not an http(s) URL, a file path or a known source "
            + "(hackernews:top, lobsters:hottest)"
    }

    /// C0 controls but tab, DEL and C1: what may not be in a line of the file (`\r` is trimmed before).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }

    private static func quoteIfNeeded(_ token: String) -> String {
        token.contains(where: { $0.isWhitespace || $0 == "\"" }) ? quote(token) : token
    }

    private static func quote(_ token: String) -> String {
        "\"" + token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "'") + "\""
    }
}
