#ifndef CPLAN_CEDITLINE_SHIM_H
#define CPLAN_CEDITLINE_SHIM_H
/*
 * libedit for Swift.
 *
 * Swift cannot call C variadic functions, and el_wset/el_wget/history_w are variadic: every
 * call cplan makes is wrapped here in a static inline function with a fixed signature. cplan
 * uses the wide-character API throughout (el_wgets, el_wline, el_winsertstr, el_wset,
 * history_w), so no text passes through the locale's multibyte conversion on the way in or
 * out of the line buffer.
 */
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <histedit.h>

/** The prompt callback of EL_PROMPT_ESC (wide). */
typedef wchar_t *(*cplan_el_prompt_fn)(EditLine *);
/** A key-bound function added with EL_ADDFN: returns a CC_* code. */
typedef unsigned char (*cplan_el_key_fn)(EditLine *, int);
/** The read-one-character callback of EL_GETCFN: 1 read, 0 end of file, -1 error. */
typedef int (*cplan_el_read_fn)(EditLine *, wchar_t *);

static inline int cplan_el_set_editor(EditLine *el, const wchar_t *mode) {
  return el_wset(el, EL_EDITOR, mode);
}

/** EL_SIGNAL: whether libedit installs its own signal handlers while reading (cplan: no). */
static inline int cplan_el_set_signal(EditLine *el, int on) { return el_wset(el, EL_SIGNAL, on); }

/** EL_PROMPT_ESC: the prompt function, and the character that brackets invisible sequences. */
static inline int cplan_el_set_prompt(EditLine *el, cplan_el_prompt_fn fn, wchar_t esc) {
  return el_wset(el, EL_PROMPT_ESC, fn, (int)esc);
}

/** EL_ADDFN: a named editor function that keys can be bound to. */
static inline int cplan_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                                        cplan_el_key_fn fn) {
  return el_wset(el, EL_ADDFN, name, help, fn);
}

/** EL_BIND: binds a key (in bind(1) notation, e.g. "^I") to a named editor function. */
static inline int cplan_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function) {
  return el_wset(el, EL_BIND, key, function, (const wchar_t *)NULL);
}

/** EL_GETCFN: the function that reads one character from the terminal. */
static inline int cplan_el_set_read(EditLine *el, cplan_el_read_fn fn) { return el_wset(el, EL_GETCFN, fn); }

static inline int cplan_el_set_clientdata(EditLine *el, void *data) {
  return el_wset(el, EL_CLIENTDATA, data);
}

static inline void *cplan_el_clientdata(EditLine *el) {
  void *data = NULL;
  el_wget(el, EL_CLIENTDATA, &data);
  return data;
}

/** EL_REFRESH: redraws the prompt and the line. */
static inline int cplan_el_refresh(EditLine *el) { return el_wset(el, EL_REFRESH); }

/** EL_HIST: the wide history that the editor's history keys (and Ctrl-R) walk. */
static inline int cplan_el_set_history(EditLine *el, HistoryW *history) {
  return el_wset(el, EL_HIST, history_w, history);
}

static inline int cplan_history_set_size(HistoryW *history, int size) {
  HistEventW event;
  return history_w(history, &event, H_SETSIZE, size);
}

/** H_SETUNIQUE: an entry equal to the previous one is not entered again. */
static inline int cplan_history_set_unique(HistoryW *history, int unique) {
  HistEventW event;
  return history_w(history, &event, H_SETUNIQUE, unique);
}

static inline int cplan_history_enter(HistoryW *history, const wchar_t *entry) {
  HistEventW event;
  return history_w(history, &event, H_ENTER, entry);
}

/** H_FIRST (`first` non-zero) or H_NEXT: the newest entry, then each older one; NULL past the
 *  oldest. The text is valid until the next history call. libedit's own ↑/↓ start again from
 *  H_FIRST each time, so walking the history here does not disturb them. */
static inline const wchar_t *cplan_history_step(HistoryW *history, int first) {
  HistEventW event;
  if (history_w(history, &event, first ? H_FIRST : H_NEXT) < 0) return NULL;
  return event.str;
}

/** The terminal's width in columns (0 when unknown). ioctl is variadic too. */
static inline int cplan_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

/**
 * Keeps the terminal out of canonical mode and echo between prompts (issue 18 item 12a): keys
 * typed while a command runs stay in the input queue, unechoed and with their Backspaces, for
 * libedit to edit at the next prompt as if typed there. Signals (Ctrl-C) and output processing
 * are left as they are.
 */
static inline int cplan_terminal_hold(int fd) {
  struct termios t;
  if (tcgetattr(fd, &t) != 0) return -1;
  t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHONL | IEXTEN);
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  return tcsetattr(fd, TCSANOW, &t);
}

#endif
