import Foundation
import NewsModel
import TermCore

/// `o`: which link to open. The choice is made here; the runtime only launches the browser (and refuses
/// anything but http and https).
extension AppState {
    /// How many numbered links the shown article has, once it has been laid out.
    public var articleLinkCount: Int? {
        guard let story = shownStory, metrics.storyID == story.id else { return nil }
        return metrics.articleLinks.count
    }

    /// o: opens the prompt in the status bar.
    mutating func beginLinkPrompt() -> [Effect] {
        guard articleStoryID != nil else {
            status = StatusMessage("no story selected")
            return []
        }
        let prompt = LinkPrompt()
        linkPrompt = prompt
        status = StatusMessage(prompt.text(linkCount: articleLinkCount))
        return []
    }

    /// A key while the prompt is open: digits, Backspace, Enter (or o), Esc. Any other key closes the
    /// prompt and is then handled as usual (nil), so `o` never traps the reader.
    mutating func pressInLinkPrompt(_ key: Key) -> [Effect]? {
        guard var prompt = linkPrompt else { return nil }
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            if prompt.digits.count < 4 { prompt.digits.append(c) }
        case .backspace where !prompt.digits.isEmpty, .delete where !prompt.digits.isEmpty:
            prompt.digits.removeLast()
        case .enter:
            linkPrompt = nil
            return openLink(number: Int(prompt.digits))
        case .character("o") where prompt.digits.isEmpty:
            linkPrompt = nil
            return openLink(number: nil)
        case .escape, .backspace, .delete:
            linkPrompt = nil
            status = nil
            return []
        default:
            linkPrompt = nil
            status = nil
            return nil
        }
        linkPrompt = prompt
        status = StatusMessage(prompt.text(linkCount: articleLinkCount))
        return []
    }

    /// The story's own link (nil) or link `number` of the article's link list, or a message saying why not.
    mutating func openLink(number: Int?) -> [Effect] {
        guard let story = shownStory else {
            status = StatusMessage("the story is still loading; try again in a moment")
            return []
        }
        let url: String
        if let number {
            let links = metrics.storyID == story.id ? metrics.articleLinks : []
            guard number >= 1, number <= links.count else {
                let has = links.isEmpty ? "this story has no numbered links"
                    : "this story's links are numbered 1–\(links.count)"
                status = StatusMessage("no link [\(number)]: \(has)", isError: true)
                return []
            }
            url = links[number - 1]
        } else {
            guard let link = story.link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty else {
                status = StatusMessage("this story has no link", isError: true)
                return []
            }
            url = link
        }
        status = StatusMessage("opening \(url)…")
        return [.openURL(url)]
    }

    /// The browser's answer: a launch failure or refusal becomes an error line.
    mutating func receiveLinkOpened(_ url: String, failure: String?) -> [Effect] {
        if let failure {
            status = StatusMessage("Could not open \(url): \(failure)", isError: true)
        } else {
            status = StatusMessage("opened in the browser: \(url)")
        }
        return []
    }
}
