import PlanEngine
import PlanModel

/// The review report as CSV (SPEC §11: one row per goal with the goal fields of the JSON), in
/// report order, under the header `goal,consortium,baseline,expected,actual,actualYear,target,ratio,status`.
/// Quoting, line ends and the guard against formula injection are the CSV export's
/// (``CSVExport``); numbers in full precision, the ratio a fraction, empty where undefined.
enum ReviewCSV {
  static let header = [
    "goal", "consortium", "baseline", "expected", "actual", "actualYear", "target", "ratio", "status",
  ]

  static func render(_ report: ReviewReport) -> String {
    func number(_ v: Double?) -> String { v.map(Format.number) ?? "" }
    var out = header.joined(separator: ",") + "\n"
    for row in report.goals {
      let a = row.assessment
      let cells = [
        CSVExport.text(row.id), CSVExport.text(row.consortium), number(row.track.baseline), number(a.expected),
        number(a.actual), a.actualYear.map(String.init) ?? "", number(row.track.target), number(a.ratio),
        a.status.rawValue,
      ]
      out += cells.map(CSVExport.field).joined(separator: ",") + "\n"
    }
    return out
  }
}
