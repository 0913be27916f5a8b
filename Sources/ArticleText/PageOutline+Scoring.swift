import CGumbo

extension PageOutline {
    /// Readability's paragraph scores, given to the containers above each paragraph; returns the article's
    /// parts: the best container and the siblings that score well beside it, in document order.
    mutating func selectArticle() -> [Int] {
        scoreParagraphs()
        guard var top = bestCandidate() else { return body > 0 || !entries.isEmpty ? [body] : [] }
        top = promoteToSharedAncestor(top)
        top = climb(from: top)
        return withSiblings(of: top)
    }

    private static func isHeading(_ tag: GumboTag) -> Bool {
        tag.rawValue >= GUMBO_TAG_H1.rawValue && tag.rawValue <= GUMBO_TAG_H6.rawValue
    }

    /// Readability's starting score of a container, from its tag and class weight.
    private func initialScore(_ index: Int) -> Double {
        let base: Double = switch entries[index].tag {
        case GUMBO_TAG_DIV, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN: 5
        case GUMBO_TAG_PRE, GUMBO_TAG_TD, GUMBO_TAG_BLOCKQUOTE: 3
        case GUMBO_TAG_ADDRESS, GUMBO_TAG_OL, GUMBO_TAG_UL, GUMBO_TAG_DL, GUMBO_TAG_DD, GUMBO_TAG_DT,
             GUMBO_TAG_LI, GUMBO_TAG_FORM:
            -3
        case GUMBO_TAG_TH: -5
        default: Self.isHeading(entries[index].tag) ? -5 : 0
        }
        return base + Double(entries[index].weight)
    }

    private mutating func addScore(_ score: Double, to index: Int) {
        if !entries[index].isCandidate {
            entries[index].isCandidate = true
            entries[index].score = initialScore(index)
        }
        entries[index].score += score
    }

    /// Every run of text of at least 25 characters outside links is a paragraph worth
    /// 1 + commas + one per 100 characters (at most 3), added to the container holding it in full, to the
    /// one above by half, and to three more levels by 1/(3n).
    private mutating func scoreParagraphs() {
        for index in entries.indices {
            let entry = entries[index]
            guard !entry.removed, entry.ownLength - entry.ownLinkLength >= 25 else { continue }
            switch entry.tag {
            case GUMBO_TAG_LI, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_CAPTION, GUMBO_TAG_TH, GUMBO_TAG_DT,
                 GUMBO_TAG_BODY, GUMBO_TAG_HTML, GUMBO_TAG_H1, GUMBO_TAG_ADDRESS:
                continue
            default:
                break
            }
            let score = 1 + Double(entry.ownCommas) + Double(min(entry.ownLength / 100, 3))
            // A paragraph's score goes to its container; a container holding loose text (text between <br>s
            // beside other blocks) holds that paragraph itself, and so does a table cell, which in a layout
            // table is the article's whole box.
            let isParagraph = entry.tag == GUMBO_TAG_P || entry.tag == GUMBO_TAG_PRE || Self.isHeading(entry.tag)
                || entry.tag != GUMBO_TAG_TD && entry.ownLength * 10 >= entry.textLength * 9
            var container = isParagraph ? Int(entry.parent) : index
            var level = 0
            while container >= 0 && level < 5 {
                let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
                if entries[container].tag == GUMBO_TAG_HTML { break }
                addScore(score / divider, to: container)
                container = Int(entries[container].parent)
                level += 1
            }
        }
        for index in entries.indices where entries[index].isCandidate {
            entries[index].score *= 1 - min(entries[index].linkDensity, 1)
        }
    }

    private func bestCandidate() -> Int? {
        var best: Int?
        for index in entries.indices where entries[index].isCandidate && !entries[index].removed {
            if best == nil || entries[index].score > entries[best!].score { best = index }
        }
        return best
    }

    /// Readability: when three or more of the next best candidates (within 75 % of the best) sit under one
    /// ancestor of the best, the article is that ancestor (an article split into several boxes).
    private func promoteToSharedAncestor(_ top: Int) -> Int {
        let topScore = entries[top].score
        guard topScore > 0 else { return top }
        var alternatives: [Int] = []
        var ranked = entries.indices.filter { entries[$0].isCandidate && !entries[$0].removed && $0 != top }
        ranked.sort { entries[$0].score > entries[$1].score }
        for index in ranked.prefix(4) where entries[index].score >= topScore * 0.75 { alternatives.append(index) }
        guard alternatives.count >= 3 else { return top }
        var ancestor = Int(entries[top].parent)
        while ancestor >= 0 && entries[ancestor].tag != GUMBO_TAG_BODY {
            let range = ancestor..<Int(entries[ancestor].end)
            if alternatives.filter({ range.contains($0) }).count >= 3 { return ancestor }
            ancestor = Int(entries[ancestor].parent)
        }
        return top
    }

    /// Readability: moves up to a parent that scores better than the best (the article's paragraphs spread
    /// over several children of it), and past parents that hold nothing but the best.
    private func climb(from start: Int) -> Int {
        var top = start
        var lastScore = entries[top].score
        let threshold = lastScore / 3
        var parent = Int(entries[top].parent)
        while parent >= 0 && entries[parent].tag != GUMBO_TAG_BODY && entries[parent].tag != GUMBO_TAG_HTML {
            guard entries[parent].isCandidate else {
                parent = Int(entries[parent].parent)
                continue
            }
            let score = entries[parent].score
            if score < threshold { break }
            if score > lastScore {
                top = parent
                break
            }
            lastScore = score
            parent = Int(entries[parent].parent)
        }
        while true {
            let parent = Int(entries[top].parent)
            guard parent >= 0, entries[parent].tag != GUMBO_TAG_BODY, entries[parent].tag != GUMBO_TAG_HTML,
                  elementChildren(of: parent).count == 1 else { break }
            top = parent
        }
        return top
    }

    func elementChildren(of index: Int) -> [Int] {
        var children: [Int] = []
        var child = index + 1
        let end = Int(entries[index].end)
        while child < end {
            children.append(child)
            child = Int(entries[child].end)
        }
        return children
    }

    /// The best container and those of its siblings that belong with it: containers scoring at least a
    /// fifth of it (10 at least), and plain paragraphs of real text.
    private func withSiblings(of top: Int) -> [Int] {
        let parent = Int(entries[top].parent)
        guard parent >= 0 else { return [top] }
        let topScore = entries[top].score
        let threshold = max(10, topScore * 0.2)
        var parts: [Int] = []
        for sibling in elementChildren(of: parent) {
            let entry = entries[sibling]
            if sibling == top { parts.append(sibling); continue }
            guard !entry.removed else { continue }
            if entry.isCandidate && entry.score >= threshold {
                parts.append(sibling)
            } else if entry.tag == GUMBO_TAG_P {
                let density = entry.linkDensity
                if entry.textLength > 80 && density < 0.25 { parts.append(sibling) }
                else if entry.textLength > 0 && entry.textLength <= 80 && density == 0 && entry.commas > 0 {
                    parts.append(sibling)
                }
            }
        }
        return parts
    }

    /// Text characters of the parts, not counting what the pre-pass removed.
    func keptLength(of parts: [Int]) -> Int {
        var total = 0
        for part in parts {
            var index = part
            let end = Int(entries[part].end)
            while index < end {
                if entries[index].removed {
                    index = Int(entries[index].end)
                    continue
                }
                total += Int(entries[index].ownLength)
                index += 1
            }
        }
        return total
    }
}
