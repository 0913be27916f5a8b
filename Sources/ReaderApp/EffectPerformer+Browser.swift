import ReaderCore

/// Opening a link.
extension EffectPerformer {
    /// Starts the browser on `url` (refused unless http/https) and says how it went.
    static func open(_ url: String, with browser: BrowserLauncher) -> Action {
        do {
            try browser.open(url)
            return .linkOpened(url, failure: nil)
        } catch {
            return .linkOpened(url, failure: error.description)
        }
    }
}
