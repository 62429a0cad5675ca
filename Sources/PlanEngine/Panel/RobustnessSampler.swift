/// The scoring and ranking machinery of ``robustness(_:method:cutoff:samples:spread:seed:threads:)``:
/// the decision matrix prepared once (normalised scores, or TOPSIS's column norms) in flat arrays,
/// and per-block buffers reused across samples. Domain code sees only the function above.
struct RobustnessSampler: Sendable {
  private let method: RankingMethod
  private let fieldCount: Int
  private let criterionCount: Int
  private let weights: [Double]
  /// Weighted sum: nᵢⱼ row-major, computed as ``weightedScores(_:)`` computes it. TOPSIS: xᵢⱼ.
  private let values: [Double]
  /// TOPSIS: √(Σᵢ xᵢⱼ²) per criterion, as ``topsis(_:)`` computes it.
  private let norms: [Double]
  private let benefit: [Bool]

  init(_ input: RankingInput, method: RankingMethod) {
    self.method = method
    fieldCount = input.fieldCount
    criterionCount = input.criterionCount
    weights = input.weights
    benefit = input.directions.map { $0 == .benefit }
    let criteria = 0..<input.criterionCount
    switch method {
    case .weighted:
      var flat: [Double] = []
      flat.reserveCapacity(fieldCount * criterionCount)
      for row in input.scores {
        for j in criteria {
          let span = input.scaleMax[j] - input.scaleMin[j]
          if !(span > 0) {
            flat.append(0)
          } else if input.directions[j] == .benefit {
            flat.append((row[j] - input.scaleMin[j]) / span)
          } else {
            flat.append((input.scaleMax[j] - row[j]) / span)
          }
        }
      }
      values = flat
      norms = []
    case .topsis:
      values = input.scores.flatMap { $0 }
      norms = criteria.map { j in input.scores.reduce(0.0) { $0 + $1[j] * $1[j] }.squareRoot() }
    }
  }

  /// Integer tallies over a block of samples: exact, so blocks add up to the same totals however
  /// the samples are split.
  struct Tally {
    var first: [Int]
    var top: [Int]
    var rankSum: [Int]

    init(fields: Int) {
      first = [Int](repeating: 0, count: fields)
      top = first
      rankSum = first
    }
  }

  /// Scores and ranks the samples of `block`; `cutoff` 0 means none.
  func run(_ block: Range<Int>, generator: SplitMix64, spread: Double, cutoff: Int) -> Tally {
    let f = fieldCount
    var tally = Tally(fields: f)
    guard f > 0 else { return tally }
    var sampled = [Double](repeating: 0, count: criterionCount)
    var scores = [Double](repeating: 0, count: f)
    var weighted = [Double](repeating: 0, count: method == .topsis ? f * criterionCount : 0)
    var order = DescendingOrder(count: f)
    for sample in block.untilInterrupted {
      perturbWeights(weights, into: &sampled, generator: generator, spread: spread, sample: sample)
      switch method {
      case .weighted: weightedScores(sampled, into: &scores)
      case .topsis: topsisScores(sampled, into: &scores, buffer: &weighted)
      }
      scores.withUnsafeBufferPointer { s in
        order.sort(s)
        order.order.withUnsafeBufferPointer { o in
          tallyRanks(s, o, cutoff: cutoff, into: &tally)
        }
      }
    }
    return tally
  }

  /// Adds one sample's shared ranks (``sharedRanks(_:tolerance:)``'s grouping) to the tallies.
  @inline(__always)
  private func tallyRanks(
    _ s: UnsafeBufferPointer<Double>, _ order: UnsafeBufferPointer<Int32>, cutoff: Int,
    into tally: inout Tally
  ) {
    var groupTop = 0.0
    var groupRank = 0
    for position in 0..<order.count {
      let field = Int(order[position])
      let score = s[field]
      if position == 0 || groupTop - score > scoreTieTolerance {
        groupRank = position + 1
        groupTop = score
      }
      if groupRank == 1 { tally.first[field] += 1 }
      if groupRank <= cutoff { tally.top[field] += 1 }
      tally.rankSum[field] += groupRank
    }
  }

  /// Sᵢ = Σⱼ wⱼ·nᵢⱼ, summed in criterion order from 0 as ``weightedScores(_:)`` does.
  @inline(__always)
  private func weightedScores(_ w: [Double], into scores: inout [Double]) {
    let c = criterionCount
    values.withUnsafeBufferPointer { n in
      w.withUnsafeBufferPointer { w in
        scores.withUnsafeMutableBufferPointer { out in
          for i in 0..<fieldCount {
            var sum = 0.0
            let row = i * c
            for j in 0..<c { sum += w[j] * n[row + j] }
            out[i] = sum
          }
        }
      }
    }
  }

  /// TOPSIS closeness with these weights: the operations of ``topsis(_:)`` in its order.
  @inline(__always)
  private func topsisScores(_ w: [Double], into scores: inout [Double], buffer v: inout [Double]) {
    let c = criterionCount
    let f = fieldCount
    var ideal = [Double](repeating: 0, count: c)
    var antiIdeal = ideal
    values.withUnsafeBufferPointer { x in
      v.withUnsafeMutableBufferPointer { v in
        for i in 0..<f {
          for j in 0..<c {
            v[i * c + j] = norms[j] > 0 ? w[j] * x[i * c + j] / norms[j] : 0
          }
        }
        for j in 0..<c {
          var (best, worst) = (v[j], v[j])
          for i in 1..<max(f, 1) {
            best = max(best, v[i * c + j])
            worst = min(worst, v[i * c + j])
          }
          (ideal[j], antiIdeal[j]) = benefit[j] ? (best, worst) : (worst, best)
        }
        scores.withUnsafeMutableBufferPointer { out in
          for i in 0..<f {
            var (toIdeal, toAnti) = (0.0, 0.0)
            for j in 0..<c {
              let d = v[i * c + j] - ideal[j]
              toIdeal += d * d
              let e = v[i * c + j] - antiIdeal[j]
              toAnti += e * e
            }
            let (dp, dm) = (toIdeal.squareRoot(), toAnti.squareRoot())
            let total = dp + dm
            out[i] = total > 0 ? dm / total : 0.5
          }
        }
      }
    }
  }
}

/// Each worker's tally in its own slot, written once by that worker and read after all end.
final class RobustnessTallies: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<RobustnessSampler.Tally?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ tally: RobustnessSampler.Tally, at slot: Int) {
    slots[slot] = tally
  }

  /// The slots added up, field by field.
  func sum(fields: Int) -> RobustnessSampler.Tally {
    var total = RobustnessSampler.Tally(fields: fields)
    for slot in slots {
      guard let slot else { continue }
      for i in 0..<fields {
        total.first[i] += slot.first[i]
        total.top[i] += slot.top[i]
        total.rankSum[i] += slot.rankSum[i]
      }
    }
    return total
  }
}
