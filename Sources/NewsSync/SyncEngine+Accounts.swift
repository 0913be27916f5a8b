import Foundation
import NewsSources

extension SyncEngine {
    /// Syncs every account in `accounts` at once, each with its own client on one shared fetcher (so
    /// `policy`'s limits hold across them), and returns the reports in the accounts' order. A password
    /// command that fails is that account's report.
    public func syncAll(_ accounts: [SyncAccount], policy: FetchPolicy, now: Date = Date(),
                        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async -> [SyncReport] {
        let fetcher = FeedFetcher(policy: policy)
        let engine = self
        return await withTaskGroup(of: (Int, SyncReport).self) { group in
            for (index, account) in accounts.enumerated() {
                group.addTask {
                    let password: String
                    do {
                        password = try account.resolvePassword()
                    } catch {
                        var report = SyncReport(account: account.name)
                        report.error = "\(error)"
                        return (index, report)
                    }
                    let service = account.kind.makeService(for: account, password: password, fetcher: fetcher)
                    return (index, await engine.sync(account, service: service, now: now, progress: progress))
                }
            }
            var reports = [SyncReport?](repeating: nil, count: accounts.count)
            for await (index, report) in group { reports[index] = report }
            return reports.compactMap { $0 }
        }
    }
}
