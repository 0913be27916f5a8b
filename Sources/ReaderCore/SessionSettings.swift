import Foundation
import NewsModel

/// What a session of the reader starts with, decided before the first action: the view and the keys, the
/// user's settings, and what this session can do (refresh, fetch comments, extract pages). The defaults are
/// a session with nothing behind it, as the tests of `update` use; the runtime fills in the rest.
public struct SessionSettings: Sendable, Equatable {
    public var query = HeadlineQuery()
    /// The zone absolute dates are shown in.
    public var timeZone = DisplayZone.utc
    /// A standing hint for the status bar (e.g. how to add feeds to the sample edition).
    public var hint: String?
    public var keymap = Keymap.standard
    /// Opening a story marks it read.
    public var markReadOnOpen = true
    /// The theme on screen and the others `T` cycles through.
    public var themes = ThemeChoice()
    /// A problem found while starting (a theme that could not be loaded), shown as an error until replaced.
    public var notice: String?
    /// Why `r`/`R` cannot refresh in this session; nil when they can.
    public var refreshUnavailableReason: String?
    /// Fetch the subscriptions never fetched as the reader starts.
    public var fetchesNewSubscriptionsOnStart = false
    /// Bring the cache in line with the urls file after the first frame (`Effect.applySubscriptions`).
    public var appliesSubscriptionsOnStart = false
    /// Which stories reader mode extracts; none unless a network is behind the session.
    public var extractPolicy = ExtractPolicy(defaultMode: .never)
    /// Whether comments can be fetched in this session.
    public var fetchesComments = false
    /// A stored thread older than this is fetched again when its story is opened.
    public var commentsMaxAge: TimeInterval = 30 * 60
    /// The comment pane opens beside the story whenever three panes fit.
    public var commentsBesideStory = false
    /// Article bodies are laid out off the key path, by the runtime, rather than as each frame is drawn.
    public var defersArticleBody = false

    public init(query: HeadlineQuery = HeadlineQuery(), timeZone: DisplayZone = .utc,
                hint: String? = nil, keymap: Keymap = .standard) {
        self.query = query; self.timeZone = timeZone; self.hint = hint; self.keymap = keymap
    }
}
