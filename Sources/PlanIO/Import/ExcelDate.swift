/// Dates in a workbook (ECMA-376 Part 1 §18.17.4.1): a date cell is a number — the serial, days
/// since the epoch of the workbook's date system — shown as a date by its style's number format.
package enum ExcelDate {
  /// The calendar date of a serial (its whole days; a time of day is dropped).
  ///
  /// The 1900 system (the default) counts 1900-01-01 as 1 and, as Lotus 1-2-3 did, has a
  /// 1900-02-29 (serial 60), so from serial 61 on the date is 1899-12-30 plus the serial; the
  /// 1904 system (`<workbookPr date1904="1"/>`, old Excel for the Mac) counts 1904-01-01 as 0.
  /// - Returns: nil for a serial before the system's first day or after 9999-12-31.
  /// - Source: the civil-from-days algorithm, H. Hinnant, "chrono-Compatible Low-Level Date
  ///   Algorithms" (2013).
  package static func date(serial: Double, date1904: Bool = false) -> (year: Int, month: Int, day: Int)? {
    guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
    let whole = Int(serial.rounded(.down))
    // Days since 1970-01-01 (1899-12-30 is day -25,569; 1904-01-01 is day -24,107).
    let days: Int
    if date1904 {
      days = whole - 24_107
    } else if whole == 60 {
      return (1900, 2, 29)  // the day that never was, as Excel shows it
    } else {
      days = whole - (whole < 60 ? 25_568 : 25_569)
    }
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Whether number format `id` (with its code, for a custom format) shows a date: the built-in
  /// date formats (14–17, 22; in the Chinese locale also 27–31, 36, 50–54, 57, 58 — 32–35, 55
  /// and 56 are times there), or a
  /// code with a year or day part, or a month part without hours or seconds (`m` beside `h` or
  /// `s`, or elapsed time `[h]`, is minutes), outside quotes, brackets and escapes.
  package static func isDateFormat(id: Int, code: String?) -> Bool {
    if let code { return isDateCode(code) }
    return [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].contains(id)
  }

  static func isDateCode(_ code: String) -> Bool {
    var (year, month, day, time) = (false, false, false, false)
    for token in NumberFormatCode.tokens(code.lowercased()) {
      switch token {
      // `[h]`, `[mm]`, `[ss]`: elapsed time.
      case .bracket(let b) where !b.isEmpty && b.allSatisfy({ "hms".contains($0) }): time = true
      case .bracket: break
      case .character("y"): year = true
      case .character("d"): day = true
      case .character("m"): month = true
      case .character("h"), .character("s"): time = true
      case .character: break
      }
    }
    return year || day || (month && !time)
  }
}
