import NewsModel
import ReaderCore
import Testing
@testable import ReaderApp

@Suite("config.toml: [extract] sets reader mode per feed")
struct ExtractSettingsTests {
    @Test("The default mode and modes of single feeds, keyed by URL")
    func modes() throws {
        let text = """
        [extract]
        default = "never"
        "https://en.mercopress.com/rss/" = "always"
        "/home/me/feeds/local.xml" = "auto"
        """
        let (settings, warnings) = try SettingsFile.parse(text)
        #expect(warnings.isEmpty)
        #expect(settings.extract.defaultMode == .never)
        #expect(settings.extract.mode(forFeedURL: "https://en.mercopress.com/rss/") == .always)
        #expect(settings.extract.mode(forFeedURL: "/home/me/feeds/local.xml") == .auto)
        #expect(settings.extract.mode(forFeedURL: "https://other.example/feed") == .never)
    }

    @Test("Without [extract], every feed is auto")
    func defaults() throws {
        #expect(try SettingsFile.parse("").settings.extract == ExtractPolicy(defaultMode: .auto))
    }

    @Test("A bad mode is an error with its line; a key that is not a URL is a warning")
    func problems() throws {
        #expect(throws: SettingsError.self) { try SettingsFile.parse("[extract]\ndefault = \"sometimes\"\n") }
        do {
            _ = try SettingsFile.parse("[reader]\ntheme = \"light\"\n[extract]\ndefault = \"sometimes\"\n")
        } catch {
            #expect(error.problems.first?.line == 4)
            #expect(error.description.contains("\"auto\", \"always\", \"never\""))
        }
        let (_, warnings) = try SettingsFile.parse("[extract]\nmercopress = \"always\"\n")
        #expect(warnings.first?.message.contains("URL") == true)
    }
}
