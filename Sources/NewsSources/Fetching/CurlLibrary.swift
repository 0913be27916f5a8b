#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurl

/// libcurl's functions, found with `dlopen` when a fetcher starts its first transfer.
///
/// Why not linked: libcurl brings some thirty libraries (OpenSSL, GnuTLS, Kerberos, LDAP, libssh2...) whose
/// loading, relocation and initialisers cost the reader about 5 MB resident before its first frame, which
/// needs no network. Each `CurlHandlePool` loads its own (dlopen counts references), so nothing is
/// process-wide; a missing libcurl fails the transfer with a message, not the program.
final class CurlLibrary: @unchecked Sendable {
    // @unchecked Sendable: every stored property is set once in `init` and never changed; libcurl's
    // functions are thread-safe on distinct handles (and `global_init` is called under the pool's lock).
    typealias Handle = UnsafeMutableRawPointer
    typealias SList = UnsafeMutablePointer<curl_slist>

    private let library: UnsafeMutableRawPointer
    let globalInit: @convention(c) (Int) -> CURLcode
    let globalCleanup: @convention(c) () -> Void
    let easyInit: @convention(c) () -> Handle?
    let easyCleanup: @convention(c) (Handle?) -> Void
    let easyReset: @convention(c) (Handle?) -> Void
    let easyPerform: @convention(c) (Handle?) -> CURLcode
    let easyStrerror: @convention(c) (CURLcode) -> UnsafePointer<CChar>?
    let slistAppend: @convention(c) (SList?, UnsafePointer<CChar>?) -> SList?
    let slistFreeAll: @convention(c) (SList?) -> Void
    /// `curl_easy_setopt` and `curl_easy_getinfo`, called through the shim's typed wrappers (they are variadic).
    let setopt: UnsafeMutableRawPointer
    let getinfo: UnsafeMutableRawPointer

    /// The file names tried, the versioned one first (a run-time package installs only that).
    #if canImport(Darwin)
    static let fileNames = ["libcurl.4.dylib", "libcurl.dylib"]
    #else
    static let fileNames = ["libcurl.so.4", "libcurl.so"]
    #endif

    /// Why libcurl could not be loaded.
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Loads libcurl and finds its functions.
    init() throws(LoadError) {
        var opened: UnsafeMutableRawPointer?
        var reasons: [String] = []
        for name in Self.fileNames {
            opened = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if opened != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let library = opened else {
            throw LoadError(description: "cannot load libcurl (\(reasons.first ?? "not found")); install libcurl 4")
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(LoadError) -> T {
            guard let address = dlsym(library, name) else {
                dlclose(library)
                throw LoadError(description: "the libcurl found has no \(name); install libcurl 7.84 or later")
            }
            return unsafeBitCast(address, to: type)
        }
        globalInit = try symbol("curl_global_init", as: (@convention(c) (Int) -> CURLcode).self)
        globalCleanup = try symbol("curl_global_cleanup", as: (@convention(c) () -> Void).self)
        easyInit = try symbol("curl_easy_init", as: (@convention(c) () -> Handle?).self)
        easyCleanup = try symbol("curl_easy_cleanup", as: (@convention(c) (Handle?) -> Void).self)
        easyReset = try symbol("curl_easy_reset", as: (@convention(c) (Handle?) -> Void).self)
        easyPerform = try symbol("curl_easy_perform", as: (@convention(c) (Handle?) -> CURLcode).self)
        easyStrerror = try symbol("curl_easy_strerror", as: (@convention(c) (CURLcode) -> UnsafePointer<CChar>?).self)
        slistAppend = try symbol("curl_slist_append", as: (@convention(c) (SList?, UnsafePointer<CChar>?) -> SList?).self)
        slistFreeAll = try symbol("curl_slist_free_all", as: (@convention(c) (SList?) -> Void).self)
        setopt = try symbol("curl_easy_setopt", as: UnsafeMutableRawPointer.self)
        getinfo = try symbol("curl_easy_getinfo", as: UnsafeMutableRawPointer.self)
        self.library = library
    }

    deinit { dlclose(library) }

    /// libcurl's words for `code`.
    func describe(_ code: CURLcode) -> String {
        easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
    }
}
