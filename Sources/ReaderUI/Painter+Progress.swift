import ArticleText
import ReaderCore
import TextSafety

/// Refresh progress in the status bar.
extension Painter {
    /// `refreshing 37/120` while a refresh runs and no message is shown (a message wins: it answers the
    /// last key; the count comes back with the next key).
    var refreshStatusText: String? { state.refresh.statusText.map(Sanitizer.cleanLine) }
}
