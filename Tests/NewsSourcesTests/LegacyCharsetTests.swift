import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import NewsSources

/// `text` encoded in a legacy charset with the system's iconv (the fixtures are written as Unicode here and
/// turned into the bytes a server in Seoul, Beijing, Taipei or Tokyo would send).
func legacyBytes(_ text: String, _ charset: String) -> [UInt8] {
    let cd = iconv_open(charset, "UTF-8")
    precondition(cd != iconv_t(bitPattern: -1), "iconv cannot encode \(charset)")
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let written = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer -> Int in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = outBuffer.count
            precondition(iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, "not encodable in \(charset)")
            return outBuffer.count - outLeft
        }
    }
    return Array(output[..<written])
}

/// An undeclared RSS feed in `charset`: the title and one item's description.
func undeclaredFeed(title: String, description: String, _ charset: String) -> [UInt8] {
    Array("<rss version=\"2.0\"><channel><title>".utf8) + legacyBytes(title, charset)
        + Array("</title><item><title>1</title><description>".utf8) + legacyBytes(description, charset)
        + Array("</description></item></channel></rss>".utf8)
}

@Suite("Undeclared CJK charsets are told apart by where their bytes fall")
struct LegacyCharsetTests {
    static let korean = ("항구 소식", "올겨울 첫 여객선이 오늘 아침 부두에 도착했다. 선장은 바다가 잔잔해서 예정보다 일찍 들어왔다고 말했다.")
    static let simplified = ("港口新闻", "今年冬天的第一艘客轮今天早上到达码头。船长说海面平静，所以比预定时间提前到港。")
    static let traditional = ("港口新聞", "今年冬天的第一艘客輪今天早上抵達碼頭。船長說海面平靜，所以比預定時間提前進港。")
    static let japanese = ("港のニュース", "今年の冬最初の客船が今朝、港に着いた。船長は海が穏やかだったので予定より早く入港したと話した。")

    @Test("each script in each charset is guessed right and decoded to the same text", arguments: [
        (korean, "EUC-KR", "cp949"),
        (("똠양꿍 소식", "오늘 부두 앞에 새로 문을 연 식당은 똠양꿍을 판다."), "CP949", "cp949"), // cp949's extended syllables
        (simplified, "GB2312", "gb18030"),
        (traditional, "BIG5", "big5hkscs"),
        (japanese, "EUC-JP", "euc-jp"),
        (japanese, "SHIFT_JIS", "shift_jis"),
    ])
    func guessed(_ text: (String, String), _ charset: String, _ reported: String) throws {
        let result = try parse(bytes: undeclaredFeed(title: text.0, description: text.1, charset))
        #expect(result.feed.encoding == reported)
        #expect(result.feed.title == text.0)
        #expect(result.feed.entries.first?.summary == text.1)
    }

    @Test("Korean without punctuation, all inside the square GB2312 shares, is Korean")
    func koreanInTheSquare() throws {
        let title = "부산 항만 공사 새 여객 터미널 개장"
        let result = try parse(bytes: feedBytes(title: legacyBytes(title, "EUC-KR")))
        #expect(result.feed.encoding == "cp949")
        #expect(result.feed.title == title)
    }

    @Test("Big5 text without full-width punctuation (so every byte pair is in the square) is Big5")
    func big5InTheSquare() throws {
        let title = "今天的客輪提早抵港"
        let bytes = legacyBytes(title, "BIG5")
        #expect(SquareRows(bytes.withUnsafeBufferPointer { $0 }) != nil)
        let result = try parse(bytes: feedBytes(title: bytes))
        #expect(result.feed.encoding == "big5hkscs")
        #expect(result.feed.title == title)
    }

    @Test("row statistics of the square", arguments: [
        ("항구에 배가 들어왔다", "EUC-KR", true, false),
        ("港口今天来了一艘新的客轮", "GB2312", false, false),
        ("海面平時客輪提早抵港", "BIG5", false, true),
    ])
    func rows(_ text: String, _ charset: String, _ korean: Bool, _ big5: Bool) throws {
        let bytes = legacyBytes(text, charset)
        let rows = try #require(bytes.withUnsafeBufferPointer { SquareRows($0) })
        #expect(rows.isKorean == korean)
        #expect(rows.isBig5 == big5)
    }
}
