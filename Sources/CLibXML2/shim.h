// libxml2 (https://gitlab.gnome.org/GNOME/libxml2): reads the XML parts of an XLSX workbook on import,
// through its streaming xmlTextReader.
//
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system's
// <unicode/ucnv.h>; Swift's Foundation carries an ICU of its own (_FoundationICU), and a module
// that sees both fails to compile ('UErrorCode' has different definitions). Nothing here uses
// libxml2's ICU converter (whose pointers are the only members the macro adds to
// xmlCharEncodingHandler, a struct cplan never touches), so the macro is taken back before
// the headers that test it are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
