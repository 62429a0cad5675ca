import PlanLanguage
import PlanModel

/// The timeline of the HTML export as inline SVG: a year axis over the horizon, the phases as
/// coloured bars, then one lane per consortium (and one for plan-wide items) with its period as
/// a line, its goals as circles spread over their phase and its measures as diamonds at their
/// start month, each mark labelled with its ID and titled with its details.
struct SVGTimeline {
  let roadmap: Roadmap
  let language: MessageLanguage

  // Geometry, in SVG user units (the picture scales to the page width).
  static let width = 1000.0
  static let labelWidth = 230.0
  static let chartLeft = 240.0
  static let chartRight = 985.0
  static let axisHeight = 34.0
  static let phaseLaneHeight = 40.0
  static let laneHeight = 76.0
  static let legendHeight = 36.0
  /// The least distance between two marks on one row before the later one moves right.
  static let markSpacing = 30.0
  /// Colours of the phases, in phase order (repeating).
  static let palette = ["#2f6db5", "#2e8b57", "#c77c02", "#8e44ad", "#c0392b", "#16a085"]

  /// The colour of a phase: by its place in time order.
  static func colour(of phase: String, in roadmap: Roadmap) -> String {
    palette[(roadmap.phases.firstIndex { $0.id == phase } ?? 0) % palette.count]
  }

  func t(_ text: LocalizedText) -> String { text.text(language) }
  func e(_ text: String) -> String { HTMLExport.escape(text) }

  /// The `<svg>` element, or `nil` when the plan has no phases.
  func render() -> String? {
    guard let span = roadmap.span, !roadmap.phases.isEmpty else { return nil }
    let scale = TimelineScale(span)
    let plan = roadmap.plan
    var lanes: [(id: String?, label: String)] = roadmap.consortia.map { ($0.id, $0.id + " " + ($0.name ?? "")) }
    if roadmap.hasPlanWideItems { lanes.append((nil, t(ExportLabels.planWide))) }
    let top = Self.axisHeight
    let height = top + Self.phaseLaneHeight + Double(lanes.count) * Self.laneHeight + Self.legendHeight
    func x(_ position: Double) -> Double { Self.chartLeft + position * (Self.chartRight - Self.chartLeft) }
    let colour = Dictionary(uniqueKeysWithValues: roadmap.phases.map { ($0.id, Self.colour(of: $0.id, in: roadmap)) })

    var out =
      "<svg viewBox=\"0 0 \(n(Self.width)) \(n(height))\" role=\"img\" aria-label=\"\(e(t(ExportLabels.timeline)))\">\n"
    out += "<title>\(e(t(ExportLabels.timeline)))</title>\n"
    // Lane bands, then the year grid and labels.
    for i in lanes.indices where i % 2 == 0 {
      let y = top + Self.phaseLaneHeight + Double(i) * Self.laneHeight
      out +=
        "<rect class=\"band\" x=\"0\" y=\"\(n(y))\" width=\"\(n(Self.width))\" height=\"\(n(Self.laneHeight))\"/>\n"
    }
    let years = scale.years
    for (i, year) in years.enumerated() {
      let left = x(scale.position(YearMonth(year: year, month: 1)))
      let right = i + 1 < years.count ? x(scale.position(YearMonth(year: year + 1, month: 1))) : x(1)
      out +=
        "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(top - 8))\" x2=\"\(n(left))\" y2=\"\(n(height - Self.legendHeight))\"/>\n"
      out +=
        "<text class=\"axis\" x=\"\(n((left + right) / 2))\" y=\"\(n(top - 14))\" text-anchor=\"middle\">\(year)</text>\n"
    }
    out +=
      "<line class=\"grid\" x1=\"\(n(x(1)))\" y1=\"\(n(top - 8))\" x2=\"\(n(x(1)))\" y2=\"\(n(height - Self.legendHeight))\"/>\n"

    // Phases.
    out += laneLabel(t(ExportLabels.phasesLane), y: top + Self.phaseLaneHeight / 2, bold: true)
    for p in roadmap.phases {
      guard let period = p[Attr.Phase.period]?.period else { continue }
      let (lower, upper) = scale.interval(period)
      let x0 = x(lower) + 1, x1 = x(upper) - 1
      guard x1 > x0 else { continue }
      let label = p.id + " " + (p.name ?? "")
      out += "<g><title>\(e(label + " (" + period.description + ")"))</title>"
      out +=
        "<rect x=\"\(n(x0))\" y=\"\(n(top + 6))\" width=\"\(n(x1 - x0))\" height=\"\(n(Self.phaseLaneHeight - 12))\" rx=\"4\" fill=\"\(colour[p.id]!)\"/>"
      out +=
        "<text class=\"phase-label\" x=\"\(n((x0 + x1) / 2))\" y=\"\(n(top + Self.phaseLaneHeight / 2 + 5))\" text-anchor=\"middle\">"
        + e(fit(label, width: x1 - x0 - 8, fontSize: 13)) + "</text></g>\n"
    }

    // One lane per consortium.
    for (i, lane) in lanes.enumerated() {
      let y = top + Self.phaseLaneHeight + Double(i) * Self.laneHeight
      out += laneLabel(lane.label, y: y + Self.laneHeight / 2, bold: false)
      if let id = lane.id, let period = plan.entity(.consortium, id)?[Attr.Consortium.period]?.period {
        let (lower, upper) = scale.interval(period)
        out +=
          "<line class=\"span\" x1=\"\(n(x(lower)))\" y1=\"\(n(y + Self.laneHeight / 2))\" x2=\"\(n(x(upper)))\" y2=\"\(n(y + Self.laneHeight / 2))\"><title>\(e(period.description))</title></line>\n"
      }
      var goalMarks: [Mark] = []
      var measureMarks: [Mark] = []
      for p in roadmap.phases {
        guard let period = p[Attr.Phase.period]?.period else { continue }
        let (lower, upper) = scale.interval(period)
        let goals = roadmap.goals(consortium: lane.id, phase: p.id)
        for (k, g) in goals.enumerated() {
          let at = lower + (upper - lower) * (Double(k) + 1) / (Double(goals.count) + 1)
          goalMarks.append(Mark(x: x(at), id: g.id, title: goalTitle(g), colour: colour[p.id]!))
        }
        let measures = roadmap.measures(consortium: lane.id, phase: p.id)
        for (k, m) in measures.enumerated() {
          let at: Double
          if let start = m[Attr.Measure.start]?.month {
            at = min(1, max(0, scale.position(start) + 0.5 / Double(scale.months)))
          } else {
            at = lower + (upper - lower) * (Double(k) + 1) / (Double(measures.count) + 1)
          }
          measureMarks.append(Mark(x: x(at), id: m.id, title: measureTitle(m), colour: colour[p.id]!))
        }
      }
      // Goals above the consortium's period line, their IDs over them; measures below, IDs under.
      out += marks(goalMarks, y: y + 27, shape: .circle, labelBelow: false)
      out += marks(measureMarks, y: y + Self.laneHeight - 27, shape: .diamond, labelBelow: true)
    }

    // Legend.
    let ly = height - Self.legendHeight / 2
    out += "<circle cx=\"\(n(Self.chartLeft + 6))\" cy=\"\(n(ly))\" r=\"6\" fill=\"#5b6b7c\"/>"
    out +=
      "<text class=\"axis\" x=\"\(n(Self.chartLeft + 18))\" y=\"\(n(ly + 4))\">\(e(t(ExportLabels.legendGoal)))</text>\n"
    let mx = Self.chartLeft + 330
    out += "<path d=\"\(diamond(mx, ly, 7))\" fill=\"#5b6b7c\"/>"
    out += "<text class=\"axis\" x=\"\(n(mx + 14))\" y=\"\(n(ly + 4))\">\(e(t(ExportLabels.legendMeasure)))</text>\n"
    out += "</svg>\n"
    return out
  }

  // MARK: Marks

  struct Mark {
    var x: Double
    var id: String
    var title: String
    var colour: String
  }

  enum Shape { case circle, diamond }

  /// Marks on one row, moved right where they would overlap (never past the chart's end by more
  /// than the overlap requires).
  func marks(_ marks: [Mark], y: Double, shape: Shape, labelBelow: Bool) -> String {
    var placed = marks.sorted { $0.x < $1.x }
    for i in placed.indices.dropFirst() where placed[i].x - placed[i - 1].x < Self.markSpacing {
      placed[i].x = placed[i - 1].x + Self.markSpacing
    }
    var out = ""
    for m in placed {
      out += "<g><title>\(e(m.title))</title>"
      switch shape {
      case .circle: out += "<circle cx=\"\(n(m.x))\" cy=\"\(n(y))\" r=\"6\" fill=\"\(m.colour)\"/>"
      case .diamond: out += "<path d=\"\(diamond(m.x, y, 7))\" fill=\"\(m.colour)\"/>"
      }
      out +=
        "<text class=\"mark-label\" x=\"\(n(m.x))\" y=\"\(n(labelBelow ? y + 18 : y - 10))\" text-anchor=\"middle\">\(e(m.id))</text></g>\n"
    }
    return out
  }

  func goalTitle(_ g: Entity) -> String {
    let shared = ExportTables(roadmap: roadmap, language: language, ascii: false)
    var s = g.id + " " + (g.name ?? "")
    if let indicator = g[Attr.Goal.indicator]?.text { s += " — " + indicator }
    return s + ": " + shared.change(g)
  }

  func measureTitle(_ m: Entity) -> String {
    var parts = [m.id + " " + (m.name ?? "")]
    let details = [m[Attr.Measure.instrument]?.choice, m[Attr.Measure.funder]?.choice].compactMap { $0 }
      .map { ExportLabels.value($0, language) }
    if !details.isEmpty { parts.append(details.joined(separator: ", ")) }
    if let amount = m[Attr.Measure.amount]?.number {
      parts.append(ExportNumbers.amount(amount) + " " + roadmap.plan.currency)
    }
    if let agency = m[Attr.Measure.agency]?.text { parts.append(agency) }
    if let start = m[Attr.Measure.start]?.month { parts.append(start.description) }
    return parts.joined(separator: " · ")
  }

  func diamond(_ x: Double, _ y: Double, _ r: Double) -> String {
    "M\(n(x)) \(n(y - r))L\(n(x + r)) \(n(y))L\(n(x)) \(n(y + r))L\(n(x - r)) \(n(y))Z"
  }

  // MARK: Text

  /// A lane's label at the left, on up to two lines of about 34 display columns.
  func laneLabel(_ text: String, y: Double, bold: Bool) -> String {
    var lines = TextWrap.wrap(text, to: 34)
    if lines.count > 2 { lines = [lines[0], TextWrap.truncate(lines[1] + "…", to: 34)] }
    let first = y - Double(lines.count - 1) * 8 + 4
    var out =
      "<text class=\"lane-label\" x=\"8\" y=\"\(n(first))\"\(bold ? " font-weight=\"600\"" : "")><title>\(e(text))</title>"
    for (i, line) in lines.enumerated() {
      out += "<tspan x=\"8\" y=\"\(n(first + Double(i) * 16))\">\(e(line))</tspan>"
    }
    return out + "</text>\n"
  }

  /// `text` cut with `…` to about `width` units at `fontSize` (a display column taken as half
  /// an em: a CJK character is one em).
  func fit(_ text: String, width: Double, fontSize: Double) -> String {
    let columns = Int(width / (fontSize * 0.55))
    return TextWrap.truncate(text, to: max(1, columns))
  }

  /// A coordinate with at most one decimal.
  func n(_ v: Double) -> String { Format.number((v * 10).rounded() / 10) }
}
