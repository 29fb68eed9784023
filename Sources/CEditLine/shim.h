#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

/* Sets libedit's readline character reader. A function rather than a plain
   assignment because Swift treats imported C globals as shared mutable state. */
static inline void evs_set_getc_function(int (*function)(FILE *)) {
  rl_getc_function = function;
}

/* Makes Tab call `function` for the word before the cursor. Words break only at
   characters that end a word in the evs language, so that paths (with '/', '.', '-')
   and dot commands reach the function whole. Matches carry their own terminator, so
   libedit appends nothing to them. */
static inline void evs_set_completion_function(char **(*function)(const char *, int, int)) {
  rl_attempted_completion_function = function;
  rl_basic_word_break_characters = " \t\n\"'`|,()=<>!+*%;[]";
  rl_completion_append_character = '\0';
}

/* Tells libedit not to fall back to completing file names. */
static inline void evs_completion_done(void) {
  rl_attempted_completion_over = 1;
}

/* The line being edited, as UTF-8. */
static inline const char *evs_line_buffer(void) {
  return rl_line_buffer;
}

/* The history entries' count and the number of the first one. */
static inline int evs_history_length(void) {
  return history_length;
}

static inline int evs_history_base(void) {
  return history_base;
}
