/// The named character references articles use most (`&amp;`, `&nbsp;`, `&hellip;`, curly quotes and
/// dashes), each one scalar, looked up from the name's bytes packed into a word: the streaming reader
/// decodes them without making a string of the name and hashing it into `HTMLEntities`' table. Every
/// other name goes to `HTMLEntities.named`; a test holds these to it.
enum CommonReference {
    /// The names this knows, for the test that compares them with `HTMLEntities.named`.
    static let names = ["amp", "lt", "gt", "quot", "apos", "nbsp", "hellip", "mdash", "ndash", "rsquo", "lsquo",
                        "rdquo", "ldquo", "copy", "laquo", "raquo", "middot", "bull", "trade", "reg", "eacute"]

    /// The name's bytes (at most eight) packed from the low byte, as `HTMLTag.named(packed:)` reads tag names.
    static func pack(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard name.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for (offset, byte) in name.enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        return packed
    }

    /// The scalar of the reference named by `packed` (case matters, as in HTML), or nil for any other name.
    static func scalar(packed: UInt64) -> UInt32? {
        switch packed {
        case 0x706D61: 0x26  // amp
        case 0x746C: 0x3C  // lt
        case 0x7467: 0x3E  // gt
        case 0x746F7571: 0x22  // quot
        case 0x736F7061: 0x27  // apos
        case 0x7073626E: 0xA0  // nbsp
        case 0x70696C6C6568: 0x2026  // hellip
        case 0x687361646D: 0x2014  // mdash
        case 0x687361646E: 0x2013  // ndash
        case 0x6F75717372: 0x2019  // rsquo
        case 0x6F7571736C: 0x2018  // lsquo
        case 0x6F75716472: 0x201D  // rdquo
        case 0x6F7571646C: 0x201C  // ldquo
        case 0x79706F63: 0xA9  // copy
        case 0x6F7571616C: 0xAB  // laquo
        case 0x6F75716172: 0xBB  // raquo
        case 0x746F6464696D: 0xB7  // middot
        case 0x6C6C7562: 0x2022  // bull
        case 0x6564617274: 0x2122  // trade
        case 0x676572: 0xAE  // reg
        case 0x657475636165: 0xE9  // eacute
        default: nil
        }
    }
}
