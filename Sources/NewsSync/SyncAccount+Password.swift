import Foundation

extension SyncAccount {
    /// The password: the literal one, or the first line `password-command` prints (run by `/bin/sh -c`,
    /// as the user wrote it in their own config file). A command that fails, prints nothing or does not end
    /// within `timeout` is `SyncError.password`.
    public func resolvePassword(timeout: TimeInterval = 30) throws(SyncError) -> String {
        switch password {
        case .literal(let text): return text
        case .command(let command):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch { throw .password("cannot run /bin/sh: \(error.localizedDescription)") }
            let deadline = Date().addingTimeInterval(timeout)
            // Read while it runs: a command printing more than a pipe holds would otherwise never end.
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(200), as: UTF8.self)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning {
                process.terminate()
                throw .password("'\(command)' did not finish within \(Int(timeout)) s")
            }
            guard process.terminationStatus == 0 else {
                let detail = errorText.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                throw .password("'\(command)' exited with status \(process.terminationStatus)"
                                + (detail.isEmpty ? "" : ": \(detail)"))
            }
            let first = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !first.isEmpty else { throw .password("'\(command)' printed no password") }
            return first
        }
    }
}
