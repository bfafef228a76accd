// zlib for the XLSX reader's own inflate (LinliKit/Spreadsheet/ZIPReader.swift).
#include <zlib.h>
