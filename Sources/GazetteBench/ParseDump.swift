import Foundation
import NewsModel
import NewsSources

/// Every field the parser gives for a feed file, or for every .xml/.json file under a folder (recursively,
/// in path order), one JSON line per file, for telling whether a change to the parser changed its output
/// anywhere (`gazette-bench parse DIR --dump OUT`, run with two builds, then `cmp`). The inputs are fixed
/// so the output depends on the parser alone: each file is parsed with the address
/// `https://feeds.example.org/<relative path>` (relative links resolve against it), no content type, and a
/// fixed fetch time.
enum ParseDump {
    static let fetchedAt = Date(timeIntervalSince1970: 1_800_000_000)

    /// One file's outcome: the feed and its warnings, or the error's description.
    struct Line: Encodable {
        var file: String
        var feed: FeedDocument?
        var warnings: [String]?
        var error: String?
    }

    /// The files to dump and the names they are parsed under: `path` itself, or the feeds below it.
    static func files(under path: String) -> [(url: URL, name: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let url = URL(fileURLWithPath: path)
            return [(url, url.lastPathComponent)]
        }
        let names = FileManager.default.subpaths(atPath: path) ?? []
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }.sorted()
            .map { (URL(fileURLWithPath: path).appendingPathComponent($0), $0) }
    }

    static func write(path: String, limits: ParseLimits, to output: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        let found = files(under: path)
        for (file, name) in found {
            let data = try Data(contentsOf: file)
            var line = Line(file: name)
            do {
                let result = try FeedParser.parse(data: data, url: "https://feeds.example.org/" + name,
                                                  contentType: nil, fetchedAt: fetchedAt, limits: limits)
                line.feed = result.feed; line.warnings = result.warnings
            } catch {
                line.error = String(describing: error)
            }
            out.append(try encoder.encode(line))
            out.append(0x0A)
        }
        guard FileManager.default.createFile(atPath: output, contents: out) else {
            throw BenchFailure(message: "cannot write \(output)")
        }
        FileHandle.standardError.write(Data("parse: dumped \(found.count) files to \(output)\n".utf8))
    }
}
