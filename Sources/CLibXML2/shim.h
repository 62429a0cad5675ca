// libxml2 (https://gitlab.gnome.org/GNOME/libxml2): reads the XML parts of an XLSX workbook on import.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
