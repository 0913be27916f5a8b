import Testing
import TestSupport
@testable import TextSafety

/// The one link rule: which schemes a link may have, tracking parameters, and the identity of a story's link.
@Suite("Link rule")
struct LinkRuleTests {
    /// Regression: the byte guard in front of the tracking-parameter removal matched only lower-case
    /// `utm_`, so `?UTM_source=` survived although the rule itself is case-insensitive.
    @Test("tracking parameters are removed in any case", arguments: [
        ("https://x.org/a?UTM_source=rss&id=3", "https://x.org/a?id=3"),
        ("https://x.org/a?id=3&Utm_Medium=feed", "https://x.org/a?id=3"),
        ("https://x.org/a?utm_source=rss", "https://x.org/a"),
        ("https://x.org/a?id=3#UTM_x", "https://x.org/a?id=3#UTM_x"),
    ])
    func trackingParameters(link: String, expected: String) {
        #expect(URLResolver.removingTrackingParameters(link) == expected)
        #expect(URLResolver.removingTrackingParametersByComponents(link) == expected)
    }

    /// Regression: without a base, an absolute reference came back as written (`HTTP://`, dot segments)
    /// while the same reference with a base was normalised.
    @Test("an absolute reference resolves the same with and without a base", arguments: [
        "HTTP://Example.COM/a/./b/../c", "https://x.org/a?b#c", "mailto:a@b.example", "HTTPS://x.org",
    ])
    func absoluteWithoutBase(reference: String) {
        #expect(URLResolver.resolve(reference, against: nil) == URLResolver.resolve(reference, against: "https://base.example/p"))
        #expect(URLResolver.resolve("story/1", against: nil) == "story/1")
    }

    @Test("links with a tracking parameter in any case are cleaned as the general code cleans them; others are untouched")
    func quickPathAgrees() {
        var random = SplitMix64(seed: 0x17A_C0DE)
        let pieces = ["utm_", "UTM_", "Utm_", "uTm_", "=", "&", "?", "#", "a", "/", "%", "é"]
        var tracked = 0
        for _ in 0..<5_000 {
            var link = "https://example.org/p?"
            for _ in 0..<Int(random.next() % 10) { link += pieces[Int(random.next() % UInt64(pieces.count))] }
            let hasTracking = link.lowercased().contains("utm_")
            #expect(URLResolver.hasUTM(link) == hasTracking, "\(link)")
            if hasTracking {
                tracked += 1
                #expect(URLResolver.removingTrackingParameters(link) == URLResolver.removingTrackingParametersByComponents(link),
                        "\(link)")
            } else {
                #expect(URLResolver.removingTrackingParameters(link) == link)
            }
        }
        #expect(tracked > 1_000)
    }

    @Test("a story's identity link drops tracking parameters and the fragment, nothing else")
    func identityLink() {
        #expect(URLResolver.identityLink("https://x.org/a?id=3&utm_campaign=z#comments") == "https://x.org/a?id=3")
        #expect(URLResolver.identityLink("https://x.org/a?UTM_source=x") == "https://x.org/a")
        #expect(URLResolver.identityLink("https://x.org/a?b=%2F&c") == "https://x.org/a?b=%2F&c")
        #expect(URLResolver.identityLink("https://x.org/#/route") == "https://x.org/")
    }

    @Test("links may be http, https or mailto, in the string and the byte form alike", arguments: [
        ("http", true), ("https", true), ("mailto", true), ("javascript", false), ("file", false), ("data", false),
        ("ftp", false), ("httpx", false), ("", false),
    ])
    func linkSchemes(scheme: String, allowed: Bool) {
        #expect(URLResolver.isLinkScheme(scheme) == allowed)
        #expect(URLResolver.linkSchemes.contains(scheme) == allowed)
        #expect(Array(scheme.utf8).withUnsafeBufferPointer { URLResolver.isLinkScheme(bytes: $0) } == allowed)
        // ":x" has no scheme: a relative reference, allowed until it is resolved.
        #expect(URLResolver.isAllowedLink(scheme + ":x") == (allowed || scheme.isEmpty))
    }

    /// Regression: a feed that writes `&amp;` inside CDATA left `?amp;utm_medium=…` in links.
    @Test("a literal &amp; in a query is a separator, on the quick path (ASCII) and the general one (non-ASCII)")
    func bothPaths() {
        #expect(URLResolver.removingTrackingParameters("https://a.example/p?amp;x=1&amp;utm_source=s&amp;y=2")
                == "https://a.example/p?amp;x=1&y=2")
        #expect(URLResolver.removingTrackingParameters("https://a.example/p?x=1&amp;utm_medium=m")
                == "https://a.example/p?x=1")
        #expect(URLResolver.removingTrackingParameters("https://a.example/p?x=1&amp;y=2#frag")
                == "https://a.example/p?x=1&y=2#frag")
        #expect(URLResolver.removingTrackingParametersByComponents("https://a.example/é?x=1&amp;utm_medium=m&amp;y=2")
                == "https://a.example/é?x=1&y=2")
    }

    @Test("The host of a URL, as messages and source checks read it, without Foundation's IDNA decoding")
    func hosts() {
        #expect(URLResolver.host(of: "https://News.Example.org:8443/a?b#c") == "news.example.org")
        #expect(URLResolver.host(of: "http://user:pw@a.example/") == "a.example")
        #expect(URLResolver.host(of: "http://[::1]:8080/feed") == "[::1]")
        #expect(URLResolver.host(of: "https://xn--bcher-kva.example/") == "xn--bcher-kva.example")
        #expect(URLResolver.host(of: "/relative/path") == nil)
        #expect(URLResolver.host(of: "file:///etc/passwd") == nil)
        #expect(URLResolver.Components("https://h.example/item?p=1&id=42&id=7").queryValue("id") == "42")
        #expect(URLResolver.Components("https://h.example/item?flag&id=").queryValue("flag") == "")
        #expect(URLResolver.Components("https://h.example/item").queryValue("id") == nil)
    }
}
