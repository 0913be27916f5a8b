import Foundation
import NewsModel
import NewsSources
import ReaderCore
import ReaderUI
import TermCore

/// The loop of the reader (ARCHITECTURE.md, "The loop"): input and effect results become actions, `update`
/// turns them into a new state and effects, effects run in owned tasks off the main actor and answer with
/// actions, and the frame is drawn again whenever the state changed.
@MainActor
public final class ReaderRuntime {
    /// Where an effect's task runs: a new load cancels the previous one of the same kind.
    private enum Slot: Hashable {
        case headlines, story, articleBody, comments, commentFetch, discussions, write(UInt64), refresh, launch(UInt64),
             watch, extraction, extractionSettle, prefetch, commentHold, subscriptions
    }

    /// At most this many keys already waiting are handled before the next frame: a burst of moves draws
    /// where it ends, not every row it passed, yet a stream without end still gets frames.
    private static let typeaheadLimit = 64

    /// The poll timeout while effects are running.
    private static let busyPollMilliseconds = 5

    private let backend: any Backend
    private let store: any ReaderStore
    /// The themes `T` cycles through; `state.themes.current` picks the one drawn.
    private let themes: [Theme]
    private let clock: @Sendable () -> Date
    private let pollMilliseconds: Int
    private let settlesEffectsBeforeInput: Bool
    /// The longest the first frame waits for the cache (see `settleFirstFrame`).
    private let firstFrameWait: Duration
    private let layouts: LayoutCache
    private var state: AppState
    private var lastDrawn: AppState?
    /// The last frame's panes, which a pending article pane keeps showing.
    private var heldPanes: HeldPanes?
    private var inbox: [Action] = []
    /// While keys are being taken: their effects, started once the keys' frame is out (nil otherwise).
    private var deferredEffects: [Effect]?
    /// Reads of the selected story that wait while a held key repeats (`StoryFollowPace`).
    private var pace: StoryFollowPace
    private var tasks: [Slot: (token: UInt64, task: Task<Void, Never>)] = [:]
    /// The newest mark write: each waits for the one before, so a story's marks reach the cache in the
    /// order they were made (the last one is what stays) and their answers come back in that order.
    private var lastMarkWrite: Task<Void, Never>?
    /// The thread the reader's own cache writes (marks, comment visits) run on. A write waits inside SQLite
    /// while another process holds the writer (up to its busy timeout); on the cooperative pool, one thread
    /// per core, two such waits left no thread for the loop's own passage through it (`Task.yield`, effects'
    /// answers): no key was read and no frame drawn until the writer was free.
    private let cacheWrites = BackgroundExecutor(threads: 1, niceness: 0, name: "gazette-cache-writes")
    private var nextToken: UInt64 = 0
    private let refreshDriver: RefreshDriver
    private let browser: BrowserLauncher
    /// Fetches story pages for reader mode (nil: reader mode cannot fetch in this session).
    private let pages: PageFetcher?
    /// How often to look for another process's writes to the cache; nil never looks.
    private let watchInterval: Duration?
    private var nextWatch: ContinuousClock.Instant
    /// Shown in the status bar as the reader starts.
    private let warnings: [String]
    private let commentFetcher: (any CommentFetching)?

    /// - Parameters:
    ///   - hint: a standing line for the status bar (e.g. how to add feeds to the sample edition).
    ///   - clock: the time relative dates are measured from.
    ///   - pollMilliseconds: how long to wait for a key before looking at effect results again.
    ///   - markReadOnOpen: whether opening a story marks it read (`Settings.markReadOnOpen`).
    ///   - settlesEffectsBeforeInput: finish all running effects before reading each key; for tests, which
    ///     need each key to see the results of the previous one.
    ///   - firstFrameWait: how long the first frame may wait for the first page of headlines.
    ///   - watchInterval: how often to look whether another process stored stories (nil: never).
    ///   - warnings: problems found at start (bad lines in the urls file or config.toml).
    ///   - themeOptions: every theme `T` cycles through, when more than `theme`.
    ///   - layouts: laid-out stories and comments (a test passes one whose parsing it counts).
    ///   - heldKeyWindow: keys closer together than this are a held key's repeats, whose stories are read
    ///     once they pause (`StoryFollowPace`; 0: every key's story at once).
    public init(backend: any Backend, store: any ReaderStore, theme: Theme, themeOptions: ThemeOptions? = nil,
                query: HeadlineQuery = HeadlineQuery(),
                hint: String? = nil, timeZone: DisplayZone = .local,
                clock: @escaping @Sendable () -> Date = { Date() }, pollMilliseconds: Int = 30,
                settlesEffectsBeforeInput: Bool = false, firstFrameWait: Duration = .milliseconds(150),
                markReadOnOpen: Bool = true,
                refresh: RefreshOptions = RefreshOptions(),
                browser: BrowserLauncher = BrowserLauncher(configured: nil, environment: [:]),
                watchInterval: Duration? = nil, warnings: [String] = [],
                extraction: ExtractionOptions = ExtractionOptions(),
                comments: CommentOptions = CommentOptions(), layouts: LayoutCache = LayoutCache(),
                heldKeyWindow: TimeInterval = 0) {
        let themeOptions = themeOptions ?? ThemeOptions(single: theme)
        self.backend = backend; self.store = store; themes = themeOptions.themes; self.clock = clock
        self.pollMilliseconds = pollMilliseconds; self.settlesEffectsBeforeInput = settlesEffectsBeforeInput
        self.firstFrameWait = firstFrameWait
        self.layouts = layouts
        pace = StoryFollowPace(window: heldKeyWindow)
        let size = backend.size
        var settings = SessionSettings(query: query, timeZone: timeZone, hint: hint)
        settings.markReadOnOpen = markReadOnOpen
        settings.themes = themeOptions.choice
        settings.notice = themeOptions.notice
        settings.refreshUnavailableReason = refresh.unavailableReason
            ?? (refresh.refresher == nil ? "refreshing is not available here" : nil)
        settings.fetchesNewSubscriptionsOnStart = refresh.fetchesNewOnStart && refresh.refresher != nil
        settings.appliesSubscriptionsOnStart = refresh.applyOnStart != nil && refresh.refresher != nil
        settings.extractPolicy = extraction.policy
        settings.fetchesComments = comments.fetcher != nil
        settings.commentsMaxAge = TimeInterval(comments.maxAgeMinutes * 60)
        settings.commentsBesideStory = comments.besideStory
        settings.defersArticleBody = true
        state = AppState(size: TerminalSize(width: size.width, height: size.height), now: clock(), settings: settings)
        refreshDriver = RefreshDriver(refresher: refresh.refresher, intervalMinutes: refresh.intervalMinutes,
                                      start: clock(), subscriptions: refresh.subscriptions, sync: refresh.sync,
                                      applyOnStart: refresh.applyOnStart)
        self.browser = browser
        pages = extraction.pages
        self.watchInterval = watchInterval
        // The first look is at once: its stamp is what later looks compare with, so a write by another
        // process in the first seconds is not taken for the starting state.
        nextWatch = ContinuousClock.now
        self.warnings = warnings
        commentFetcher = comments.fetcher
    }

    // A runtime that never ran still lets its writes thread end.
    deinit { cacheWrites.stop() }

    /// The state as of now, for tests.
    public var currentState: AppState { state }

    /// Runs until the user quits. Failures of the store become status messages; nothing here throws.
    public func run() async {
        dispatch(.started)
        if !warnings.isEmpty { dispatch(.warned(warnings)) }
        await settleFirstFrame()
        while !state.isQuitting {
            if settlesEffectsBeforeInput { await settle() }
            drainInbox()
            for effect in pace.release(at: clock()) { perform(effect) }
            for action in refreshDriver.dueActions(now: clock()) { dispatch(action) }
            if let watchInterval, ContinuousClock.now >= nextWatch {
                nextWatch = ContinuousClock.now + watchInterval
                if tasks[.watch] == nil { dispatch(.cacheWatchTicked) }
            }
            drawIfChanged()
            if state.isQuitting { break }
            // While effects run, look back sooner so their answers reach the screen within a few ms.
            // (A background refresh does not count: its progress is throttled to 10 a second anyway.)
            let isBusy = tasks.keys.contains { $0 != .refresh } || pace.isWaiting
            let timeout = isBusy ? min(pollMilliseconds, Self.busyPollMilliseconds) : pollMilliseconds
            if let event = backend.nextEvent(timeoutMilliseconds: timeout) {
                // The keys' effects start once their frame is out: starting a task wakes a thread, which
                // costs the key's frame time on two cores (their order is kept; only the start moves).
                deferredEffects = []
                handle(event)
                // Keys that came faster than frames are taken now, so the next frame shows where they end.
                var taken = 1
                while !settlesEffectsBeforeInput, !state.isQuitting, taken < Self.typeaheadLimit,
                      let next = backend.nextEvent(timeoutMilliseconds: 0) {
                    handle(next)
                    taken += 1
                }
                // The keys' own frame (the list moved, a pane toggled) goes out now; what their effects
                // bring (the story, its body) follows in the next turn. Waiting for them first made a
                // key's frame miss the terminal's next refresh.
                if !state.isQuitting { drawIfChanged() }
                let effects = pace.take(deferredEffects ?? [], at: clock())
                deferredEffects = nil
                for effect in effects { perform(effect) }
            }
            // Let finished effects hop back onto the main actor and fill the inbox, even while keys stream in.
            await Task.yield()
            let now = clock()
            if now.timeIntervalSince(state.now) >= 30 || now < state.now { dispatch(.clockTicked(now)) }
        }
        await finishMarkWrites()
        for entry in tasks.values { entry.task.cancel() }
        tasks.removeAll()
        cacheWrites.stop()
    }

    private func handle(_ event: InputEvent) {
        switch event {
        case .key(let key): dispatch(.keyPressed(key))
        case .resize(let width, let height): dispatch(.resized(TerminalSize(width: width, height: height)))
        case .terminate: dispatch(.command(.quit))  // a signal: leave normally so the terminal is restored
        }
    }

    /// Applies an action, lets the view re-measure the content if sizes changed, and starts the effects.
    private func dispatch(_ action: Action) {
        var effects = update(&state, action)
        let metrics = layouts.metrics(for: state)
        if metrics != state.metrics { effects += update(&state, .contentMeasured(metrics)) }
        if deferredEffects != nil {
            deferredEffects?.append(contentsOf: effects)
            return
        }
        for effect in effects { perform(effect) }
    }

    private func drainInbox() {
        while !inbox.isEmpty {
            let action = inbox.removeFirst()
            dispatch(action)
        }
    }

    private func drawIfChanged() {
        guard state != lastDrawn else { return }
        let frame = renderFrame(state, theme: themes[state.themes.current], layouts: layouts, held: heldPanes)
        backend.draw(frame.screen)
        heldPanes = frame.panes
        lastDrawn = state
    }


    /// Before the first frame: the first page of headlines comes from the cache within a few milliseconds,
    /// so waiting for it (at most `firstFrameWait`) makes the first frame the list itself, not a "Loading…"
    /// frame that the list replaces a moment later. The selected story is not waited for: it follows in the
    /// next frame, and the list is what a reader looks at first.
    private func settleFirstFrame() async {
        let deadline = ContinuousClock.now + firstFrameWait
        while tasks[.headlines] != nil || !inbox.isEmpty {
            drainInbox()
            guard tasks[.headlines] != nil, ContinuousClock.now < deadline else { return }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Marks the reader has shown are written before it ends, even when a refresh (here or in another
    /// process) holds the writer: the last frame says what it waits for.
    private func finishMarkWrites() async {
        guard let lastMarkWrite else { return }
        drainInbox()
        if !state.marksInFlight.isEmpty { drawIfChanged() }
        await lastMarkWrite.value
        drainInbox()
    }

    /// Waits until no effect is running and no result is waiting.
    private func settle() async {
        while !tasks.isEmpty || !inbox.isEmpty {
            drainInbox()
            for entry in Array(tasks.values) { await entry.task.value }
        }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            break  // `update` has set `isQuitting`; the loop ends after this turn.
        case .loadHeadlines(let request):
            start(.headlines) { await EffectPerformer.loadHeadlines(request, store: $0) }
        case .loadStory(let id):
            start(.story) { await EffectPerformer.loadStory(id, store: $0) }
        case .layOutArticleBody(let request):
            // Parsing and layout run off the main actor; a kept body is answered at once. So is a body the
            // next frame draws whatever happens, because the pane cannot keep its cells (a resize, the
            // full-screen view): it is laid out here, once, not in the frame and again in a task.
            let bodies = layouts.bodies
            let isNeededNow = !(heldPanes?.canKeep(.article, in: state) ?? false)
            if isNeededNow || bodies.keptBody(request) != nil {
                _ = bodies.body(for: request)
                inbox.append(.articleBodyLaidOut(request.id, request.key))
            } else {
                start(.articleBody) { _ in
                    _ = bodies.body(for: request)
                    return .articleBodyLaidOut(request.id, request.key)
                }
            }
        case .loadComments(let id):
            start(.comments) { await EffectPerformer.loadComments(id, store: $0) }
        case .fetchComments(let request):
            guard let fetcher = commentFetcher else { break }
            start(.commentFetch) { _ in
                if let discussion = request.discussion {
                    return .commentsFetched(request, await fetcher.fetchDiscussion(discussion, for: request.storyID))
                }
                return .commentsFetched(request, await fetcher.fetchComments(for: request.storyID))
            }
        case .findDiscussions(let id, let url):
            guard let fetcher = commentFetcher else {
                inbox.append(.discussionsFound(id, [], problems: ["discussions cannot be looked up in this session"]))
                return
            }
            start(.discussions) { _ in
                let (found, problems) = await fetcher.findDiscussions(of: url)
                return .discussionsFound(id, found, problems: problems)
            }
        case .markCommentsOpened(let id):
            nextToken += 1
            let now = clock()
            let writes = cacheWrites
            start(.write(nextToken)) { store in
                // Losing a visit mark only loses the "new" marks of the next visit: not worth a message.
                await withTaskExecutorPreference(writes) { try? await store.markCommentsOpened(id, at: now) }
                return nil
            }
        case .checkCache:
            start(.watch) { await EffectPerformer.performViewEffect(effect, store: $0) }
        case .redraw:
            backend.invalidate()
            lastDrawn = nil
        case .setRead, .setStarred, .markFeedRead, .markViewRead:
            // Marks never supersede one another, and go in order (see `lastMarkWrite`).
            nextToken += 1
            let previous = lastMarkWrite
            let writes = cacheWrites
            lastMarkWrite = start(.write(nextToken)) { store in
                await previous?.value
                return await withTaskExecutorPreference(writes) {
                    await EffectPerformer.performViewEffect(effect, store: store)
                }
            }
        case .loadFeedList, .findUnread:
            // Read beside the marks: none supersedes another.
            nextToken += 1
            start(.write(nextToken)) { await EffectPerformer.performViewEffect(effect, store: $0) }
        case .refresh(let request):
            start(.refresh, refreshDriver.work(for: request))
        case .applySubscriptions(let id):
            start(.subscriptions, refreshDriver.applyWork(id))
        case .openURL(let url) where browser.isTextBrowser:
            // The terminal is the browser's until it ends: leave the screen, wait, come back to the same
            // place (the state is untouched, so the same frame is drawn again, in full).
            var answer: Action?
            backend.runSuspended { answer = EffectPerformer.runInForeground(url, with: browser) }
            lastDrawn = nil
            if let answer { inbox.append(answer) }
        case .openURL(let url):
            nextToken += 1
            let browser = self.browser
            start(.launch(nextToken)) { _ in EffectPerformer.open(url, with: browser) }
        case .extractArticle(let id, let storyID, let url):
            guard let pages else {
                inbox.append(.articleExtracted(id, storyID, .failed(note: "pages cannot be fetched in this session")))
                return
            }
            start(.extraction) { await EffectPerformer.extractArticle(id, storyID, url: url, pages: pages, store: $0) }
        case .settleBeforeExtracting(let id, let storyID, let milliseconds):
            // One slot: the next wait cancels this one (update ignores a stale answer anyway).
            start(.extractionSettle) { _ in
                try? await Task.sleep(for: .milliseconds(milliseconds))
                return .extractionSettled(id, storyID)
            }
        case .endCommentPaneHold(let id, let milliseconds):
            // One slot: the next wait cancels this one (update ignores a stale answer anyway).
            start(.commentHold) { _ in
                try? await Task.sleep(for: .milliseconds(milliseconds))
                return .commentPaneHoldEnded(id)
            }
        case .prefetchArticles(let policy):
            guard let pages else { return }
            start(.prefetch) { store in
                await EffectPerformer.prefetchArticles(policy, pages: pages, store: store)
                return nil
            }
        }
    }

    /// Runs `work` in a task of its own, cancelling the previous task of the slot, and queues its answer.
    @discardableResult
    private func start(_ slot: Slot, _ work: @escaping @Sendable (any ReaderStore) async -> Action?) -> Task<Void, Never> {
        tasks[slot]?.task.cancel()
        nextToken += 1
        let token = nextToken
        let store = self.store
        let task = Task.detached { [weak self] in
            let action = await work(store)
            await self?.finish(slot, token: token, answer: Task.isCancelled ? nil : action)
        }
        tasks[slot] = (token, task)
        return task
    }

    private func finish(_ slot: Slot, token: UInt64, answer: Action?) {
        if tasks[slot]?.token == token { tasks[slot] = nil }
        if let answer { inbox.append(answer) }
    }
}
