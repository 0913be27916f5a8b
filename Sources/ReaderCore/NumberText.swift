/// Whole numbers as the panes and messages write them: `12,345`.
///
/// Why not `formatted(.number)`: on Linux Foundation formats through ICU, which pages ICU's locale and
/// number data (about 2 MB) into the reader for the comment count of the first story shown.
public enum NumberText {
    /// `n` in digits with a comma between each group of three (`-1,234,567`).
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.utf8.count > 3 else { return n < 0 ? "-" + digits : digits }
        var out = n < 0 ? "-" : ""
        var left = digits.utf8.count
        for character in digits {
            out.append(character)
            left -= 1
            if left > 0 && left % 3 == 0 { out += "," }
        }
        return out
    }
}
