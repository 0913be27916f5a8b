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

    /// Runs a text browser on `url` in the terminal (the screen has been left) and says how it went.
    static func runInForeground(_ url: String, with browser: BrowserLauncher) -> Action {
        do {
            try browser.runInForeground(url)
            return .linkOpened(url, failure: nil)
        } catch {
            return .linkOpened(url, failure: error.description)
        }
    }
}
