import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R18 = RuleSpec(
    "R18", .warning,
    summary: LocalizedText(
      en: "a consortium's period is shorter than 3 or longer than 5 years, or leaves the horizon",
      zh: "联合体建设期短于 3 年或长于 5 年，或超出规划期"),
    examples: ["set consortium K1 period 2025..2029"],
    reads: [.attributes(.consortium, "period")],
    settings: ["horizon", "period-min", "period-max"],
    parts: [.shard(ConsortiumRules.r18)])
}

extension ConsortiumRules {
  /// **R18** (warning): a consortium's `period` lasts `period-min` to `period-max` years (3 to 5
  /// by default: 36 to 60 months, both included; `2025..2027` is 3 years; one that ends before it starts is reported as such) and
  /// lies within the `horizon`. One finding per breach.
  static let r18 = ShardRule("R18") { s in
    guard !s.isPlanWide, let period = s.index.consortiumPeriod[s.k] else { return [] }
    let reversed = period.end < period.start
    let (low, high) = (s.index.settings.periodMin, s.index.settings.periodMax)
    let badLength = !reversed && (period.months < 12 * low || period.months > 12 * high)
    let horizon = s.index.settings.horizon
    let outside = horizon.map { !$0.contains(period) } ?? false
    guard reversed || badLength || outside else { return [] }
    let consortium = s.consortium
    var findings: [Diagnostic] = []
    if reversed {
      findings.append(s.report(.r18Reversed(consortium, period: period), at: consortium))
    } else if badLength {
      findings.append(s.report(.r18Length(consortium, period: period, min: low, max: high), at: consortium))
    }
    if outside, let horizon {
      findings.append(s.report(.r18Horizon(consortium, period: period, horizon: horizon), at: consortium))
    }
    return findings
  }
}

extension Message {
  static func r18Length(_ consortium: Entity, period: Period, min: Int, max: Int) -> Message {
    let k = T.label(consortium)
    let years = T.number(period.years, places: 2)
    return Message(
      "R18",
      en:
        "the period \(period.description) of consortium \(k.en) lasts \(years) year\(years == "1" ? "" : "s"), not \(min) to \(max)",
      zh: "联合体 \(k.zh) 的建设期 \(period.description) 为 \(years) 年，不在 \(min) 到 \(max) 年之间")
  }

  static func r18Reversed(_ consortium: Entity, period: Period) -> Message {
    let k = T.label(consortium)
    return Message(
      "R18", en: "the period \(period.description) of consortium \(k.en) ends before it starts",
      zh: "联合体 \(k.zh) 的建设期 \(period.description) 结束早于开始")
  }

  static func r18Horizon(_ consortium: Entity, period: Period, horizon: Period) -> Message {
    let k = T.label(consortium)
    return Message(
      "R18", en: "the period \(period.description) of consortium \(k.en) leaves the horizon \(horizon.description)",
      zh: "联合体 \(k.zh) 的建设期 \(period.description) 超出规划期 \(horizon.description)")
  }
}
