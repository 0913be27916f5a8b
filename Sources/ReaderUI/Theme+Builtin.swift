/// The built-in copy of `Themes/default.toml`, so a missing Themes folder never breaks start-up. A test
/// checks that it matches the shipped file byte for byte.
extension Theme {
    /// The default theme, compiled in.
    public static let builtinDefault: Theme =
        (try? Theme.parse(builtinDefaultText, file: "default.toml", base: .monochrome)) ?? .monochrome

    /// The text of `Themes/default.toml`.
    static let builtinDefaultText = #"""
# Gazette's default theme, for terminals with a dark background.
# Copy it to ~/.config/gazette/themes/NAME.toml and change what you like; roles left out keep these styles.
#
# A style is a colour name (the foreground) or a table { fg = ..., bg = ..., attrs = [...] }.
# Colours: default, black, red, green, yellow, blue, magenta, cyan, white, bright-black ... bright-white,
# gray, a palette index 0-255, or "#rrggbb". Attributes: bold, dim, italic, underline, reverse, strikethrough.
name = "default"

[styles]
text = "default"
headline = "default"
unread = { fg = "bright-white", attrs = ["bold"] }
selected = { fg = "black", bg = "cyan" }
selected-inactive = { fg = "bright-white", bg = "bright-black" }
muted = "bright-black"
link = { fg = "cyan", attrs = ["underline"] }
heading = { fg = "bright-yellow", attrs = ["bold"] }
quote = { fg = "green", attrs = ["italic"] }
code = "bright-magenta"
match = { fg = "black", bg = "yellow" }
border = "bright-black"
border-focused = { fg = "cyan", attrs = ["bold"] }
status-bar = { fg = "black", bg = "white" }
status-error = { fg = "bright-white", bg = "red", attrs = ["bold"] }
author = { fg = "bright-blue", attrs = ["bold"] }
score = "yellow"
submitter = { fg = "bright-green", attrs = ["bold"] }
new-comment = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
help = { fg = "bright-white", bg = 236 }
help-key = { fg = "bright-cyan", bg = 236, attrs = ["bold"] }

[comments]
# Thread depth 0, 1, 2, ... (cycling when deeper).
depths = ["cyan", "green", "yellow", "magenta", "blue", "red"]
"""#
}
