import PlanLanguage
import PlanModel

private typealias T = RuleText

extension RuleBook {
  static let R24 = RuleSpec(
    "R24", .warning,
    summary: LocalizedText(
      en: "for one consortium and indicator, a later phase's target falls back behind an earlier one",
      zh: "同一联合体同一指标，后一阶段的目标值倒退到前一阶段之后"),
    examples: ["set goal G2 target 60"],
    reads: [
      .attributes(.goal, "phase", "consortium", "indicator", "target", "direction"), .attributes(.phase, "period"),
    ],
    parts: [.shard(PhaseRules.r24)])
}

extension PhaseRules {
  /// **R24** (warning): among the goals of one consortium (or the plan-wide goals) with the same
  /// `indicator`, a goal's target does not fall back behind a target of an *earlier* phase: for
  /// direction up it is not below the highest earlier target, for down not above the lowest.
  /// Goals of the same phase are not compared with each other; goals without an indicator or a
  /// target are not judged. At the later goal, naming the earlier one.
  /// - Complexity: O(goals of the shard), walking the phases in order (goals with the same
  ///   indicator share a track, numbered in ``PlanIndex/goalTrack``).
  static let r24 = ShardRule("R24") { s in
    struct Track {
      var position = -1
      var highest: (target: Double, goal: Int)?
      var lowest: (target: Double, goal: Int)?
      var phaseHighest: (target: Double, goal: Int)?
      var phaseLowest: (target: Double, goal: Int)?

      mutating func enter(_ newPosition: Int) {
        guard newPosition != position else { return }
        if let h = phaseHighest, highest == nil || h.target > highest!.target { highest = h }
        if let l = phaseLowest, lowest == nil || l.target < lowest!.target { lowest = l }
        (phaseHighest, phaseLowest, position) = (nil, nil, newPosition)
      }
    }
    let index = s.index
    let groups = index.goalsByConsortium
    let bounds = groups.bounds(s.k)
    var judgedCount = 0
    var trackCount = 0
    for i in bounds {
      let track = Int(index.goalTrack[groups.item(i)])
      guard track >= 0 else { continue }
      judgedCount += 1
      trackCount = max(trackCount, track + 1)
    }
    // One goal per track: nothing to compare.
    guard judgedCount > trackCount else { return [] }
    // The judged goals — phase position (chronological) and goal position — in chronological
    // then plan order, and the tracks, in buffers on the stack.
    return withUnsafeTemporaryAllocation(of: (position: Int, goal: Int).self, capacity: judgedCount) { buffer in
      var judged = buffer
      var n = 0
      for i in bounds {
        let g = groups.item(i)
        guard index.goalTrack[g] >= 0 else { continue }
        judged.initializeElement(at: n, to: (index.phases.chronologicalPosition[Int(index.goalPhase[g])], g))
        n += 1
      }
      judged.sort { ($0.position, $0.goal) < ($1.position, $1.goal) }
      defer { judged.deinitialize() }
      return withUnsafeTemporaryAllocation(of: Track.self, capacity: trackCount) { tracks in
        tracks.initialize(repeating: Track())
        defer { tracks.deinitialize() }
        var findings: [Diagnostic] = []
        for (position, g) in judged {
          let t = Int(index.goalTrack[g])
          let target = index.goalTarget[g]
          tracks[t].enter(position)
          let track = tracks[t]
          let down = index.goalFacts[g].contains(.down)
          let behind =
            down
            ? track.lowest.flatMap { target > $0.target ? $0 : nil }
            : track.highest.flatMap { target < $0.target ? $0 : nil }
          if let behind {
            let goal = index.goals[g]
            let earlier = index.goals[behind.goal]
            findings.append(
              s.report(
                .r24FallsBack(
                  goal, target: target, phase: index.phases.chronologicalPhases[position].id, earlier: earlier,
                  earlierTarget: behind.target, earlierPhase: earlier[Attr.Goal.phase]?.ref ?? "?",
                  consortium: goal[Attr.Goal.consortium]?.ref, indicator: goal[Attr.Goal.indicator]?.text ?? "",
                  direction: goal[Attr.Goal.direction]?.choice ?? "up"),
                at: goal))
          }
          if track.phaseHighest == nil || target > track.phaseHighest!.target { tracks[t].phaseHighest = (target, g) }
          if track.phaseLowest == nil || target < track.phaseLowest!.target { tracks[t].phaseLowest = (target, g) }
        }
        return findings
      }
    }
  }
}

extension Message {
  static func r24FallsBack(
    _ goal: Entity, target: Double, phase: String, earlier: Entity, earlierTarget: Double, earlierPhase: String,
    consortium: String?, indicator: String, direction: String
  ) -> Message {
    let g = T.label(goal)
    let (t, e) = (Format.number(target), Format.number(earlierTarget))
    let d = T.keyword(direction)
    let owner = consortium.map { LocalizedText($0) } ?? LocalizedText(en: "plan-wide", zh: "全局")
    return Message(
      "R24",
      en:
        "the target \(t) of goal \(g.en) in \(phase) falls back behind the target \(e) of \(earlier.id) in the earlier phase "
        + "\(earlierPhase) (\(owner.en), indicator \(indicator), direction \(d.en))",
      zh: "目标 \(g.zh) 在 \(phase) 的目标值 \(t) 倒退到更早阶段 \(earlierPhase) 中 \(earlier.id) 的目标值 \(e) 之后"
        + "（\(owner.zh)，指标 \(indicator)，方向\(d.zh)）")
  }
}
