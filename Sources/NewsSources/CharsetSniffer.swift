/// Guesses the charset of undeclared bytes that are not UTF-8 — the job chardet does for feedparser, done
/// with a few structural rules instead of frequency tables:
/// - Japanese: the bytes decode cleanly as EUC-JP or Shift_JIS *and* the text has hiragana (every Japanese
///   sentence does; Chinese and Korean text almost never).
/// - Korean, Chinese: EUC-KR, GB2312 and Big5 text without punctuation all fit the A1–FE square of two-byte
///   pairs, and most such text decodes cleanly in all three, so the choice is made on which rows the lead
///   bytes fall in (`SquareRows`): Hangul fills rows B0–C8 and leaves C9–FE (hanja) nearly empty, where
///   Chinese text spreads over both; Big5's commonest characters sit in rows A4–AF, which GB2312 and
///   EUC-KR keep for kana, Greek, Cyrillic and symbols. Outside the square: Korean (cp949's extended
///   syllables) when its decoding is mostly Hangul, else clean Big5.
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
        if let rows = SquareRows(bytes) {
            if rows.isBig5, cleanly("BIG5-HKSCS") != nil { return "BIG5-HKSCS" }
            if rows.isKorean, cleanly("CP949") != nil { return "CP949" }
            if cleanly("GB18030") != nil { return "GB18030" }
        } else if let text = cleanly("CP949"), isMostlyHangul(text) {
            return "CP949"
        }
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

    /// Whether at least four in five characters above ASCII are Hangul syllables (cp949's extension
    /// decodes other scripts' bytes into scattered hanja and symbols, not into running Hangul).
    static func isMostlyHangul(_ text: String) -> Bool {
        var hangul = 0, high = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            high += 1
            if (0xAC00...0xD7A3).contains(scalar.value) { hangul += 1 }
        }
        return high >= 4 && hangul * 5 >= high * 4
    }
}

/// How the two-byte characters of a text in the EUC square (both bytes A1–FE) spread over the lead-byte
/// rows that tell EUC-KR, GB2312 and Big5 apart.
struct SquareRows {
    /// Leads A4–AF: Big5's commonest hanzi; kana, Greek, Cyrillic, jamo and symbols in GB2312 and EUC-KR.
    var big5Common = 0
    /// Leads B0–C8: every Hangul syllable of EUC-KR; GB2312's first-level hanzi; Big5's common hanzi.
    var hangulRows = 0
    /// Leads C9–FE: hanja (rare in Korean text) in EUC-KR; hanzi in GB2312 and Big5.
    var upperRows = 0
    var pairs = 0

    /// Nil unless every byte ≥ 0x80 pairs up into the square.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            guard lead >= 0xA1, lead <= 0xFE, i + 1 < bytes.count, bytes[i + 1] >= 0xA1, bytes[i + 1] <= 0xFE
            else { return nil }
            pairs += 1
            switch lead {
            case 0xA4...0xAF: big5Common += 1
            case 0xB0...0xC8: hangulRows += 1
            case 0xC9...0xFE: upperRows += 1
            default: break
            }
            i += 2
        }
    }

    /// Hangul text: at least four syllables, characters past the Hangul rows under one in ten of them, and
    /// Big5's common rows nearly empty (Big5 text, too, rarely reaches past C8).
    var isKorean: Bool { hangulRows >= 4 && upperRows * 10 <= hangulRows && big5Common * 10 <= pairs }

    /// Big5 text: a fifth of the characters in rows that Chinese GB2312 and Korean text hardly use.
    var isBig5: Bool { pairs >= 4 && big5Common * 5 >= pairs }
}
