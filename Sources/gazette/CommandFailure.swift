import ArgumentParser
import TextSafety
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

/// Writes one line to standard error (Swift 6 rejects the `stderr` global; `write(2, …)` is safe), through
/// the sanitiser: URLs, titles and server messages in it come from outside.
func printError(_ line: String) {
    let text = Sanitizer.clean(line) + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
}

/// Prints one line to standard output through the sanitiser, for messages that quote URLs and titles from
/// feeds, pages and files.
func printLine(_ line: String) {
    print(Sanitizer.clean(line))
}
