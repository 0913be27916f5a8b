import CNcursesw
import TermCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NcursesTerminal {
    /// Waits at most `timeoutMilliseconds` (negative: without limit) for a key, a resize or a termination
    /// signal. Once SIGINT, SIGTERM or SIGHUP has arrived, or the terminal has gone away, every call answers
    /// `.terminate` at once, so the runtime leaves its loop and `stop()` restores the terminal.
    ///
    /// It waits with `poll` on both the terminal and the signal pipe rather than inside `wget_wch`: a
    /// signal may be delivered to any thread of the process, and only the pipe wakes this one reliably.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard screen != nil else { return .terminate }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
        let window = gz_stdscr()
        wtimeout(window, 0)
        while true {
            if let event = drainSignals() { return event }
            if receivedSignal != nil { return .terminate }
            // Keys ncurses already buffered (the rest of a paste, a decoded escape sequence) come first.
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == OK {
                if let key = KeyDecoder.decode(.character(UInt32(character))) { return .key(key) }
                continue
            }
            if status == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    if let event = resizeEvent() { return event }
                    continue
                }
                if let key = KeyDecoder.decode(.keyCode(Int32(character))) { return .key(key) }
                continue
            }
            var wait: Int32 = -1
            if let deadline {
                let left = clock.now.duration(to: deadline)
                if left <= .zero { return nil }
                let (seconds, attoseconds) = left.components
                wait = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            let ready = gz_wait_input(STDIN_FILENO, signalPipe, wait)
            if ready & 4 != 0 && ready & 1 == 0 {
                // The terminal hung up (its window closed): treat like SIGHUP.
                receivedSignal = SIGHUP
                return .terminate
            }
        }
    }

    /// Reads every byte the signal handler wrote. A termination signal is remembered; a window-size change
    /// is applied to ncurses and reported.
    private func drainSignals() -> InputEvent? {
        var byte: UInt8 = 0
        var resized = false
        while read(signalPipe, &byte, 1) == 1 {
            let signal = Int32(byte)
            if signal == SIGWINCH {
                resized = true
            } else if receivedSignal == nil {
                receivedSignal = signal
            }
        }
        if receivedSignal != nil { return .terminate }
        guard resized else { return nil }
        var rows: Int32 = 0, columns: Int32 = 0
        if gz_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 {
            // resizeterm may queue a KEY_RESIZE of its own; resizeEvent() drops it as already reported.
            _ = resizeterm(rows, columns)
            // resizeterm leaves the old frame, cut to the new size, in a window marked changed, and the next
            // wget_wch would refresh it on its own: a whole frame at the old layout sent before the new one.
            // Taking it into ncurses' next screen now, without an update, marks the window unchanged; the
            // next `draw` replaces every cell anyway.
            _ = wnoutrefresh(gz_stdscr())
        }
        return resizeEvent()
    }

    /// `.resize` with the window's current size, unless that size was reported already. A new size also
    /// means the next frame is sent whole, onto a cleared screen.
    private func resizeEvent() -> InputEvent? {
        let current = size
        guard current != reportedSize else { return nil }
        reportedSize = current
        invalidate()
        return .resize(width: current.width, height: current.height)
    }
}
