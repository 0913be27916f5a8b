import Foundation
import NewsCache
import NewsModel
import ReaderApp
import ReaderCore
import TermCore
import Testing

/// Marks against a real cache whose writer another connection holds (a refresh storing, here or in another
/// process): the mark shows at once, survives a reload that reads the cache before it is written, the next
/// key acts on it, and the reader does not end before it is written (issue 18).
@Suite("ReaderRuntime: marks made while another connection holds the cache's writer", .serialized)
@MainActor
struct ReaderRuntimeMarksTests {
    /// Keys typed into the search prompt one after another without waiting for frames.
    static func typed(_ text: String) -> [PatientBackend.Step] {
        text.map { .init(waitFor: "Search", event: .key(.character($0)), typedAhead: true) }
    }

    @Test("s, a search that reloads the list before the star is written, s again: the star shows, then goes, and stays gone")
    func markSurvivesReloadBeforeWrite() async throws {
        let cache = Fixtures.store()
        let seed = try #require(try Fixtures.id(of: Fixtures.seed, in: cache))
        let writer = try HeldWriter(path: cache.path)
        let steps: [PatientBackend.Step] = [.init(waitFor: "● Surprise turnaround", event: .key(.character("s"))),
                                            .init(waitFor: "★● Surprise", event: .key(.character("/")))]
            + Self.typed("Maduro") + [.init(waitFor: "Search", event: .key(.enter), typedAhead: true)]
            + [.init(waitFor: "Search: Maduro  1/1", event: .key(.character("s"))),
               .init(waitFor: "Unstarred", event: .key(.character("q")), whenGiven: { writer.release() })]
        let backend = PatientBackend(width: 160, height: 48, steps: steps)
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    clock: { Fixtures.now }, pollMilliseconds: 0)
        await runtime.run()
        writer.release()

        #expect(!backend.gaveUp)
        #expect(backend.remainingSteps == 0)
        let texts = backend.frames.map { $0.lines.joined(separator: "\n") }
        let results = try #require(texts.first { $0.contains("Search: Maduro  1/1") })
        #expect(results.contains("★● Surprise"), "the search's reload lost the star still being written")
        #expect(try cache.story(seed)?.isStarred == false, "the second s did not unstar: it acted on the stored mark")
    }

    @Test("A mark waiting for the writer takes no thread of the cooperative pool: with the others held, keys still reach the screen")
    func markWaitTakesNoPoolThread() async throws {
        let cache = Fixtures.store()
        let seed = try #require(try Fixtures.id(of: Fixtures.seed, in: cache))
        let writer = try HeldWriter(path: cache.path)
        let blockers = PoolBlockers(sparing: 1)
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "● Surprise turnaround", event: .key(.character("s")), whenGiven: { blockers.occupy() }),
            .init(waitFor: "★● Surprise", event: .key(.down)),
            .init(waitFor: "2/15", event: .key(.down)),
            .init(waitFor: "3/15", event: .key(.character("q")), whenGiven: {
                blockers.release()
                writer.release()
            }),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    clock: { Fixtures.now }, pollMilliseconds: 0)
        await runtime.run()
        blockers.release()
        writer.release()
        #expect(!backend.gaveUp)
        #expect(backend.remainingSteps == 0)
        #expect(!blockers.guardFired, "the loop stopped while the mark waited: the wait took the pool's last thread")
        #expect(try cache.story(seed)?.isStarred == true)
    }

    @Test("q while a mark waits for the writer: the reader says so and ends once the mark is written")
    func quitWaitsForMarks() async throws {
        let cache = Fixtures.store()
        let seed = try #require(try Fixtures.id(of: Fixtures.seed, in: cache))
        let writer = try HeldWriter(path: cache.path)
        let backend = PatientBackend(width: 160, height: 48, steps: [
            .init(waitFor: "● Surprise turnaround", event: .key(.character("s"))),
            .init(waitFor: "★● Surprise", event: .key(.character("q")), whenGiven: { writer.release(after: 1) }),
        ])
        let runtime = ReaderRuntime(backend: backend, store: cache, theme: .builtinDefault,
                                    clock: { Fixtures.now }, pollMilliseconds: 0)
        await runtime.run()
        // Read before anything else can let the writer go: the run must have waited for it.
        let starred = try cache.story(seed)?.isStarred
        writer.release()
        #expect(backend.remainingSteps == 0)
        #expect(starred == true, "the reader ended before its mark was written")
        #expect(backend.frames.last?.lines.joined().contains("Writing a mark to the cache") == true)
        #expect(runtime.currentState.marksInFlight.isEmpty)
    }
}
