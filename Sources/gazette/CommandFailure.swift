import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure a subcommand reports as `gazette: error: …` with an exit status (GazetteMain prints it).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 1
    var description: String { message }
}

/// Writes one line to standard error (Swift 6 rejects the `stderr` global; `write(2, …)` is safe).
func printError(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
}
