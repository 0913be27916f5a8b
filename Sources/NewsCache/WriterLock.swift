import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer rule: an exclusive `flock` on `<cache>.lock`, held for as long as this object lives.
///
/// `flock` locks belong to the open file description, so the kernel drops the lock when the process dies,
/// even by SIGKILL: a crashed writer never leaves a stale lock behind. The holder writes its pid into the file
/// so that a second instance can say who has the cache.
final class WriterLock: Sendable {
    let path: String
    /// The open lock file; closed (and so unlocked) in `deinit`.
    private let descriptor: Int32

    /// Takes the lock or throws `CacheError.locked` naming the holder's pid.
    init(cachePath: String) throws {
        let path = cachePath + ".lock"
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EROFS || code == EPERM {
                throw CacheError.readOnly(path: cachePath)
            }
            throw CacheError.cannotOpen(path: cachePath, reason: String(cString: strerror(code)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = WriterLock.readPID(fd)
            close(fd)
            if code == EWOULDBLOCK {
                throw CacheError.locked(path: cachePath, byPID: holder)
            }
            throw CacheError.cannotOpen(path: cachePath, reason: String(cString: strerror(code)))
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit {
        // Empty the pid first so a later reader of the file does not blame a process that has finished.
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    /// The pid written by the current holder, if it wrote one.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
