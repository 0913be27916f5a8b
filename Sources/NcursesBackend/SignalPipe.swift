import CNcursesw

/// The self-pipe the C signal handler writes to (see shim.h). This is the only Swift file that calls the
/// shim's `gz_signal_pipe_*` functions: their storage is per object file, so a second caller elsewhere
/// would see a different, closed pipe.
enum SignalPipe {
    /// Installs the handlers and returns the pipe's read end, or nil when a session already owns it (or the
    /// pipe could not be made). Every signal that ends a process by default is handled: SIGWINCH and the
    /// ending ones (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1/2, SIGALRM, SIGXCPU, SIGXFSZ,
    /// SIGVTALRM) arrive through the pipe and end the session cleanly; faults and aborts (SIGSEGV, SIGBUS,
    /// SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS: a crash) restore the terminal from inside the handler and
    /// then take their previous course.
    static func open() -> Int32? {
        let fd = gz_signal_pipe_open()
        return fd >= 0 ? fd : nil
    }

    /// Prepares what a crash writes to the terminal: leave the alternate screen, show the cursor, plain
    /// attributes, keypad off, from the terminal's own capabilities. Call once ncurses has started.
    static func prepareEmergencyRestore() {
        for capability in ["rmcup", "cnorm", "sgr0", "rmkx"] { gz_emergency_add_capability(capability) }
    }

    /// Restores the previous handlers and closes the pipe.
    static func close() {
        gz_signal_pipe_close()
    }
}
