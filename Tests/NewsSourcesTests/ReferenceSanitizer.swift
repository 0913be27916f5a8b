@testable import NewsSources
import TextSafety

/// The sanitiser as it was written before the single-pass version: `HTMLTokenizer` tokens, re-serialised
/// when allowed. Kept here as the model the fast `FeedHTMLSanitizer.sanitize` must equal, byte for byte.
enum ReferenceSanitizer {
    static func sanitize(html: String, baseURL: String?) -> String {
        var out: [UInt8] = []
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        var open: [String] = []
        var skipDepth = 0
        var skipping: String?
        HTMLTokenizer.tokenize(html) { token in
            switch token {
            case .text(let text):
                if skipping == nil { EntityText.escape(text, into: &out) }
            case .rawText:
                break
            case .start(let name, let attributes, let selfClosing):
                if let current = skipping {
                    if name == current && !selfClosing { skipDepth += 1 }
                    return
                }
                if FeedHTMLSanitizer.droppedWithContent.contains(name) {
                    if !selfClosing && !FeedHTMLSanitizer.voidElements.contains(name) { skipping = name; skipDepth = 1 }
                    return
                }
                guard FeedHTMLSanitizer.allowedElements.contains(name) else { return }
                put("<"); put(name)
                for (attribute, value) in attributes where FeedHTMLSanitizer.allowedAttributes.contains(attribute) {
                    var value = value
                    if FeedHTMLSanitizer.urlAttributes.contains(attribute) {
                        let resolved = URLResolver.resolve(value, against: baseURL)
                        guard URLResolver.isAllowedLink(resolved) else { continue }
                        value = resolved
                    }
                    put(" "); put(attribute); put("=\""); EntityText.escape(value, into: &out); put("\"")
                }
                if FeedHTMLSanitizer.voidElements.contains(name) { put(" />") } else if selfClosing {
                    put("></"); put(name); put(">")
                } else {
                    put(">"); open.append(name)
                }
            case .end(let name):
                if let current = skipping {
                    if name == current { skipDepth -= 1; if skipDepth == 0 { skipping = nil } }
                    return
                }
                guard let index = open.lastIndex(of: name) else { return }
                while open.count > index { put("</"); put(open.removeLast()); put(">") }
            }
        }
        while let name = open.popLast() { put("</"); put(name); put(">") }
        return String(decoding: out, as: UTF8.self)
    }
}
