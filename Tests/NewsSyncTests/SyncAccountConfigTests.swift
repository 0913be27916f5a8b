import NewsSync
import Testing
import TOMLKit

/// `[[sync]]` tables: what is accepted, and the message for each mistake.
@Suite struct SyncAccountConfigTests {
    private func parse(_ text: String) throws -> (accounts: [SyncAccount], problems: [SyncConfigProblem]) {
        let table = try TOMLTable(string: text)
        return SyncAccount.parseConfig(try #require(table["sync"]))
    }

    @Test func readsAnAccountWithAPasswordCommand() throws {
        let (accounts, problems) = try parse("""
            [[sync]]
            type = "greader"
            url = "https://rss.example.net/api/greader.php"
            user = "alice"
            password-command = "pass show rss"
            """)
        #expect(problems.isEmpty)
        #expect(accounts == [SyncAccount(name: "rss.example.net", kind: .greader,
                                         url: "https://rss.example.net/api/greader.php", user: "alice",
                                         password: .command("pass show rss"))])
    }

    @Test func namesEachProblemOfATable() throws {
        let (accounts, problems) = try parse("""
            [[sync]]
            type = "fever"
            url = "ftp://x"
            colour = 1
            """)
        #expect(accounts.isEmpty)
        let keys = Set(problems.compactMap(\.key))
        #expect(keys == ["type", "url", "user", "password", "colour"])
        #expect(problems.contains { $0.message.contains("'fever' is not supported") })
    }

    @Test func refusesTwoAccountsOfOneName() throws {
        let (accounts, problems) = try parse("""
            [[sync]]
            type = "greader"
            url = "https://a.example/api/greader.php"
            user = "u"
            password = "p"
            [[sync]]
            type = "greader"
            url = "https://a.example/other"
            user = "v"
            password = "q"
            """)
        #expect(accounts.count == 1)
        #expect(problems.map(\.table) == [1])
    }

    @Test func refusesBothPasswordKinds() throws {
        let (_, problems) = try parse("""
            [[sync]]
            type = "greader"
            url = "https://a.example/api/greader.php"
            user = "u"
            password = "p"
            password-command = "echo p"
            """)
        #expect(problems.first?.message.contains("both password and password-command") == true)
    }

    @Test func aPasswordNeedsAPrivateFile() {
        #expect(SyncAccount.mayHoldPassword(permissions: 0o600))
        #expect(!SyncAccount.mayHoldPassword(permissions: 0o644))
        #expect(!SyncAccount.mayHoldPassword(permissions: 0o640))
    }

    @Test func runsThePasswordCommand() throws {
        let account = SyncAccount(name: "a", kind: .greader, url: "https://a.example/", user: "u",
                                  password: .command("printf 'secret\\nsecond line\\n'"))
        #expect(try account.resolvePassword() == "secret")
        let failing = SyncAccount(name: "a", kind: .greader, url: "https://a.example/", user: "u",
                                  password: .command("echo nope >&2; exit 3"))
        #expect(throws: SyncError.password("'echo nope >&2; exit 3' exited with status 3: nope")) {
            try failing.resolvePassword()
        }
    }
}
