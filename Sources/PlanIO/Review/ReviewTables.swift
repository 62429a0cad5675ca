import PlanEngine
import PlanLanguage
import PlanModel

/// The tables of the review report, shared by its text, Markdown and HTML formats so that they
/// show the same content, in the report's language (``ExportTable``: header, rows, numeric
/// columns).
struct ReviewTables {
  let report: ReviewReport
  let language: MessageLanguage

  func t(_ text: LocalizedText) -> String { text.text(language) }

  /// The title line: `Annual review — TITLE — as of 2025 (the plan's as-of)`.
  var title: String {
    var parts = [t(ReviewLabels.review)]
    if let title = report.title { parts.append(title) }
    if let year = report.year { parts.append(t(ReviewLabels.asOf(year.year, basis: year.basis))) }
    return parts.joined(separator: " — ")
  }

  /// `achieved 1 · on track 2 · 3 goals` (the statuses with goals, then the number of goals).
  func countsLine(_ counts: StatusCounts) -> String {
    let parts = counts.nonZero.map { "\(t(ReviewLabels.status($0.status))) \($0.count)" }
    return (parts + [t(ReviewLabels.goalsInAll(counts.total))]).joined(separator: " · ")
  }

  /// `K1 碳纤维创新联合体`.
  func label(_ id: String, _ name: String?) -> String { name.map { "\(id) \($0)" } ?? id }

  /// A goal's value as the report writes it: rounded to 4 decimals, no exponent.
  static func value(_ v: Double?) -> String {
    guard let v else { return "—" }
    return Format.number((v * 1e4).rounded() / 1e4)
  }

  /// A ratio or a share as a percent with one decimal: `87.5%`; `—` when undefined.
  static func percent(_ v: Double?) -> String { v.map(ExportNumbers.share) ?? "—" }

  /// The goals at `indices` of the report: goal, baseline, expected, actual, year, target, ratio,
  /// status.
  func goals(_ indices: [Int]) -> ExportTable {
    var table = ExportTable(
      header: [
        t(ReviewLabels.goal), t(ReviewLabels.baseline), t(ReviewLabels.expected), t(ReviewLabels.actual),
        t(ReviewLabels.year), t(ReviewLabels.target), t(ReviewLabels.ratio), t(ReviewLabels.statusColumn),
      ], numeric: [1, 2, 3, 4, 5, 6], ids: [])
    for i in indices {
      let row = report.goals[i]
      let a = row.assessment
      let actual = a.actual.map { Self.value($0) } ?? (a.actualYear != nil ? "" : "—")
      table.rows.append([
        label(row.id, row.name), Self.value(row.track.baseline), Self.value(a.expected), actual,
        a.actualYear.map(String.init) ?? "—", Self.value(row.track.target), Self.percent(a.ratio),
        t(ReviewLabels.status(a.status)),
      ])
    }
    return table
  }

  /// Money planned and paid: per consortium, one row per source, then its total with the
  /// execution rate and the actual government share.
  var money: ExportTable {
    var table = ExportTable(
      header: [
        t(ExportLabels.consortium), t(ReviewLabels.source), t(ReviewLabels.planned), t(ReviewLabels.paid),
        t(ReviewLabels.execution), t(ReviewLabels.govShare),
      ], numeric: [2, 3, 4, 5], ids: [0])
    for section in report.consortia {
      guard let money = section.money else { continue }
      for source in Schema.sources {
        guard let s = money.bySource[source] else { continue }
        table.rows.append([
          section.id, ExportLabels.value(source, language), ExportNumbers.amount(Self.round(s.planned)),
          ExportNumbers.amount(Self.round(s.paid)), Self.percent(s.execution), "",
        ])
      }
      table.totalRows.insert(table.rows.count)
      table.rows.append([
        section.id, t(ReviewLabels.total), ExportNumbers.amount(Self.round(money.planned)),
        ExportNumbers.amount(Self.round(money.paid)), Self.percent(money.execution),
        Self.percent(money.governmentShare),
      ])
    }
    return table
  }

  /// Whether any consortium has money to show.
  var hasMoney: Bool { report.consortia.contains { $0.money != nil } }

  /// An amount rounded to 2 decimals (planned amounts spread over months are fractions).
  static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }

  /// The changes since approval: kind, ID, change, approved value, current value.
  var changes: ExportTable {
    var table = ExportTable(
      header: [
        t(ReviewLabels.kind), t(ReviewLabels.id), t(ReviewLabels.changeColumn), t(ReviewLabels.approved),
        t(ReviewLabels.now),
      ], numeric: [3, 4], ids: [1])
    for c in report.changes ?? [] {
      let direction = c.change == .direction
      table.rows.append([
        kindName(c.kind), changeID(c), t(ReviewLabels.change(c.change)), Self.text(c.from, direction ? language : .en),
        Self.text(c.to, direction ? language : .en),
      ])
    }
    return table
  }

  /// What changed as the report names it: the keyword in English (`funding`), the kind's Chinese
  /// name in Chinese (资金).
  func kindName(_ kind: ChangeSinceApproval.Kind) -> String {
    guard language == .zh, let k = Kind(keyword: kind.rawValue) else { return kind.rawValue }
    return k.chineseName
  }

  /// The key of what changed; in Chinese a funding line's source by its term (`K2 P1 省级`).
  func changeID(_ change: ChangeSinceApproval) -> String {
    guard language == .zh, change.kind == .funding else { return change.id }
    return change.id.split(separator: " ").map { ExportLabels.value(String($0), language) }.joined(separator: " ")
  }

  /// A change's value as the text formats write it; `—` for none. A keyword (a direction) by
  /// its Chinese term in `language` zh.
  static func text(_ value: ChangeSinceApproval.Value?, _ language: MessageLanguage = .en) -> String {
    switch value {
    case nil: "—"
    case .number(let n)?: Format.number(n)
    case .year(let y)?: String(y)
    case .text(let s)?: ExportLabels.value(s, language)
    }
  }
}
