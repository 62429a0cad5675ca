import PlanModel

/// How numbers read in the text, Markdown and HTML exports. (JSON and CSV carry them in full,
/// through ``Format/number(_:)``.)
enum ExportNumbers {
  /// An amount with thousands separators: `34,000`, `1,234.5`.
  static func amount(_ value: Double) -> String {
    let plain = Format.number(value)
    let negative = plain.hasPrefix("-")
    let body = negative ? String(plain.dropFirst()) : plain
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var digits = Array(parts[0])
    var grouped: [Character] = []
    while digits.count > 3 {
      grouped = [","] + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = digits + grouped
    return (negative ? "-" : "") + String(grouped) + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// A number rounded to `places` decimals, always showing them: `0.812`, `1.000`.
  static func fixed(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return Format.number(value) }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let negative = value < 0 && scaled != 0
    let whole = Int64(scaled / scale)
    var frac = String(Int64(scaled - Double(whole) * scale))
    while frac.count < places { frac = "0" + frac }
    return (negative ? "-" : "") + String(whole) + (places > 0 ? "." + frac : "")
  }

  /// A share as a percent with one decimal: `15.0%`.
  static func share(_ fraction: Double) -> String {
    fixed(fraction * 100, places: 1) + "%"
  }
}
