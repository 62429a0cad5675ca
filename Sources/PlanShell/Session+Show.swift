import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  // MARK: show

  func show(_ arguments: CommandArguments) -> Bool {
    guard let kind = arguments.kind else {
      switch arguments.literal {
      case "plan": output.write(showPlan())
      case "funding" where arguments["CONSORTIUM"] != nil:
        return showFunding(arguments["CONSORTIUM"]!)
      default:
        let options = ExportOptions(language: settings.language, width: Driver.terminalWidth(), file: file)
        output.write(
          arguments.literal == "roadmap"
            ? Exporter.roadmapSection(plan, options: options) : Exporter.fundingSection(plan, options: options))
      }
      return true
    }
    let keys = arguments.keys
    let spec = kind.spec
    var parts: [String] = []
    for (i, t) in keys.enumerated() {
      if spec.keys[i] == .year {
        do {
          parts.append(try Plan.yearKey(t, what: EditText.keyPart(kind: kind.rawValue, part: spec.keyNames[i])))
        } catch {
          return fail(error)
        }
        continue
      }
      let w = t.word!
      guard case .choice(let allowed) = spec.keys[i] else {
        parts.append(w)
        continue
      }
      // A funding source, read as `add` reads it (市级 is municipal).
      do {
        parts.append(
          try Plan.keyword(w, in: allowed, matcher: spec.keyChoices[i], attribute: spec.keyNames[i].lowercased(), at: t)
        )
      } catch {
        return fail(error)
      }
    }
    let key = EntityKey(parts: parts)
    guard let entity = plan[kind][key] ?? (kind == .compare ? plan[kind][EntityKey(key.b, key.a)] : nil) else {
      let suggestion = spec.hasOwnID ? plan.suggestID(key.a, of: kind) : nil
      return fail(
        .error(
          .notFound(kind: kind.rawValue, key: key.description, suggestion: suggestion),
          at: keys.first!))
    }
    output.write(describe(entity))
    return true
  }

  /// An entity in full: every attribute with its value or default, and where it was defined.
  func describe(_ entity: Entity) -> String {
    let spec = entity.kind.spec
    var out = "\(entity.kind.rawValue) \(entity.key.description)"
    if let name = entity.name { out += " " + Format.quoted(name) }
    out += "\n"
    var table = TextTable()
    for (i, attribute) in spec.attributes.enumerated() {
      table.add(["  " + attribute.name, shown(entity.values[i], attribute)])
    }
    out += table.render()
    switch entity.kind {
    case .consortium:
      // Issue 17 item 10: the lead first, then by chain position.
      let members = memberRows(of: entity.id)
      out += members.isEmpty ? "  " + text(CommandText.members) + ": 0\n" : section(CommandText.members, members)
    case .org: out += orgDetails(entity)
    case .phase: out += phaseDetails(entity)
    case .field: out += fieldDetails(entity)
    case .goal: out += goalFollowUp(entity)
    default: break
    }
    let loc = entity.location
    out += "  " + text(CommandText.definedAt) + " \(loc.file):\(loc.line)\n"
    return out
  }

  /// `show goal`'s lines on following the plan (SPEC §11): its actuals in year order, and its
  /// status as of the year under review (`as-of`, else the latest record's year) with the
  /// numbers it rests on. Empty for a goal with no actuals and a plan without `as-of`. One
  /// ``GoalTrack`` built and assessed: O(the plan's checkpoints and actuals).
  func goalFollowUp(_ goal: Entity) -> String {
    let actuals = plan[.actual].values.filter { $0.key.a == goal.id }
    let recordYears = plan[.actual].keys.compactMap { Int($0.b) } + plan[.outlay].keys.compactMap { Int($0.b) }
    guard !actuals.isEmpty || plan.asOf != nil,
      let year = ReviewYear.resolve(
        command: nil, asOf: plan.asOf, recordYears: recordYears, horizonStartYear: plan.horizon?.start.year)
    else { return "" }
    var out = ""
    if !actuals.isEmpty {
      out += "  " + text(CommandText.actuals) + ":\n"
      var table = TextTable()
      for a in actuals.sorted(by: { $0.key.b < $1.key.b }) {
        let value = a[Attr.Actual.value]?.number.map { Format.number($0) } ?? a[Attr.Actual.status]?.choice ?? "—"
        table.add(["    " + a.key.b, value, a[Attr.Actual.source]?.text ?? ""])
      }
      out += table.render().split(separator: "\n").map { String($0).trimmingTrailingSpaces() }.joined(separator: "\n")
      out += "\n"
    }
    let (checkpoints, records) = plan.goalRecords()
    guard
      let track = plan.goalTrack(goal, checkpoints: checkpoints[goal.id] ?? [], actuals: records[goal.id] ?? [])
    else { return out }
    let a = track.assess(asOf: year.year, thresholds: plan.statusThresholds)
    var line = "  " + text(CommandText.statusAsOf(year.year)) + ": " + a.status.rawValue
    var numbers: [String] = []
    if let actual = a.actual, let y = a.actualYear {
      numbers.append(text(CommandText.actualOf(y, Format.number(actual))))
    }
    if let e = a.expected { numbers.append(text(CommandText.expected(Format.number((e * 1e4).rounded() / 1e4)))) }
    if let r = a.ratio { numbers.append("r = " + Format.number((r * 1000).rounded() / 10) + "%") }
    if !numbers.isEmpty { line += " (" + numbers.joined(separator: ", ") + ")" }
    return out + line + "\n"
  }

  /// `show funding K` (SPEC §11 "Money"): the consortium's money planned (each funding line
  /// spread evenly over its phase's months) and paid (its outlays) per year and source, every
  /// year either touches, then the totals up to the year under review (`as-of`, else the latest
  /// record's year) with the execution rate and the government share of the outlays.
  func showFunding(_ token: Token) -> Bool {
    guard let id = token.word, let consortium = plan.entity(.consortium, id) else {
      let id = token.word ?? token.summary
      return fail(
        .error(
          .unknownReference(kind: "consortium", id: id, suggestion: plan.suggestID(id, of: .consortium)), at: token))
    }
    let recordYears = plan[.actual].keys.compactMap { Int($0.b) } + plan[.outlay].keys.compactMap { Int($0.b) }
    let reviewYear = ReviewYear.resolve(
      command: nil, asOf: plan.asOf, recordYears: recordYears,
      horizonStartYear: plan.horizon?.start.year ?? plan.earliestPhaseYear)
    let year = reviewYear?.year ?? 0
    guard
      let money = plan.consortiumMoney(asOf: year, includingUnpaid: true).first(where: { $0.consortium.id == id })?
        .money
    else {
      notice(CommandText.none)
      return true
    }
    var out = "funding \(id)" + (consortium.name.map { " " + Format.quoted($0) } ?? "") + "\n"
    var table = TextTable(
      header: [text(CommandText.year), text(CommandText.source), text(CommandText.planned), text(CommandText.paid)],
      alignments: [.left, .left, .right, .right])
    table.indent = "  "
    let cells = money.byYearAndSource.sorted { a, b in
      a.key.year != b.key.year
        ? a.key.year < b.key.year
        : (Schema.sources.firstIndex(of: a.key.source) ?? .max) < (Schema.sources.firstIndex(of: b.key.source) ?? .max)
    }
    func amount(_ v: Double) -> String { Format.number((v * 100).rounded() / 100) }
    for (key, m) in cells {
      // The source as the exports write it: its Chinese term (省级) in a Chinese session.
      let source = settings.language == .zh ? Schema.chineseLabels[key.source] ?? key.source : key.source
      table.add([String(key.year), source, amount(m.planned), m.paid > 0 ? amount(m.paid) : "—"])
    }
    out += table.render().split(separator: "\n").map { String($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    out += "\n"
    func percent(_ v: Double?) -> String { v.map { Format.number(($0 * 1000).rounded() / 10) + "%" } ?? "—" }
    // Without an as-of and with nothing recorded, the year under review is the one before the
    // horizon: nothing is due, so there is nothing to total.
    if let reviewYear, reviewYear.basis != .beforeHorizon {
      out +=
        "  "
        + text(
          CommandText.fundingToDate(
            year, planned: amount(money.planned), paid: amount(money.paid), execution: percent(money.execution),
            governmentShare: percent(money.governmentShare), currency: plan.currency)) + "\n"
    }
    output.write(out)
    return true
  }

  /// A value as `show` prints it: the value, else the default marked as such, else `—`.
  private func shown(_ value: Value?, _ attribute: AttributeSpec) -> String {
    if let value { return value.display(as: attribute.type) }
    if let d = attribute.defaultValue { return d.display(as: attribute.type) + text(CommandText.byDefault) }
    return "—"
  }

  func showPlan() -> String {
    var out = ""
    var table = TextTable()
    for (i, attribute) in Schema.plan.enumerated() {
      table.add([attribute.name, shown(plan.settings[i], attribute)])
    }
    out += table.render()
    var counts = TextTable(alignments: [.left, .right])
    for kind in Kind.allCases { counts.add([kind.rawValue, String(plan[kind].count)]) }
    out += "\n" + counts.render()
    out += text(CommandText.file) + ": " + (file ?? "—") + (isDirty ? text(CommandText.unsavedChanges) : "") + "\n"
    return out
  }

  // MARK: list

  /// Attributes shown by `list KIND`, after the key and name.
  static func listColumns(_ kind: Kind) -> [Int] {
    switch kind {
    case .criterion: [Attr.Criterion.tag, Attr.Criterion.type, Attr.Criterion.scale, Attr.Criterion.weight]
    case .compare: [Attr.Compare.value]
    case .field: []
    case .score: [Attr.Score.value]
    case .org: [Attr.Org.type, Attr.Org.size]
    case .consortium: [Attr.Consortium.field, Attr.Consortium.period]
    case .member: [Attr.Member.role, Attr.Member.chain]
    case .phase: [Attr.Phase.period]
    case .goal: [Attr.Goal.phase, Attr.Goal.consortium, Attr.Goal.category]
    case .measure:
      [Attr.Measure.phase, Attr.Measure.consortium, Attr.Measure.instrument, Attr.Measure.funder, Attr.Measure.amount]
    case .checkpoint: [Attr.Checkpoint.value]
    case .actual: [Attr.Actual.value, Attr.Actual.status, Attr.Actual.source]
    case .funding: [Attr.Funding.amount]
    case .outlay: [Attr.Outlay.amount]
    case .expert: [Attr.Expert.weight, Attr.Expert.org]
    case .judgement: [Attr.Judgement.value]
    case .rating: [Attr.Rating.value]
    }
  }

  func list(_ arguments: CommandArguments) -> Bool {
    let kind = arguments.kind!
    var filter: String?
    if let t = arguments["CONSORTIUM"], let id = t.word {
      // `list member ORG`: the consortia the org belongs to (issue 17 item 10).
      if kind == .member, plan.entity(.consortium, id) == nil, plan.entity(.org, id) != nil {
        return writeList(membershipRows(of: id, order: PresentationOrder(plan)))
      }
      guard plan.entity(.consortium, id) != nil else {
        return fail(
          .error(
            .unknownReference(kind: "consortium", id: id, suggestion: plan.suggestID(id, of: .consortium)),
            at: t))
      }
      filter = id
    }
    if let t = arguments["GOAL"], let id = t.word {
      guard plan.entity(.goal, id) != nil else {
        return fail(
          .error(.unknownReference(kind: "goal", id: id, suggestion: plan.suggestID(id, of: .goal)), at: t))
      }
      filter = id
    }
    let spec = kind.spec
    let columns = Session.listColumns(kind)
    var table = TextTable()
    table.rows.reserveCapacity(filter == nil ? plan[kind].count : 0)
    // SPEC §15: fields by rank, consortia in their fields' priority order, goals by phase then
    // ID; a grid for scores (issue 17 item 10); other kinds in the plan's order.
    let entities: [Entity]
    switch kind {
    case .score where !plan[.score].isEmpty: return writeList(scoreGrid())
    case .field: entities = PresentationOrder(plan).fields(of: plan)
    case .consortium: entities = PresentationOrder(plan).consortia(of: plan)
    case .goal: entities = PresentationOrder.goals(of: plan)
    default: entities = plan[kind].values.elements
    }
    for entity in entities {
      if let filter {
        switch kind {
        case .member, .funding, .outlay, .checkpoint, .actual: if entity.key.a != filter { continue }
        case .goal: if entity.values[Attr.Goal.consortium]?.ref != filter { continue }
        case .measure: if entity.values[Attr.Measure.consortium]?.ref != filter { continue }
        default: break
        }
      }
      var row = entity.key.parts
      if spec.hasName { row.append(entity.name ?? "") }
      if kind == .goal {
        table.add(row + goalListRow(entity))
        continue
      }
      for i in columns {
        let attribute = spec.attributes[i]
        if let v = entity[i] { row.append(v.display(as: attribute.type)) } else { row.append("—") }
      }
      table.add(row)
    }
    return writeList(table.rows)
  }

  /// Writes `rows` as `list` does: aligned columns without spaces at the ends of lines, or the
  /// notice that there is nothing to list.
  func writeList(_ rows: [[String]]) -> Bool {
    var table = TextTable()
    table.rows = rows
    if table.rows.isEmpty {
      notice(CommandText.none)
      return true
    }
    if let text = Session.alignedColumns(table.rows) {
      output.write(text)
      return true
    }
    var out = ""
    for line in table.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      out += String(line).trimmingTrailingSpaces() + "\n"
    }
    output.write(out)
    return true
  }

  /// `rows` in columns aligned by display width, laid out as ``TextTable/render()`` lays them out
  /// (two spaces between columns), without spaces at the ends of lines; `nil` when a cell is not
  /// one plain line (a newline, a tab or another control character), which ``TextTable`` wraps
  /// and cleans.
  /// - Complexity: O(total length of the cells), into one buffer: `list consortium` of 10,000
  ///   consortia without a line split or a padded string per cell.
  static func alignedColumns(_ rows: [[String]]) -> String? {
    var widths: [Int] = []
    var cellWidths: [Int] = []
    cellWidths.reserveCapacity(rows.count * (rows.first?.count ?? 0))
    var bytes = 0
    for row in rows {
      if row.count > widths.count { widths += Array(repeating: 0, count: row.count - widths.count) }
      for (i, cell) in row.enumerated() {
        // Bytes below 0x20, DEL, and 0xC2 (which leads U+0080…U+00BF, the C1 controls among them).
        if cell.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) { return nil }
        let w = DisplayWidth.width(cell)
        cellWidths.append(w)
        widths[i] = max(widths[i], w)
        bytes += cell.utf8.count
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes + rows.count * (widths.reduce(0, +) + 2 * widths.count + 1))
    var next = 0
    for row in rows {
      let lineStart = out.count
      for i in widths.indices {
        if i > 0 { out.append(contentsOf: [0x20, 0x20]) }
        if i < row.count {
          out.append(contentsOf: row[i].utf8)
          out.append(contentsOf: repeatElement(0x20, count: widths[i] - cellWidths[next]))
          next += 1
        } else {
          out.append(contentsOf: repeatElement(0x20, count: widths[i]))
        }
      }
      while out.count > lineStart, out.last == 0x20 { out.removeLast() }
      out.append(0x0A)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
