// libxml2 headers for Swift. Debian builds libxml2 with ICU; exposing its ICU-typed declarations
// next to Foundation breaks a clean build ('UErrorCode' has different definitions), so the ICU
// switch is turned off before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
