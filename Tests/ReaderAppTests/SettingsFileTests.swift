import Testing
import NewsSync
@testable import ReaderApp

@Suite("config.toml")
struct SettingsFileTests {
    @Test("An empty file gives the documented defaults")
    func defaults() throws {
        let (settings, warnings) = try SettingsFile.parse("")
        #expect(warnings.isEmpty)
        #expect(settings == Settings())
        #expect(settings.fetch.perHostLimit == 2)
        #expect(settings.fetch.overallLimit == 16)
        #expect(settings.fetch.maxBytes == 32 << 20)
        #expect(settings.refreshIntervalMinutes == 60)
    }

    @Test("Every section's keys are read")
    func values() throws {
        let text = """
        [reader]
        theme = "light"
        browser = "firefox --new-tab"
        mark-read-on-open = false

        [refresh]
        interval-minutes = 15
        jobs = 8
        per-host = 1
        timeout-seconds = 10
        max-feed-size-mb = 4
        user-agent = "MyReader/1"

        [retention]
        keep-days = 90
        max-per-feed = 500
        """
        let (s, warnings) = try SettingsFile.parse(text)
        #expect(warnings.isEmpty)
        #expect(s.theme == "light")
        #expect(s.browser == ["firefox", "--new-tab"])
        #expect(s.markReadOnOpen == false)
        #expect(s.refreshIntervalMinutes == 15)
        #expect(s.fetch.overallLimit == 8)
        #expect(s.fetch.perHostLimit == 1)
        #expect(s.fetch.timeoutSeconds == 10)
        #expect(s.fetch.maxBytes == 4 << 20)
        #expect(s.fetch.userAgent == "MyReader/1")
        #expect(s.keepDays == 90)
        #expect(s.maxPerFeed == 500)
    }

    @Test("An unknown key is a warning with its line; the rest still applies")
    func unknownKey() throws {
        let (s, warnings) = try SettingsFile.parse("[reader]\ntheme = \"light\"\ncolour = \"red\"\n")
        #expect(s.theme == "light")
        #expect(warnings == [SettingsProblem(line: 3, message: "unknown setting 'colour' in [reader]")])
    }

    @Test("A file with Windows line ends gives the same line numbers")
    func windowsLineEnds() throws {
        let (s, warnings) = try SettingsFile.parse("[reader]\r\ntheme = \"light\"\r\ncolour = \"red\"\r\n")
        #expect(s.theme == "light")
        #expect(warnings == [SettingsProblem(line: 3, message: "unknown setting 'colour' in [reader]")])
    }

    @Test("A bad value is an error with its line")
    func badValue() {
        do {
            _ = try SettingsFile.parse("[refresh]\njobs = 8\nper-host = \"two\"\ntimeout-seconds = 0\n",
                                       path: "/cfg/config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.line) == [3, 4])
            #expect(error.description.contains("/cfg/config.toml: line 3: refresh.per-host: expected a whole number"))
            #expect(error.description.contains("line 4: refresh.timeout-seconds: 0 is out of range"))
        }
    }

    @Test("A syntax error names its line")
    func syntax() {
        do {
            _ = try SettingsFile.parse("[reader]\ntheme = \n")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.first?.line == 2)
        }
    }
}

/// config.toml from a hostile or broken editor: no header injection, no silent end of file.
@Suite("config.toml against injection")
struct SettingsInjectionTests {
    @Test("CR/LF (or any control character) in user-agent is an error: it would add HTTP headers")
    func userAgentInjection() {
        do {
            _ = try SettingsFile.parse("[refresh]\nuser-agent = \"Gazette\\r\\nX-Injected: yes\"\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.line) == [2])
            #expect(error.description.contains("control character"))
        }
    }

    @Test("A NUL byte is an error with its line, not a silent end of the file")
    func nulByte() {
        do {
            _ = try SettingsFile.parse("[refresh]\njobs = 4\u{0}\ntimeout-seconds = 700\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.line) == [2])
            #expect(error.description.contains("NUL"))
        }
    }
}

@Suite("config.toml: comment sources")
struct CommentSettingsTests {
    @Test("[sources.hackernews], [sources.lobsters] and [comments] set the endpoints and the comment behaviour")
    func sources() throws {
        let text = """
            [sources.hackernews]
            api = "http://127.0.0.1:8080/v0"
            search = "http://127.0.0.1:8080/api/v1/"
            [sources.lobsters]
            url = "http://127.0.0.1:8080/lobsters/"
            [comments]
            max-age-minutes = 5
            beside-story = false
            """
        let (settings, warnings) = try SettingsFile.parse(text)
        #expect(warnings.isEmpty)
        #expect(settings.endpoints.hackerNewsAPI == "http://127.0.0.1:8080/v0/")
        #expect(settings.endpoints.hackerNewsSearch == "http://127.0.0.1:8080/api/v1/")
        #expect(settings.endpoints.lobsters == "http://127.0.0.1:8080/lobsters/")
        #expect(settings.commentsMaxAgeMinutes == 5 && !settings.commentsBesideStory)
    }

    @Test("The defaults are the real services")
    func defaults() throws {
        let settings = try SettingsFile.parse("").settings
        #expect(settings.endpoints.hackerNewsAPI == "https://hacker-news.firebaseio.com/v0/")
        #expect(settings.endpoints.hackerNewsSearch == "https://hn.algolia.com/api/v1/")
        #expect(settings.endpoints.lobsters == "https://lobste.rs/")
        #expect(settings.commentsBesideStory)
    }

    @Test("A bad base URL is an error on its line; an unknown source a warning")
    func badURL() throws {
        #expect {
            _ = try SettingsFile.parse("[sources.lobsters]\nurl = \"ftp://lobste.rs\"\n")
        } throws: { error in
            (error as? SettingsError)?.problems.first == SettingsProblem(line: 2,
                message: "sources.lobsters.url: expected an http(s) URL in quotes, e.g. \"https://lobste.rs/\"")
        }
        let (_, warnings) = try SettingsFile.parse("[sources.reddit]\nurl = \"https://reddit.com\"\n")
        #expect(warnings.first?.line == 1)
    }

    @Test("[[sync]] tables become accounts; a bad one is an error on its own line")
    func syncAccounts() throws {
        let text = """
        [reader]
        theme = "light"

        [[sync]]
        name = "home"
        type = "greader"
        url = "https://rss.example/api/greader.php"
        user = "alice"
        password-command = "pass show rss"

        [[sync]]
        type = "greader"
        url = "https://other.example/api/greader.php"
        user = "bob"
        """
        #expect(throws: SettingsError(path: "config.toml", problems: [SettingsProblem(
            line: 11, message: "sync.password-command (preferred) or sync.password: missing")])) {
            try SettingsFile.parse(text)
        }
        let (settings, warnings) = try SettingsFile.parse(text + "\npassword-command = \"echo x\"\n")
        #expect(warnings.isEmpty)
        #expect(settings.syncAccounts.map(\.name) == ["home", "other.example"])
    }
}
