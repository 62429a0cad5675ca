import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R37 = RuleSpec(
    "R37", .error,
    summary: LocalizedText(
      en:
        "actuals, outlays and checkpoints lie in their years: an actual within the horizon, not after `as-of`, after the goal's baseline-year, with exactly one of value and status (a status only on a goal without baseline and target); an outlay within the horizon and not after `as-of`; a checkpoint strictly between baseline-year and target-year; `as-of` within the horizon",
      zh:
        "实际值、实际拨付和分年度目标的年份有效：实际值在规划期内、不晚于 as-of、晚于基期年份，且 value 与 status 恰有其一（status 仅用于无基期值和目标值的目标）；实际拨付在规划期内且不晚于 as-of；分年度目标严格介于基期年份与目标年份之间；as-of 在规划期内"
    ),
    examples: ["add actual G1 2025 120", "add outlay K1 2025 provincial 800", "add checkpoint G1 2026 250"],
    reads: [
      .attributes(.goal, "phase", "baseline", "baseline-year", "target", "target-year"),
      .attributes(.phase, "period"), .everything(.checkpoint), .everything(.actual), .everything(.outlay),
    ],
    settings: ["horizon", "as-of"],
    parts: [.plan(ReviewRules.r37)])
}

extension ReviewRules {
  /// **R37** (error, SPEC §11): the records of what happened are in their years. An actual's
  /// year lies within the horizon, is not after `as-of` and is after its goal's effective
  /// baseline-year; it has exactly one of `value` and `status`, and a `status` only when its goal
  /// lacks a baseline or a target. An outlay's year lies within the horizon and is not after
  /// `as-of`. A checkpoint's year lies strictly between its goal's effective baseline-year and
  /// target-year. `as-of` itself lies within the horizon (at the `set plan` statement). Each at
  /// its record's statement, naming the years compared.
  static let r37 = Rule("R37") { c in
    let plan = c.plan
    var findings: [Diagnostic] = []
    let horizon = plan.horizon.map { ($0.start.year, $0.end.year) }
    let asOf = plan.asOf
    if let asOf, let horizon, (asOf < horizon.0 || asOf > horizon.1) {
      findings.append(
        c.report(.r37AsOfOutside(asOf, horizon: horizon), at: plan.settingLocations[Attr.Plan.asOf]))
    }
    /// The year's faults against the horizon and `as-of`.
    func inTime(_ e: Entity, _ year: Int, _ what: LocalizedText) {
      if let horizon, (year < horizon.0 || year > horizon.1) {
        findings.append(c.report(.r37OutsideHorizon(what, year: year, horizon: horizon), at: e))
      } else if let asOf, year > asOf {
        findings.append(c.report(.r37AfterAsOf(what, year: year, asOf: asOf), at: e))
      }
    }
    var tracks: [String: GoalTrack?] = [:]
    func track(_ id: String) -> GoalTrack? {
      if let t = tracks[id] { return t }
      let t = plan.entity(.goal, id).flatMap { plan.goalTrack($0) }
      tracks[id] = t
      return t
    }
    for a in plan[.actual].values {
      guard let year = Int(a.key.b) else { continue }
      let what = LocalizedText(en: "actual \(a.key.a) \(year)", zh: "实际值 \(a.key.a) \(year)")
      inTime(a, year, what)
      let goal = plan.entity(.goal, a.key.a)
      if let t = track(a.key.a), year <= t.baselineYear {
        findings.append(c.report(.r37NotAfterBaseline(what, year: year, baselineYear: t.baselineYear), at: a))
      }
      let hasValue = a[Attr.Actual.value] != nil
      let hasStatus = a[Attr.Actual.status] != nil
      if hasValue == hasStatus {
        findings.append(c.report(.r37ValueOrStatus(what, both: hasValue), at: a))
      } else if hasStatus, let goal, goal[Attr.Goal.baseline] != nil, goal[Attr.Goal.target] != nil {
        findings.append(c.report(.r37StatusOnQuantitative(what, goal: goal), at: a))
      }
    }
    for o in plan[.outlay].values {
      guard let year = Int(o.key.b) else { continue }
      inTime(o, year, LocalizedText(en: "outlay \(o.key.description)", zh: "实际拨付 \(o.key.description)"))
    }
    for cp in plan[.checkpoint].values {
      guard let year = Int(cp.key.b), let t = track(cp.key.a) else { continue }
      if !(t.baselineYear < year && year < t.targetYear) {
        findings.append(
          c.report(
            .r37CheckpointOutside(cp.key.a, year: year, baselineYear: t.baselineYear, targetYear: t.targetYear),
            at: cp))
      }
    }
    return findings
  }
}

extension Message {
  static func r37AsOfOutside(_ asOf: Int, horizon: (Int, Int)) -> Message {
    Message(
      "R37", en: "as-of \(asOf) lies outside the horizon \(horizon.0)..\(horizon.1)",
      zh: "评估年份 as-of \(asOf) 不在规划期 \(horizon.0)..\(horizon.1) 之内")
  }

  static func r37OutsideHorizon(_ what: LocalizedText, year: Int, horizon: (Int, Int)) -> Message {
    Message(
      "R37", en: "\(what.en): the year \(year) lies outside the horizon \(horizon.0)..\(horizon.1)",
      zh: "\(what.zh)：年份 \(year) 不在规划期 \(horizon.0)..\(horizon.1) 之内")
  }

  static func r37AfterAsOf(_ what: LocalizedText, year: Int, asOf: Int) -> Message {
    Message(
      "R37", en: "\(what.en): the year \(year) is after as-of \(asOf)",
      zh: "\(what.zh)：年份 \(year) 晚于评估年份 as-of \(asOf)")
  }

  static func r37NotAfterBaseline(_ what: LocalizedText, year: Int, baselineYear: Int) -> Message {
    Message(
      "R37", en: "\(what.en): the year \(year) is not after the goal's baseline year \(baselineYear)",
      zh: "\(what.zh)：年份 \(year) 不晚于目标的基期年份 \(baselineYear)")
  }

  static func r37ValueOrStatus(_ what: LocalizedText, both: Bool) -> Message {
    both
      ? Message(
        "R37", en: "\(what.en) has both a value and a status; give one",
        zh: "\(what.zh) 同时有 value 和 status，只能给出其一")
      : Message(
        "R37", en: "\(what.en) has neither a value nor a status; give one",
        zh: "\(what.zh) 既无 value 也无 status，须给出其一")
  }

  static func r37StatusOnQuantitative(_ what: LocalizedText, goal: Entity) -> Message {
    let g = T.label(goal)
    return Message(
      "R37", en: "\(what.en) gives a status, but goal \(g.en) has a baseline and a target: give its value",
      zh: "\(what.zh) 给出了 status，但目标 \(g.zh) 有基期值和目标值：请给出实际值（value）")
  }

  static func r37CheckpointOutside(_ goal: String, year: Int, baselineYear: Int, targetYear: Int) -> Message {
    Message(
      "R37",
      en:
        "checkpoint \(goal) \(year): the year is not strictly between the goal's baseline year \(baselineYear) and target year \(targetYear)",
      zh: "分年度目标 \(goal) \(year)：年份不严格介于目标的基期年份 \(baselineYear) 与目标年份 \(targetYear) 之间")
  }
}
