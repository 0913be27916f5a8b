import ArgumentParser
import TextSafety
import NcursesBackend
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process entry point: parses the command line, runs the command, and turns every outcome into a
/// message and an exit status. This is the only place that exits.
///
/// Exit statuses: 0 success (also `--help`, `--version`); 1 a failure while running; 2 a usage problem (bad
/// arguments, unusable terminal, no home directory); 128 + n after signal n ended the reader.
@main
enum GazetteMain {
    static func main() async {
        let status: Int32
        do {
            var command = try Gazette.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            status = 0
        } catch {
            status = report(error)
        }
        exit(status)
    }

    /// Prints what `error` means for the user and returns the exit status.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let error as CommandLineError:
            printError(error.description)
            return error.exitStatus
        case let failure as CommandFailure:
            printError(failure.message)
            return failure.status
        case let error as TerminalError:
            printError(error.description)
            return 2
        case let code as ExitCode:
            return code.rawValue
        default:
            let code = Gazette.exitCode(for: error)
            if code == .success {
                // --help and --version: the parser's text, on standard output.
                print(Gazette.fullMessage(for: error))
                return 0
            }
            if code == .validationFailure {
                printError(Gazette.message(for: error))
                writeStandardError("Run 'gazette --help' for usage.\n")
                return 2
            }
            printError(Gazette.message(for: error))
            return 1
        }
    }

    private static func printError(_ message: String) {
        writeStandardError("gazette: error: \(Sanitizer.clean(message))\n")
    }

    /// Writes to file descriptor 2 directly: libc's `stderr` is a C global Swift 6 will not touch.
    static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(2, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
    }
}
