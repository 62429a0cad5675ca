#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Group AHP by aggregation of individual judgements (AIJ; Aczél & Saaty 1983, "Procedures for
/// synthesizing ratio judgements", J. Math. Psychology 27; spec §12).
///
/// For each pair i < j the group judgement is the weighted geometric mean of the judgements of the
/// experts who judged that pair: aᵢⱼ = exp(Σₖ vₖ ln aᵢⱼ⁽ᵏ⁾ / Σₖ vₖ), the sums over those experts
/// only (an expert who skipped the pair is left out of it, their weight too), and aⱼᵢ = 1/aᵢⱼ.
/// The geometric mean is the aggregate that keeps the matrix reciprocal (Aczél & Saaty 1983). A
/// pair nobody judged stays missing, and then the group has no weights.
///
/// The group's weights, λmax, CI, RI and CR, and each expert's own (when that expert judged every
/// pair), are those of ``ahpWeights(_:)`` (Saaty 1980; RI from ``randomIndex(n:)``).
///
/// - Parameters:
///   - judgements: `judgements[k][i][j]`: expert k's judgement of criterion i over criterion j on
///     Saaty's scale, or `nil` if k did not judge the pair. Only the entries with i < j are read
///     (the wiring turns a judgement given as `C2 C1` into the reciprocal at `[0][1]`); each
///     expert's matrix is n × n, the same n for all.
///   - expertWeights: One relative weight vₖ > 0 per expert.
/// - Returns: The group matrix, the missing pairs, the group's AHP result and each expert's own.
/// - Throws: ``PanelError/expertWeightNotPositive(expert:weight:)``;
///   ``PanelError/judgementNotPositive(expert:row:column:value:)``; ``PanelError/ahp(_:)`` when
///   there are no criteria or more than 15 (``ahpMaxCriteria``), or power iteration fails.
/// - Complexity: O(experts × n²) to aggregate, plus one power iteration per complete matrix.
package func groupAHP(_ judgements: [[[Double?]]], expertWeights: [Double]) throws(PanelError)
  -> GroupAHPResult
{
  precondition(judgements.count == expertWeights.count, "one weight per expert")
  let n = judgements.first?.count ?? 0
  precondition(
    judgements.allSatisfy { $0.count == n && $0.allSatisfy { $0.count == n } },
    "every expert's judgements form one n × n matrix")
  for (k, weight) in expertWeights.enumerated() where !(weight.isFinite && weight > 0) {
    throw .expertWeightNotPositive(expert: k, weight: weight)
  }
  for (k, matrix) in judgements.enumerated() {
    for i in 0..<n {
      for j in (i + 1)..<n {
        if let value = matrix[i][j], !(value.isFinite && value > 0) {
          throw .judgementNotPositive(expert: k, row: i, column: j, value: value)
        }
      }
    }
  }
  guard n > 0 else { throw .ahp(.empty) }
  guard n <= ahpMaxCriteria else { throw .ahp(.tooManyCriteria(n)) }

  var group = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n)
  var missing: [CriterionPair] = []
  for i in 0..<n {
    group[i][i] = 1
    for j in (i + 1)..<n {
      var logSum = 0.0
      var weightSum = 0.0
      for (k, matrix) in judgements.enumerated() {
        guard let value = matrix[i][j] else { continue }
        logSum += expertWeights[k] * log(value)
        weightSum += expertWeights[k]
      }
      if weightSum > 0 {
        let value = exp(logSum / weightSum)
        group[i][j] = value
        group[j][i] = 1 / value
      } else {
        missing.append(CriterionPair(row: i, column: j))
      }
    }
  }
  do throws(AHPError) {
    let groupResult = missing.isEmpty ? try ahpWeights(group.map { $0.map { $0! } }) : nil
    var own: [AHPResult?] = []
    for matrix in judgements {
      if let complete = completeMatrix(matrix) {
        own.append(try ahpWeights(complete))
      } else {
        own.append(nil)
      }
    }
    return GroupAHPResult(matrix: group, missingPairs: missing, group: groupResult, experts: own)
  } catch {
    throw .ahp(error)
  }
}

/// The full reciprocal matrix from the judgements above the diagonal, or `nil` when one is missing.
private func completeMatrix(_ judgements: [[Double?]]) -> [[Double]]? {
  let n = judgements.count
  var matrix = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
  for i in 0..<n {
    for j in (i + 1)..<n {
      guard let value = judgements[i][j] else { return nil }
      matrix[i][j] = value
      matrix[j][i] = 1 / value
    }
  }
  return matrix
}
