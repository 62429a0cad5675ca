import PlanModel

/// The CSV export (SPEC §9): one row per goal, then one per measure, each in plan order,
/// under the header `kind,id,phase,consortium,title,indicator,unit,baseline,target,instrument,funder,amount,agency`.
///
/// Fields are quoted as RFC 4180 says: a field holding a comma, a double quote, a carriage
/// return or a line feed is put in double quotes, and a double quote inside is doubled. Records
/// end in LF (RFC 4180 has CRLF; LF is what line-based tools expect and every CSV reader
/// accepts). Numbers are written in full precision without exponent; keywords stay ASCII.
enum CSVExport {
  static let header = [
    "kind", "id", "phase", "consortium", "title", "indicator", "unit", "baseline", "target", "instrument", "funder",
    "amount", "agency",
  ]

  /// The rows of the export, the header first.
  static func rows(_ plan: Plan) -> [[String]] {
    var rows = [header]
    func number(_ v: Value?) -> String { v?.number.map(Format.number) ?? "" }
    for g in plan[.goal].values {
      rows.append([
        "goal", g.id, g[Attr.Goal.phase]?.ref ?? "", g[Attr.Goal.consortium]?.ref ?? "", g.name ?? "",
        g[Attr.Goal.indicator]?.text ?? "", g[Attr.Goal.unit]?.text ?? "", number(g[Attr.Goal.baseline]),
        number(g[Attr.Goal.target]), "", "", "", "",
      ])
    }
    for m in plan[.measure].values {
      rows.append([
        "measure", m.id, m[Attr.Measure.phase]?.ref ?? "", m[Attr.Measure.consortium]?.ref ?? "", m.name ?? "", "", "",
        "", "", m[Attr.Measure.instrument]?.choice ?? "", m[Attr.Measure.funder]?.choice ?? "",
        number(m[Attr.Measure.amount]), m[Attr.Measure.agency]?.text ?? "",
      ])
    }
    return rows
  }

  static func render(_ plan: Plan) -> String {
    rows(plan).map { $0.map(field).joined(separator: ",") + "\n" }.joined()
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
