import Foundation

extension OPML {
    /// What an `XMLParser` error means, in words, with the column: Foundation on Linux describes them only
    /// as "NSXMLParserErrorDomain error 29". The codes are libxml2's (`xmlParserErrors`), which both
    /// Foundations report; swift-corelibs-foundation's `XMLParser.ErrorCode` cases are numbered differently,
    /// so the numbers are matched here.
    static func reason(_ error: Error, column: Int) -> String {
        let code = (error as NSError).code
        let what: String
        switch code {
        case 3, 4: what = "the file is empty or does not start as XML"
        case 5, 86: what = "content after the end of the document"
        case 6...13: what = "a character XML does not allow (a control character?)"
        case 22, 23, 26, 27: what = "an unknown entity or a bare '&' (write '&amp;')"
        case 28...30, 89: what = "an entity that refers outside the file or to itself, which Gazette does not load"
        case 31, 32, 79, 81: what = "an encoding Gazette cannot read (save the file as UTF-8)"
        case 33, 34, 39...41: what = "an attribute without a quoted value"
        case 38: what = "a '<' inside an attribute value (write '&lt;')"
        case 42: what = "an attribute given twice in one element"
        case 45: what = "a comment that is never closed with '-->'"
        case 63: what = "a CDATA section that is never closed"
        case 68, 72: what = "a '<' or '&' that starts no tag or entity (write '&lt;' or '&amp;')"
        case 73, 77: what = "a tag that is not closed with '>'"
        case 74, 76, 85: what = "a closing tag that does not match the element it closes"
        default: what = "XML error \(code) (libxml2)"
        }
        return "\(what), column \(column)"
    }
}
