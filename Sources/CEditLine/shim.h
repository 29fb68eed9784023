#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

/* Sets libedit's readline character reader. A function rather than a plain
   assignment because Swift treats imported C globals as shared mutable state. */
static inline void evs_set_getc_function(int (*function)(FILE *)) {
  rl_getc_function = function;
}
