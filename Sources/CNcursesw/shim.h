#ifndef GAZETTE_CNCURSESW_SHIM_H
#define GAZETTE_CNCURSESW_SHIM_H
/* Wide-character ncurses. NCURSES_WIDECHAR must come first, or cchar_t and the wide functions are hidden. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* Swift 6 rejects C globals (shared mutable state) and cannot see macros: accessors below. */
static inline WINDOW *gz_stdscr(void) { return stdscr; }
static inline WINDOW *gz_curscr(void) { return curscr; }
static inline TERMINAL *gz_cur_term(void) { return cur_term; }
static inline FILE *gz_stdout(void) { return stdout; }
static inline FILE *gz_stdin(void) { return stdin; }
static inline int gz_lines(void) { return LINES; }
static inline int gz_cols(void) { return COLS; }
static inline int gz_colors(void) { return COLORS; }
static inline int gz_color_pairs(void) { return COLOR_PAIRS; }
static inline int gz_cchar_max(void) { return CCHARW_MAX; }
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
    char *value = tigetstr((char *)name);
    return value != NULL && value != (char *)-1;
}
/* The codeset of the current LC_CTYPE locale, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *gz_codeset(void) { return nl_langinfo(CODESET); }

/* The terminal's size from the kernel, for SIGWINCH handled by Gazette rather than by ncurses.
   Returns 0 on success. */
static inline int gz_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row; *cols = size.ws_col;
    return 0;
}

/* ---- Signals: the self-pipe.
   A POSIX signal handler gets no context, so the write end of the pipe has to live in process-wide storage;
   that is the only global state in Gazette, and it lives here, in C. The handler only calls write(2), which
   is async-signal-safe, and keeps errno.
   The storage is a static local of a static inline function, so each object file that inlines these
   functions gets its own copy: call gz_signal_pipe_open/close from ONE Swift file only (SignalPipe.swift).
   Only one terminal session can own the pipe at a time (gz_signal_pipe_open fails while it is open). */
static inline int *gz_signal_pipe_fds(void) {
    static int fds[2] = { -1, -1 };
    return fds;
}
/* The signals that end a session through the pipe, cleanly (the runtime leaves its loop, the cache closes,
   the terminal is restored, the exit status is 128 + signal): every signal whose default action ends the
   process and that is not a fault: Ctrl-C, Ctrl-\\ (SIGQUIT), kill, a lost terminal, timers and limits.
   SIGWINCH is the one that does not end it (a resize). */
#define GZ_PIPED_SIGNAL_COUNT 12
static const int gz_handled_signals[GZ_PIPED_SIGNAL_COUNT] = {
    SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM
};
/* Faults and aborts (a crash, fatalError, SIGKILL aside): nothing can run cleanly any more, so the handler
   writes a sequence prepared in advance (leave the alternate screen, show the cursor, reset attributes and
   the keypad) and the saved terminal modes with async-signal-safe calls only, then lets the signal do
   what it did before (the Swift runtime's backtrace, a core dump). */
#define GZ_FATAL_SIGNAL_COUNT 7
static const int gz_fatal_signals[GZ_FATAL_SIGNAL_COUNT] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS };

static inline struct sigaction *gz_signal_saved_actions(void) {
    static struct sigaction saved[GZ_PIPED_SIGNAL_COUNT + GZ_FATAL_SIGNAL_COUNT];
    return saved;
}
/* The emergency restore: the bytes to write and the terminal modes to set, prepared at start. */
struct gz_emergency_restore {
    char sequence[256];
    int length;
    int has_modes;
    struct termios modes;
};
static inline struct gz_emergency_restore *gz_emergency(void) {
    static struct gz_emergency_restore restore;
    return &restore;
}

static void gz_on_signal(int signal_number) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signal_number;
    int fd = gz_signal_pipe_fds()[1];
    if (fd >= 0) { ssize_t ignored = write(fd, &byte, 1); (void)ignored; }
    errno = saved_errno;
}

static void gz_on_fatal_signal(int signal_number) {
    struct gz_emergency_restore *restore = gz_emergency();
    if (restore->length > 0) { ssize_t ignored = write(STDOUT_FILENO, restore->sequence, (size_t)restore->length); (void)ignored; }
    if (restore->has_modes) tcsetattr(STDIN_FILENO, TCSANOW, &restore->modes);
    /* Back to what was there before us, then again: a fault re-executes and lands there; an abort or a
       signal sent by kill is raised anew (it is blocked until this handler returns). */
    for (int i = 0; i < GZ_FATAL_SIGNAL_COUNT; i++) {
        if (gz_fatal_signals[i] == signal_number) {
            sigaction(signal_number, &gz_signal_saved_actions()[GZ_PIPED_SIGNAL_COUNT + i], NULL);
        }
    }
    raise(signal_number);
}

/* Opens the pipe (both ends non-blocking, close-on-exec) and installs the handlers for the piped and the
   fatal signals. Must run before newterm: ncurses installs its own handlers (which call exit) only for
   signals still at SIG_DFL. Saves the terminal modes for the emergency restore. Returns the read end, or -1
   with errno set (EBUSY when already open). */
static inline int gz_signal_pipe_open(void) {
    int *pipe_fds = gz_signal_pipe_fds();
    if (pipe_fds[0] >= 0) { errno = EBUSY; return -1; }
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    pipe_fds[0] = fds[0]; pipe_fds[1] = fds[1];
    struct gz_emergency_restore *restore = gz_emergency();
    restore->length = 0;
    restore->has_modes = tcgetattr(STDIN_FILENO, &restore->modes) == 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gz_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocking poll on this thread returns EINTR */
    struct sigaction *saved = gz_signal_saved_actions();
    sigset_t unblock;
    sigemptyset(&unblock);
    for (int i = 0; i < GZ_PIPED_SIGNAL_COUNT; i++) {
        sigaction(gz_handled_signals[i], &action, &saved[i]);
        sigaddset(&unblock, gz_handled_signals[i]);
    }
    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    fatal.sa_handler = gz_on_fatal_signal;
    sigemptyset(&fatal.sa_mask);
    fatal.sa_flags = SA_ONSTACK;
    for (int i = 0; i < GZ_FATAL_SIGNAL_COUNT; i++) {
        sigaction(gz_fatal_signals[i], &fatal, &saved[GZ_PIPED_SIGNAL_COUNT + i]);
    }
    /* A parent may have started us with these blocked (mask is inherited); this thread takes them. */
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    return fds[0];
}

/* Appends a terminfo string capability (rmcup, cnorm...) to the emergency restore sequence. Call after
   newterm, from the thread that owns the terminal, before anything can crash. */
static inline void gz_emergency_add_capability(const char *name) {
    char *value = tigetstr((char *)name);
    if (value == NULL || value == (char *)-1) return;
    struct gz_emergency_restore *restore = gz_emergency();
    size_t length = strlen(value);
    if ((size_t)restore->length + length >= sizeof restore->sequence) return;
    memcpy(restore->sequence + restore->length, value, length);
    restore->length += (int)length;
}

/* Restores the handlers found at open and closes the pipe. Safe to call when not open. */
static inline void gz_signal_pipe_close(void) {
    int *pipe_fds = gz_signal_pipe_fds();
    if (pipe_fds[0] < 0) return;
    struct sigaction *saved = gz_signal_saved_actions();
    for (int i = 0; i < GZ_PIPED_SIGNAL_COUNT; i++) sigaction(gz_handled_signals[i], &saved[i], NULL);
    for (int i = 0; i < GZ_FATAL_SIGNAL_COUNT; i++) {
        sigaction(gz_fatal_signals[i], &saved[GZ_PIPED_SIGNAL_COUNT + i], NULL);
    }
    gz_emergency()->length = 0;
    gz_emergency()->has_modes = 0;
    int read_end = pipe_fds[0], write_end = pipe_fds[1];
    pipe_fds[0] = -1; pipe_fds[1] = -1;
    close(write_end); close(read_end);
}

/* Waits until the terminal input or the signal pipe is readable, or timeout_ms passes (-1: no limit).
   Returns a bit set: 1 = input readable, 2 = signal pipe readable, 4 = input hung up or failed (the
   terminal is gone); 0 on timeout or EINTR. */
static inline int gz_wait_input(int input_fd, int pipe_fd, int timeout_ms) {
    struct pollfd fds[2] = { { input_fd, POLLIN, 0 }, { pipe_fd, POLLIN, 0 } };
    int ready = poll(fds, 2, timeout_ms);
    if (ready <= 0) return 0;
    int result = 0;
    if (fds[0].revents & POLLIN) result |= 1;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) result |= 4;
    if (fds[1].revents & POLLIN) result |= 2;
    return result;
}
#endif
