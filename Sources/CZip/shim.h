// libzip (https://libzip.org): reads and writes the zip container of XLSX and DOCX files.
#include <zip.h>
