import PlanLanguage
import PlanModel

/// Maps months onto a time axis over a span of whole years (the horizon), for the text
/// timeline and the SVG one. Positions are fractions of the span: 0 at the start of its
/// first month, 1 at the end of its last.
struct TimelineScale {
  let span: Period

  init(_ span: Period) { self.span = span }

  /// The years the axis shows, in order.
  var years: [Int] { Array(span.start.year...max(span.start.year, span.end.year)) }

  var months: Int { max(1, span.months) }

  /// The position of the start of month `m`.
  func position(_ m: YearMonth) -> Double {
    Double(m.ordinal - span.start.ordinal) / Double(months)
  }

  /// The positions a period covers, clamped to the span: from the start of its first month to
  /// the end of its last. Empty (`lower == upper`) when it lies outside.
  func interval(_ p: Period) -> (lower: Double, upper: Double) {
    let lower = min(1, max(0, position(p.start)))
    let upper = min(1, max(0, Double(p.end.ordinal + 1 - span.start.ordinal) / Double(months)))
    return (lower, max(lower, upper))
  }
}
