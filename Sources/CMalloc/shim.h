// glibc's malloc extensions for Swift (malloc_trim), which the Glibc module does not export.
// Elsewhere the module is empty and callers skip the call.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
