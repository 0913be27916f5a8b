import Foundation

/// Renders a long article on two threads: the calling thread reads the HTML into blocks while a second
/// thread lays out the top-level blocks already read. The rows are the same as `TextLayout.lines(for:width:)`
/// gives for the whole `RichText`; a reader waits for the longer of the two halves instead of their sum.
///
/// Short texts (comments, most stories) are rendered on the calling thread: starting a thread costs
/// more than it saves below `minimumBytes`.
enum PipelinedRenderer {
    /// HTML at least this long is rendered on two threads.
    static let minimumBytes = 64 * 1024

    static func render(html: String, width: Int, baseURL: String?) -> RenderedArticle {
        let pipeline = LayoutPipeline(width: width, expectedBytes: html.utf8.count)
        let thread = Thread { pipeline.layOut() }
        thread.start()
        let text = StreamingHTMLReader.read(html: html, baseURL: baseURL) { pipeline.send($0) }
        // The link list is laid out here while the other thread finishes the last blocks; it follows the
        // body after an empty row, as `TextLayout.lines(for:width:)` puts it.
        let linkRows = TextLayout.linkListLines(text.links, width: width)
        var lines = pipeline.finish()
        if !linkRows.isEmpty {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(contentsOf: linkRows)
        }
        return RenderedArticle(lines: lines, links: text.links)
    }
}

/// The hand-over between the reading thread and the layout thread: batches of top-level blocks in order,
/// then the end, then the rows back. Batches once laid out go back too, to be freed by the reading
/// thread, which made them: freeing an article's blocks is a tenth of laying it out, and the reading
/// thread has the time.
///
/// `@unchecked Sendable`: every mutable field is read and written under `lock`, except `lines`, which
/// the layout thread writes before signalling `done` and the reading thread reads after waiting on it.
private final class LayoutPipeline: @unchecked Sendable {
    private let width: Int
    private let expectedBytes: Int
    private let lock = NSLock()
    private var batches: [[Block]] = []
    /// Batches laid out, for the reading thread to free.
    private var laidOut: [[Block]] = []
    /// Signalled once per batch and once for the end: the layout thread waits once per signal.
    private let ready = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var lines: [StyledLine] = []

    init(width: Int, expectedBytes: Int) {
        self.width = width
        self.expectedBytes = expectedBytes
    }

    /// Called by the reading thread for each batch of finished top-level blocks.
    func send(_ blocks: [Block]) {
        lock.lock()
        batches.append(blocks)
        var done: [[Block]] = []
        swap(&done, &laidOut)
        lock.unlock()
        ready.signal()
        _ = consume done  // freed here, outside the lock
    }

    /// Called by the reading thread at the end: waits for the rows.
    func finish() -> [StyledLine] {
        // The last signal: the layout thread, woken with no batch left, knows the article has ended.
        ready.signal()
        done.wait()
        return lines
    }

    /// The layout thread's body: lays out batches as they come until the end is signalled.
    func layOut() {
        var layout = IncrementalLayout(width: width, expectedBytes: expectedBytes)
        while true {
            ready.wait()
            lock.lock()
            if batches.isEmpty {
                lock.unlock()
                lines = layout.finish(links: [])
                done.signal()
                return
            }
            let batch = batches.removeFirst()
            lock.unlock()
            layout.add(batch[...])
            lock.lock()
            laidOut.append(batch)
            lock.unlock()
        }
    }
}
