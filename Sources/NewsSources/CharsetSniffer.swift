/// Guesses the charset of undeclared bytes that are not UTF-8 — the job chardet does for feedparser, done
/// with a few structural rules instead of frequency tables:
/// - Japanese: the bytes decode cleanly as EUC-JP or Shift_JIS *and* the text has hiragana (every Japanese
///   sentence does; Chinese and Korean text almost never).
/// - Chinese: clean GB18030 with every pair inside GB2312's A1–FE square → GB18030; otherwise clean Big5.
/// - Single-byte scripts from where the high bytes fall: Thai (TIS-620) fills A1–CE; Hebrew (windows-1255)
///   uses E0–FA and almost nothing in C0–DF; Russian in KOI8-R is mostly lower case, which KOI8-R puts in
///   C0–DF, while windows-1251 puts it in E0–FF.
/// Only high bytes that come in runs (words of a non-Latin script) count; accented letters among ASCII
/// ones are Latin. Anything else is windows-1252, the usual truth of undeclared Western feeds.
enum CharsetSniffer {
    static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func cleanly(_ charset: String) -> String? {
            let decoded = CharsetDecoder.convert(bytes, skip: 0, from: charset, name: charset)
            guard decoded.replacements == 0, let utf8 = decoded.utf8 else { return nil }
            return String(decoding: utf8, as: UTF8.self)
        }
        func hasKana(_ text: String) -> Bool {
            var kana = 0, high = 0
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                high += 1
                if (0x3041...0x30FF).contains(scalar.value) { kana += 1 }
            }
            return high > 0 && kana * 20 >= high
        }
        if let text = cleanly("EUC-JP"), hasKana(text) { return "EUC-JP" }
        if let text = cleanly("SHIFT_JIS"), hasKana(text) { return "SHIFT_JIS" }
        if cleanly("GB18030") != nil && onlyGB2312Pairs(bytes) { return "GB18030" }
        if cleanly("BIG5-HKSCS") != nil { return "BIG5-HKSCS" }

        var low = 0, middle = 0, upper = 0, thai = 0
        for byte in bytes where byte >= 0xA0 {
            switch byte {
            case 0xA1...0xCE: thai += 1; if byte >= 0xC0 { middle += 1 } else { low += 1 }
            case 0xC0...0xDF: middle += 1
            case 0xE0...0xFF: upper += 1
            default: break
            }
        }
        let total = low + middle + upper
        // Words of a non-Latin script are runs of high bytes; accented Latin letters sit among ASCII ones.
        var inRuns = 0
        for index in bytes.indices where bytes[index] >= 0xA0 {
            if (index > 0 && bytes[index - 1] >= 0xA0) || (index + 1 < bytes.count && bytes[index + 1] >= 0xA0) { inRuns += 1 }
        }
        guard total >= 8, inRuns * 2 > total else { return "WINDOWS-1252" }
        if low * 4 > total && thai * 2 > total { return "TIS-620" }
        if upper * 10 > total * 9 && bytes.allSatisfy({ $0 < 0xFB }) && cleanly("WINDOWS-1255") != nil { return "WINDOWS-1255" }
        if middle * 2 > total { return "KOI8-R" }
        if upper * 2 > total && middle * 10 > total { return "WINDOWS-1251" }
        return "WINDOWS-1252"
    }

    /// Whether every byte ≥ 0x80 pairs up into GB2312's two-byte square (both bytes A1–FE).
    static func onlyGB2312Pairs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard bytes[i] >= 0xA1, bytes[i] <= 0xFE, i + 1 < bytes.count, bytes[i + 1] >= 0xA1, bytes[i + 1] <= 0xFE
            else { return false }
            i += 2
        }
        return true
    }
}
