// SQLite (https://sqlite.org): writes the `export sqlite` database. SQLITE_TRANSIENT is a macro
// Swift cannot import (a cast of -1 to a function pointer), so it is given here as a function.
#include <sqlite3.h>
static inline sqlite3_destructor_type cplan_sqlite_transient(void) { return SQLITE_TRANSIENT; }
