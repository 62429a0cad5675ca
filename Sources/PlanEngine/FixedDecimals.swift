import PlanLanguage
import PlanModel

/// Fixed-point decimals for reports: `fixed(0.8156, 3)` is `0.816`, `fixed(0.9, 2)` is `0.90`.
func fixed(_ value: Double, _ places: Int) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  guard abs(value) < 1e15 else { return Format.number(value) }
  let scaled = (abs(value) * scale).rounded()
  let negative = value < 0 && scaled > 0
  let whole = Format.number((scaled / scale).rounded(.down))
  var fraction = Format.number(scaled - (scaled / scale).rounded(.down) * scale)
  fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
  return (negative ? "-" : "") + whole + (places > 0 ? "." + fraction : "")
}
