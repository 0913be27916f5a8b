import CGumbo

/// What an element's `class` and `id` say about it: words that mark article content, page furniture
/// (share bars, cookie banners, newsletter boxes), unlikely containers (sidebars, comments, menus) and
/// bylines. Word lists after Mozilla Readability's regular expressions, matched as substrings of the
/// lower-cased attribute, like theirs.
struct ClassHints {
    /// Which groups of words were found.
    struct Found: OptionSet {
        let rawValue: UInt8
        /// Readability's `unlikelyCandidates`: dropped unless `maybe` words are there too.
        static let unlikely = Found(rawValue: 1)
        /// Readability's `okMaybeItsACandidate`.
        static let maybe = Found(rawValue: 2)
        /// Boxes that are never the article, whatever else the names say.
        static let furniture = Found(rawValue: 4)
        /// A byline, author or dateline.
        static let byline = Found(rawValue: 8)
        /// A caption or credit.
        static let caption = Found(rawValue: 16)
    }

    private(set) var found: Found = []
    /// Readability's class weight: +25 for a positive word and −25 for a negative one, for each of
    /// `class` and `id`.
    private(set) var weight: Int16 = 0

    init(_ node: HTMLNode) {
        let attributes = node.raw.pointee.v.element.attributes
        guard attributes.length > 0 else { return }
        for index in 0..<Int(attributes.length) {
            let attribute = attributes.data[index]!.assumingMemoryBound(to: GumboAttribute.self)
            let name = attribute.pointee.name!
            // "class" or "id" (gumbo lower-cases attribute names).
            let isClass = strcmpBytes(name, "class")
            guard isClass || strcmpBytes(name, "id") else { continue }
            let groups = Self.scan(attribute.pointee.value)
            found.formUnion(groups.found)
            if groups.negative { weight -= 25 }
            if groups.positive { weight += 25 }
        }
    }

    private func strcmpBytes(_ a: UnsafePointer<CChar>, _ b: StaticString) -> Bool {
        let count = b.utf8CodeUnitCount
        let bytes = b.utf8Start
        for index in 0..<count where UInt8(bitPattern: a[index]) != bytes[index] { return false }
        return a[count] == 0
    }

    private struct Groups {
        var found: Found = []
        var positive = false
        var negative = false
    }

    /// Matches every word of the table against one attribute value.
    private static func scan(_ value: UnsafePointer<CChar>) -> Groups {
        var groups = Groups()
        var lowered: [UInt8] = []
        var index = 0
        while value[index] != 0 && index < 256 {
            var byte = UInt8(bitPattern: value[index])
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            lowered.append(byte)
            index += 1
        }
        guard !lowered.isEmpty else { return groups }
        let table = Self.table
        lowered.withUnsafeBufferPointer { text in
            for start in 0..<text.count {
                for wordIndex in table.byFirstByte[Int(text[start])] {
                    let word = table.words[wordIndex]
                    guard start + word.bytes.count <= text.count else { continue }
                    var matches = true
                    for offset in 1..<word.bytes.count where text[start + offset] != word.bytes[offset] {
                        matches = false
                        break
                    }
                    guard matches else { continue }
                    groups.found.formUnion(word.found)
                    if word.positive { groups.positive = true }
                    if word.negative { groups.negative = true }
                }
            }
        }
        return groups
    }

    /// One word of the lists and the groups it belongs to.
    private struct Word {
        let bytes: [UInt8]
        var found: Found = []
        var positive = false
        var negative = false
    }

    /// The words, indexed by their first byte so that each position of a value is tried against a few.
    private struct Table {
        var words: [Word] = []
        var byFirstByte: [[Int]] = Array(repeating: [], count: 256)

        init() {
            var merged: [String: Word] = [:]
            func add(_ list: [String], _ change: (inout Word) -> Void) {
                for text in list {
                    var word = merged[text] ?? Word(bytes: Array(text.utf8))
                    change(&word)
                    merged[text] = word
                }
            }
            add(ClassHints.unlikelyWords) { $0.found.insert(.unlikely) }
            add(ClassHints.maybeWords) { $0.found.insert(.maybe) }
            add(ClassHints.furnitureWords) { $0.found.insert(.furniture) }
            add(ClassHints.bylineWords) { $0.found.insert(.byline) }
            add(ClassHints.captionWords) { $0.found.insert(.caption) }
            add(ClassHints.positiveWords) { $0.positive = true }
            add(ClassHints.negativeWords) { $0.negative = true }
            for key in merged.keys.sorted() {
                byFirstByte[Int(merged[key]!.bytes[0])].append(words.count)
                words.append(merged[key]!)
            }
        }
    }

    private static let table = Table()

    static let unlikelyWords = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
        "pagination", "pager", "popup", "yom-remote", "masthead", "trending", "most-popular", "mostpopular",
    ]
    static let maybeWords = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
    static let furnitureWords = [
        "cookie", "newsletter", "share", "sharing", "social", "advert", "outbrain", "taboola", "breadcrumb",
        "popup", "modal", "signup", "sign-up", "subscribe", "recommended", "read-more", "readmore", "more-stories",
        "comment", "disqus", "related", "paywall", "consent", "gdpr",
    ]
    static let bylineWords = ["byline", "author", "dateline", "writtenby", "p-author"]
    static let captionWords = ["caption", "credit"]
    static let positiveWords = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]
    static let negativeWords = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget",
    ]
}
