// libbz2 for Swift: decompression of .bz2 streams (Wikidata's JSON dumps).
#include <bzlib.h>
