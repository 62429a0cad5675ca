import PlanEngine
import PlanModel

/// The review report as JSON (SPEC §11): `{"format", "version", "asOf", "against", "counts",
/// "goals", "consortia", "changes"}` with keys in that fixed order; the shape SPEC §11 gives,
/// led by the format's name and version as the export's JSON is. Numbers in full precision,
/// fractions for ratios, execution and shares; `null` where a value is undefined. The schema is
/// `schema/cplan-review.schema.json`.
///
/// - `counts`: every status (in ``GoalStatus/allCases`` order) with its number of goals, zeros
///   included.
/// - `goals`: one object per goal in report order: `goal`, `consortium` (null for none),
///   `baseline`, `expected` (expected(y) for the actual used, expected(Y) when none), `actual`,
///   `actualYear`, `target`, `ratio` (r, null where undefined), `status`.
/// - `consortia`: each consortium with a goal, a funding line or an outlay: `consortium`,
///   `counts`, `planned` and `paid` up to Y (in the plan's currency), `execution` (null when
///   nothing is planned yet), `govShare` (null when nothing is paid yet), `bySource` (each source
///   with a line or an outlay: `planned`, `paid`).
/// - `changes`: the changes since approval (`kind`, `id`, `change`, `from`, `to`); empty when no
///   approved plan was given (`against` is then null).
enum ReviewJSON {
  static let formatName = "cplan-review"
  static let version = 1

  static func render(_ report: ReviewReport, against: String? = nil) -> String {
    tree(report, against: against).rendered()
  }

  static func tree(_ report: ReviewReport, against: String?) -> JSONValue {
    .object([
      ("format", .string(formatName)), ("version", .int(version)),
      ("asOf", report.year.map { .int($0.year) } ?? .null),
      ("against", .optional(against)),
      ("counts", counts(report.counts)),
      ("goals", .array(report.goals.map(goal))),
      ("consortia", .array(report.consortia.map(consortium))),
      ("changes", .array((report.changes ?? []).map(change))),
    ])
  }

  static func counts(_ counts: StatusCounts) -> JSONValue {
    .object(GoalStatus.allCases.map { ($0.rawValue, .int(counts[$0])) })
  }

  static func goal(_ row: ReviewReport.GoalRow) -> JSONValue {
    let a = row.assessment
    return .object([
      ("goal", .string(row.id)), ("consortium", .optional(row.consortium)),
      ("baseline", .optional(row.track.baseline)), ("expected", .optional(a.expected)),
      ("actual", .optional(a.actual)), ("actualYear", a.actualYear.map { .int($0) } ?? .null),
      ("target", .optional(row.track.target)), ("ratio", .optional(a.ratio)), ("status", .string(a.status.rawValue)),
    ])
  }

  static func consortium(_ section: ReviewReport.ConsortiumSection) -> JSONValue {
    let money = section.money
    var bySource: [(String, JSONValue)] = []
    for source in Schema.sources {
      guard let s = money?.bySource[source] else { continue }
      bySource.append((source, .object([("planned", .number(s.planned)), ("paid", .number(s.paid))])))
    }
    return .object([
      ("consortium", .string(section.id)), ("counts", counts(section.counts)),
      ("planned", .number(money?.planned ?? 0)), ("paid", .number(money?.paid ?? 0)),
      ("execution", .optional(money?.execution)), ("govShare", .optional(money?.governmentShare)),
      ("bySource", .object(bySource)),
    ])
  }

  static func change(_ c: ChangeSinceApproval) -> JSONValue {
    func value(_ v: ChangeSinceApproval.Value?) -> JSONValue {
      switch v {
      case nil: .null
      case .number(let n)?: .number(n)
      case .year(let y)?: .int(y)
      case .text(let s)?: .string(s)
      }
    }
    return .object([
      ("kind", .string(c.kind.rawValue)), ("id", .string(c.id)), ("change", .string(c.change.rawValue)),
      ("from", value(c.from)), ("to", value(c.to)),
    ])
  }
}
