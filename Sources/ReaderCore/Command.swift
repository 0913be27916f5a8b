/// What the user asked for, independent of the key that asked: the keymap turns keys into commands and
/// `update` gives each command its meaning in the focused pane.
public enum Command: Sendable, Equatable, Hashable, CaseIterable {
    case moveUp, moveDown
    case pageUp, pageDown
    case moveToTop, moveToBottom
    /// Open the selected story full-screen (from the list or the article pane).
    case openStory
    /// Leave the current view: full-screen to list, comments to article, article to list.
    case back
    /// Quit the reader (bound to `q` on the headline list only).
    case quit
    case toggleComments
    case focusNext, focusPrevious
    /// Collapse or expand the comment thread under the cursor.
    case toggleThread
    /// Move through the comment thread by its structure.
    case parentComment, nextSibling, previousSibling, nextThread, previousThread
    case toggleHelp
    /// Mark the selected story read or unread; star or unstar it; mark its whole feed read.
    case toggleRead, toggleStarred, markFeedRead
    /// Show only unread stories of the current view, or all of them again.
    case toggleUnreadOnly
    /// Show the starred stories, or all stories again.
    case toggleStarredView
    /// Open (or close) the feed list.
    case showFeedList
    /// Open the search prompt; leave the search results for the view before them.
    case search, leaveSearch
    /// Refresh the selected story's feed / every feed, in the background.
    case refreshFeed, refreshAll
    /// Open the story's link in the browser, or (with a number typed after it) a link of the article.
    case openLink
    /// Reader mode: switch between the whole article from the story's page and the feed's text.
    case toggleReaderMode
    /// newsboat's habits: the next / previous unread story (across feeds), every story of the view read
    /// (after asking), a full redraw, and `q` on the list (back to all stories from a narrower view, else quit).
    case nextUnread, previousUnread
    case markViewRead
    case redraw
    case backOrQuit
    /// Show the next theme (live; config.toml is not changed).
    case cycleTheme
    /// Look the story's link up on Hacker News and Lobsters and list the discussions found.
    case findDiscussions

    /// What the command does in `pane`, as the help overlay says it.
    public func summary(in pane: Pane) -> String {
        switch (self, pane) {
        case (.moveUp, .headlines): "previous headline"
        case (.moveDown, .headlines): "next headline"
        case (.moveUp, .comments): "previous comment"
        case (.moveDown, .comments): "next comment"
        case (.moveUp, _): "scroll up a line"
        case (.moveDown, _): "scroll down a line"
        case (.pageUp, _): "page up"
        case (.pageDown, _): "page down"
        case (.moveToTop, .headlines): "first headline"
        case (.moveToBottom, .headlines): "last headline"
        case (.moveToTop, .comments): "first comment"
        case (.moveToBottom, .comments): "last comment"
        case (.moveToTop, _): "top of the story"
        case (.moveToBottom, _): "end of the story"
        case (.openStory, _): "read the story full-screen"
        case (.back, .comments): "close the comments"
        case (.back, _): "back to the headlines"
        case (.quit, _): "quit"
        case (.toggleComments, _): "show / go to / hide the comments"
        case (.focusNext, _): "next pane"
        case (.focusPrevious, _): "previous pane"
        case (.toggleThread, _): "collapse / expand this thread"
        case (.parentComment, _): "the comment this one replies to"
        case (.nextSibling, _): "next reply at this level"
        case (.previousSibling, _): "previous reply at this level"
        case (.nextThread, _): "next top-level comment"
        case (.previousThread, _): "previous top-level comment"
        case (.toggleHelp, _): "this help"
        case (.toggleRead, _): "mark read / unread"
        case (.toggleStarred, _): "star / unstar"
        case (.markFeedRead, _): "mark the story's whole feed read"
        case (.toggleUnreadOnly, _): "unread only / all stories of this view"
        case (.toggleStarredView, _): "starred stories / all stories"
        case (.showFeedList, _): "feeds, tags and views"
        case (.search, _): "search titles and text"
        case (.leaveSearch, _): "leave the search results"
        case (.refreshFeed, _): "refresh this story's feed (synced: sync its account)"
        case (.refreshAll, _): "refresh every feed"
        case (.openLink, _): "open link (o 3 Enter: link [3])"
        case (.toggleReaderMode, _): "whole article from the web page / feed's text"
        case (.nextUnread, _): "next unread story (any feed)"
        case (.previousUnread, _): "previous unread story (any feed)"
        case (.markViewRead, _): "mark every story of this view read (asks first)"
        case (.redraw, _): "redraw the screen"
        case (.backOrQuit, _): "back to all stories; quit from there"
        case (.cycleTheme, _): "next colour theme"
        case (.findDiscussions, _): "discussions of the link on Hacker News, Lobsters"
        }
    }
}
