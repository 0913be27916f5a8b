import CNcursesw

/// The self-pipe the C signal handler writes to (see shim.h). This is the only Swift file that calls the
/// shim's `gz_signal_pipe_*` functions: their storage is per object file, so a second caller elsewhere
/// would see a different, closed pipe.
enum SignalPipe {
    /// Installs the handlers for SIGINT, SIGTERM, SIGHUP and SIGWINCH and returns the pipe's read end, or
    /// nil when a session already owns it (or the pipe could not be made).
    static func open() -> Int32? {
        let fd = gz_signal_pipe_open()
        return fd >= 0 ? fd : nil
    }

    /// Restores the previous handlers and closes the pipe.
    static func close() {
        gz_signal_pipe_close()
    }
}
