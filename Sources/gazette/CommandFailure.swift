import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure a command reports as `gazette: error: …` with an exit status, instead of a stack of types.
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

extension ParsableCommand {
    /// Runs `body`, turning a `CommandFailure` into its message on stderr and its exit status.
    static func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            printError("gazette: error: \(failure.message)")
            throw ExitCode(failure.status)
        }
    }
}
