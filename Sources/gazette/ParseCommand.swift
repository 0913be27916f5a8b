import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NewsModel
import NewsSources
import TextSafety

/// `gazette parse`: parses one feed and prints it as JSON — the diagnostic users run when a feed looks wrong,
/// and the contract the correctness scorer and benchmarks use.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed (file, file:// or http(s) URL) and print it as JSON.",
        discussion: """
            Prints one JSON object: title, link, subtitle, id, author, updated, published, encoding, and items \
            (id, title, link, published, updated, author, summary, content, categories, enclosures, \
            comments_url, comment_count, replies_feed_url). Warnings go to stderr.
            """
    )

    @Argument(help: "A feed file, or a file:// or http(s) URL.")
    var source: String

    @Option(name: .customLong("base-url"), help: "The document URL relative links resolve against (default: the URL fetched).")
    var baseURL: String?

    @Option(name: .customLong("content-type"), help: "The HTTP Content-Type to assume (its charset takes precedence).")
    var contentType: String?

    @Option(name: .customLong("headers-json"), help: "HTTP response headers as a JSON object (Content-Type, Content-Location), standing in for a real response.")
    var headersJSON: String?

    @Option(name: .customLong("max-size"), help: "Refuse documents larger than this many bytes (default 32 MB).")
    var maxSize: Int = ParseLimits.default.maxBytes

    func run() async throws {
        var (data, fetchedURL, fetchedType) = try await load(source)
        if let baseURL, !baseURL.isEmpty { fetchedURL = baseURL }
        if let contentType, !contentType.isEmpty { fetchedType = contentType }
        if let headersJSON, let object = try? JSONSerialization.jsonObject(with: Data(headersJSON.utf8)) as? [String: Any] {
            let headers = Dictionary(object.map { ($0.key.lowercased(), "\($0.value)") }, uniquingKeysWith: { a, _ in a })
            if let type = headers["content-type"] { fetchedType = type }
            if let location = headers["content-location"] { fetchedURL = Self.contentLocation(location, against: fetchedURL) }
        }
        let limits = ParseLimits(maxBytes: maxSize)
        do {
            let result = try FeedParser.parse(data: data, url: fetchedURL, contentType: fetchedType, fetchedAt: Date(),
                                              limits: limits)
            for warning in result.warnings { FileHandle.standardError.write(Data("gazette: warning: \(warning)\n".utf8)) }
            print(FeedJSON.render(result.feed))
        } catch let error as FeedParseError {
            FileHandle.standardError.write(Data("gazette: error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The document URL a `Content-Location` header gives, resolved against the request URL; a location
    /// with a scheme other than http(s) is ignored.
    static func contentLocation(_ location: String, against base: String?) -> String? {
        let resolved = URLResolver.resolve(location, against: base)
        switch URLResolver.scheme(of: resolved) {
        case "http", "https": return resolved
        default: return base
        }
    }

    /// Reads a file or fetches a URL; returns the bytes, the URL to resolve against and the Content-Type.
    func load(_ source: String) async throws -> (Data, String?, String?) {
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            guard let url = URL(string: source) else { throw ValidationError("not a valid URL: \(source)") }
            let (data, response) = try await URLSession(configuration: .ephemeral).data(from: url)
            let http = response as? HTTPURLResponse
            if let status = http?.statusCode, !(200..<300).contains(status) {
                FileHandle.standardError.write(Data("gazette: error: HTTP \(status) from \(source)\n".utf8))
                throw ExitCode(2)
            }
            var documentURL = response.url?.absoluteString ?? source
            if let location = http?.value(forHTTPHeaderField: "Content-Location") {
                documentURL = Self.contentLocation(location, against: documentURL) ?? documentURL
            }
            return (data, documentURL, http?.value(forHTTPHeaderField: "Content-Type"))
        }
        let path = source.hasPrefix("file://") ? (URL(string: source)?.path ?? String(source.dropFirst(7))) : source
        do {
            return (try Data(contentsOf: URL(fileURLWithPath: path)), nil, nil)
        } catch {
            FileHandle.standardError.write(Data("gazette: error: cannot read \(path)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// The JSON `gazette parse` prints: the schema of issue 3, keys in a fixed order, `null` for missing values.
enum FeedJSON {
    static func render(_ feed: FeedDocument) -> String {
        var out = "{"
        field("title", string(feed.title), &out)
        field("link", string(feed.link), &out)
        field("subtitle", string(feed.subtitle), &out)
        field("id", string(feed.id), &out)
        field("author", string(feed.author), &out)
        field("updated", date(feed.updated), &out)
        field("published", date(feed.published), &out)
        field("encoding", string(feed.encoding), &out)
        out += ",\n  \"items\": ["
        for (index, entry) in feed.entries.enumerated() {
            out += index == 0 ? "\n    {" : ",\n    {"
            var item = ""
            field("id", string(entry.id), &item, indent: 6)
            field("title", string(entry.title), &item, indent: 6)
            field("link", string(entry.link), &item, indent: 6)
            field("published", date(entry.published), &item, indent: 6)
            field("updated", date(entry.updated ?? entry.published), &item, indent: 6)
            field("author", string(entry.author), &item, indent: 6)
            field("summary", string(entry.summary), &item, indent: 6)
            field("content", string(entry.content), &item, indent: 6)
            field("categories", "[" + entry.categories.map(string).joined(separator: ", ") + "]", &item, indent: 6)
            let enclosures = entry.enclosures.map {
                "{\"url\": \(string($0.url)), \"type\": \(string($0.type)), \"length\": \($0.length.map(String.init) ?? "null")}"
            }
            field("enclosures", "[" + enclosures.joined(separator: ", ") + "]", &item, indent: 6)
            field("comments_url", string(entry.commentsURL), &item, indent: 6)
            field("comment_count", entry.commentCount.map(String.init) ?? "null", &item, indent: 6)
            field("replies_feed_url", string(entry.repliesFeedURL), &item, indent: 6)
            field("in_reply_to", "[" + entry.inReplyTo.map(string).joined(separator: ", ") + "]", &item, indent: 6)
            field("thumbnail_url", string(entry.thumbnailURL), &item, indent: 6)
            out += item + "\n    }"
        }
        out += feed.entries.isEmpty ? "]\n}" : "\n  ]\n}"
        return out
    }

    static func field(_ key: String, _ value: String, _ out: inout String, indent: Int = 2) {
        if !out.isEmpty && out != "{" { out += "," }
        out += "\n" + String(repeating: " ", count: indent) + string(key) + ": " + value
    }

    static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `2003-12-31T10:14:55Z`: whole seconds, UTC.
    static func date(_ value: Date?) -> String {
        guard let value else { return "null" }
        let seconds = Int64(value.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // civil_from_days (Howard Hinnant)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"", Int(year), Int(month), Int(day),
                      Int(rest / 3600), Int(rest % 3600 / 60), Int(rest % 60))
    }
}
