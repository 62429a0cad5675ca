import PlanEngine
import PlanModel

/// The CSV export (SPEC §9): one row per goal (by phase then ID, SPEC §15), then one per measure
/// in plan order,
/// under the header `kind,id,phase,consortium,title,indicator,unit,baseline,target,instrument,funder,amount,agency`;
/// a plan with actuals adds `actual,actualYear,status` (SPEC §11: each goal's latest actual, its
/// year and its status as of the year under review).
///
/// Fields are quoted as RFC 4180 says: a field holding a comma, a double quote, a carriage
/// return or a line feed is put in double quotes, and a double quote inside is doubled. Records
/// end in LF (RFC 4180 has CRLF; LF is what line-based tools expect and every CSV reader
/// accepts). Numbers are written in full precision without exponent; keywords stay ASCII.
///
/// Formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would be evaluated by a spreadsheet, so it is written with a leading
/// `'`, which spreadsheets show as text. Numbers the plan holds as numbers (baseline, target,
/// amount — `-3` included) are written as they are.
enum CSVExport {
  static let header = [
    "kind", "id", "phase", "consortium", "title", "indicator", "unit", "baseline", "target", "instrument", "funder",
    "amount", "agency",
  ]

  /// The columns a plan with actuals adds (SPEC §11): each goal's latest actual, its year and
  /// its status as of the year under review; empty for measures.
  static let statusHeader = ["actual", "actualYear", "status"]

  /// The rows of the export, the header first.
  static func rows(_ plan: Plan) -> [[String]] {
    let statuses = plan.goalStatuses()
    var rows = [statuses == nil ? header : header + statusHeader]
    func number(_ v: Value?) -> String { v?.number.map(Format.number) ?? "" }
    let t = text
    for g in PresentationOrder.goals(of: plan).untilInterrupted {
      rows.append([
        "goal", t(g.id), t(g[Attr.Goal.phase]?.ref), t(g[Attr.Goal.consortium]?.ref), t(g.name),
        t(g[Attr.Goal.indicator]?.text), t(g[Attr.Goal.unit]?.text), number(g[Attr.Goal.baseline]),
        number(g[Attr.Goal.target]), "", "", "", "",
      ])
      if let statuses {
        let a = statuses.byGoal[g.id]
        rows[rows.count - 1] += [
          a?.actual.map(Format.number) ?? "", a?.actualYear.map(String.init) ?? "", a?.status.rawValue ?? "",
        ]
      }
    }
    for m in plan[.measure].values.untilInterrupted {
      rows.append(
        [
          "measure", t(m.id), t(m[Attr.Measure.phase]?.ref), t(m[Attr.Measure.consortium]?.ref), t(m.name), "", "",
          "", "", m[Attr.Measure.instrument]?.choice ?? "", m[Attr.Measure.funder]?.choice ?? "",
          number(m[Attr.Measure.amount]), t(m[Attr.Measure.agency]?.text),
        ] + (statuses == nil ? [] : ["", "", ""]))
    }
    return rows
  }

  static func render(_ plan: Plan) -> String {
    rows(plan).map { $0.map(field).joined(separator: ",") + "\n" }.joined()
  }

  /// A text cell from the plan's data (a name, an ID, a free text), with a leading `'` when its
  /// first character would make a spreadsheet read it as a formula: `=`, `+`, `-`, `@`, tab, CR.
  static func text(_ value: String?) -> String {
    guard let value, let first = value.unicodeScalars.first else { return "" }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return "'" + value
    default: return value
    }
  }

  /// One field, quoted when RFC 4180 requires it.
  static func field(_ text: String) -> String {
    let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needsQuotes else { return text }
    var out = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
    }
    return out + "\""
  }
}
