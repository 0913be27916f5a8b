import NcursesBackend

/// Failures of the command line itself, with the exit status each deserves: 2 for a problem with how
/// Gazette was started (arguments, environment, terminal), 1 for a failure while running.
enum CommandLineError: Error, Equatable, CustomStringConvertible {
    /// A default directory is needed but neither its XDG variable nor `HOME` is an absolute path.
    case homeUnknown(variable: String)
    /// The terminal cannot run the reader.
    case terminal(TerminalError)

    var description: String {
        switch self {
        case .homeUnknown(let variable):
            return "cannot find the home directory: HOME is not set to an absolute path (set HOME or \(variable), or pass --config-dir and --data-dir)"
        case .terminal(let error):
            return error.description
        }
    }

    var exitStatus: Int32 {
        switch self {
        case .homeUnknown, .terminal: return 2
        }
    }
}
