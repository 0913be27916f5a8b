import NewsModel
import ReaderCore
import TermCore
import TextSafety

/// The `d` list: a box over the panes with the discussions of the story's link found elsewhere.
extension Painter {
    /// One row per discussion (`Hacker News   57 comments   Title`), the selected one highlighted;
    /// "Looking up…" until the answer comes; the sites that could not be asked under the rows.
    mutating func drawDiscussions(_ list: DiscussionList) {
        let rows: [String]
        if let found = list.found {
            rows = found.isEmpty ? ["No discussions of this link on Hacker News or Lobsters."] : found.map { discussion in
                let count = discussion.commentCount == 1 ? "1 comment" : "\(discussion.commentCount) comments"
                return "\(discussion.site) · \(count) · \(Sanitizer.cleanLine(discussion.title))"
            }
        } else {
            rows = ["Looking up " + Sanitizer.cleanLine(list.url) + "…"]
        }
        let notes = list.problems.map { "! " + Sanitizer.cleanLine($0) }
        let width = min(screen.width, max(40, min(100, (rows + notes).map { DisplayWidth.width(of: $0) + 4 }.max() ?? 40)))
        let height = min(screen.height, rows.count + notes.count + 2)
        guard width >= 12, height >= 3 else { return }
        let x = (screen.width - width) / 2
        let y = max(0, (screen.height - height) / 2)
        let box = theme[.help]
        let frame = box.patched(with: theme[.borderFocused])
        screen.fill(Rect(x: x, y: y, width: width, height: height), with: Cell(" ", style: box))
        for column in x..<x + width {
            screen.put("─", x: column, y: y, style: frame)
            screen.put("─", x: column, y: y + height - 1, style: frame)
        }
        screen.put(" Discussions elsewhere ", x: x + 2, y: y, style: frame, maxWidth: width - 4)
        let hint = list.found?.isEmpty == false ? " ↑↓ choose · Enter show comments · Esc close " : " Esc close "
        if DisplayWidth.width(of: hint) + 4 <= width {
            screen.put(hint, x: x + 2, y: y + height - 1, style: frame, maxWidth: width - 4)
        }
        for (offset, text) in (rows + notes).prefix(height - 2).enumerated() {
            let isSelected = list.found?.isEmpty == false && offset == list.selected
            let style = isSelected ? theme[.selected] : offset >= rows.count ? theme[.statusError] : box
            if isSelected { fillRow(x: x + 1, y: y + 1 + offset, width: width - 2, style: style) }
            screen.put(TextFit.truncate(text, width: width - 4), x: x + 2, y: y + 1 + offset, style: style,
                       maxWidth: width - 4)
        }
    }
}
