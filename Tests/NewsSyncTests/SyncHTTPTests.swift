import Foundation
import Testing
@testable import NewsSync

/// Form bodies: the byte-level encoder is held to Foundation's percent encoding of the same unreserved set.
@Suite struct SyncHTTPTests {
    @Test func formEncodingMatchesFoundationsPercentEncoding() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let samples = ["tag:google.com,2005:reader/item/00060a24181e4000", "user/-/state/com.google/read", "",
                       "a b+c&d=e?f#g%h", "Zoë 東京 👩🏽‍💻", "~._-", "\u{0}\u{1F}\u{7F}", "correct horse battery"]
        for text in samples {
            #expect(SyncHTTP.escape(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text)")
        }
        #expect(SyncHTTP.formEncoded([("i", "a/b"), ("T", "x y")]) == "i=a%2Fb&T=x%20y")
    }
}
