#ifndef GAZETTE_CNCURSESW_SHIM_H
#define GAZETTE_CNCURSESW_SHIM_H
/* Wide-character ncurses. NCURSES_WIDECHAR must come first, or cchar_t and the wide functions are hidden. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>

/* Swift 6 rejects C globals (shared mutable state) and cannot see macros: accessors below. */
static inline WINDOW *gz_stdscr(void) { return stdscr; }
static inline TERMINAL *gz_cur_term(void) { return cur_term; }
static inline int gz_lines(void) { return LINES; }
static inline int gz_cols(void) { return COLS; }
static inline int gz_colors(void) { return COLORS; }
static inline int gz_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t gz_a_normal(void) { return A_NORMAL; }
static inline attr_t gz_a_bold(void) { return A_BOLD; }
static inline attr_t gz_a_dim(void) { return A_DIM; }
static inline attr_t gz_a_italic(void) { return A_ITALIC; }
static inline attr_t gz_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gz_a_reverse(void) { return A_REVERSE; }
static inline int gz_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, short pair) {
    return setcchar(cell, text, attrs, pair, NULL);
}
/* tigetstr returns (char *)-1 for "not a string capability": report both that and NULL as absent. */
static inline int gz_has_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1;
}
#endif
