/// The help box's geometry, shared by `update` (which scrolls it) and the view (which draws it): a frame
/// as tall as the keys need, at most the whole screen, with the keys inside scrolling when they do not fit.
public enum HelpOverlay {
    /// Rows of keys shown at once: the box's height less its top and bottom border.
    public static func visibleRows(rowCount: Int, in size: TerminalSize) -> Int {
        max(1, min(rowCount, size.height - 2))
    }

    /// The largest first row: the last key on the box's last row.
    public static func maxScroll(rowCount: Int, in size: TerminalSize) -> Int {
        max(0, rowCount - visibleRows(rowCount: rowCount, in: size))
    }
}
