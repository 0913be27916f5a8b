import CNcursesw

/// The self-pipe the C signal handler writes to (see shim.h). This is the only Swift file that calls the
/// shim's `gz_signal_pipe_*` and `gz_emergency_*` functions: their storage is per object file, so a second
/// caller elsewhere would see a different, closed pipe or an empty restore sequence. Each function here is
/// `@inline(never)` for the same reason: a release build inlined `prepareEmergencyRestore` into
/// `NcursesTerminal`'s object file, whose copy of the storage the crash handler never read, so a crash left
/// the terminal on the alternate screen.
enum SignalPipe {
    /// Installs the handlers and returns the pipe's read end, or nil when a session already owns it (or the
    /// pipe could not be made). Every signal that ends a process by default is handled: SIGWINCH and the
    /// ending ones (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1/2, SIGALRM, SIGXCPU, SIGXFSZ,
    /// SIGVTALRM) arrive through the pipe and end the session cleanly; faults and aborts (SIGSEGV, SIGBUS,
    /// SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS: a crash) restore the terminal from inside the handler and
    /// then take their previous course.
    @inline(never)
    static func open() -> Int32? {
        let fd = gz_signal_pipe_open()
        return fd >= 0 ? fd : nil
    }

    /// Prepares what a crash writes to the terminal: leave the alternate screen, show the cursor, plain
    /// attributes, keypad off, from the terminal's own capabilities. Call once ncurses has started.
    @inline(never)
    static func prepareEmergencyRestore() {
        for capability in ["rmcup", "cnorm", "sgr0", "rmkx"] { gz_emergency_add_capability(capability) }
    }

    /// Restores the previous handlers and closes the pipe.
    @inline(never)
    static func close() {
        gz_signal_pipe_close()
    }
}
