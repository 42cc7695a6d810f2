// zlib for Swift: inflate of gzip members (WARC, JSONL and HTML dumps).
#include <zlib.h>
