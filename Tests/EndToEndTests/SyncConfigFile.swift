import Foundation
import TestSupport

/// config.toml with `[[sync]]` accounts on the aggregator fixtures, as the sync stories write it: private
/// to its owner, since it holds passwords (Gazette refuses a password in a file others can read).
enum SyncConfigFile {
    /// One `[[sync]]` table; `password` is written as given (a wrong one included).
    static func table(name: String, type: String, url: String, user: String, password: String) -> String {
        """
        [[sync]]
        name = "\(name)"
        type = "\(type)"
        url = "\(url)"
        user = "\(user)"
        password = "\(password)"

        """
    }

    /// Writes `tables` as `folder/config.toml` (creating the folder), readable by its owner only.
    static func write(_ tables: [String], to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/config.toml"
        try tables.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}

extension GReaderFixture {
    /// An account on this server as `[[sync]]` names it.
    func syncTable(name: String = "fresh", password: String? = nil) -> String {
        SyncConfigFile.table(name: name, type: "greader", url: apiURL, user: user, password: password ?? self.password)
    }
}

extension MinifluxFixture {
    /// An account on this server as `[[sync]]` names it.
    func syncTable(name: String = "flux", password: String? = nil) -> String {
        SyncConfigFile.table(name: name, type: "miniflux", url: baseURL, user: username,
                             password: password ?? self.password)
    }
}

extension TinyTinyRSSFixture {
    /// An account on this server as `[[sync]]` names it.
    func syncTable(name: String = "tiny", password: String? = nil) -> String {
        SyncConfigFile.table(name: name, type: "ttrss", url: baseURL, user: username, password: password ?? self.password)
    }
}

extension TmuxSession {
    /// The reader on a config.toml holding `tables`; with `syncFirst`, started after a `gazette sync` has
    /// filled the cache (else its own start syncs).
    static func syncing(_ tables: [String], syncFirst: Bool) throws -> TmuxSession {
        try TmuxSession { config, data in
            try? SyncConfigFile.write(tables, to: config)
            if syncFirst {
                _ = try? ProcessRunner.run(try GazetteBinary.path(), ["sync", "--config-dir", config, "--data-dir", data])
            }
            return ["--config-dir", config, "--data-dir", data]
        }
    }

    /// `--config-dir` and `--data-dir` of this session, for commands run beside it.
    var folderArguments: [String] { ["--config-dir", configDirectory, "--data-dir", dataDirectory] }
}
