/// AHP weights from a reciprocal pairwise comparison matrix (Saaty 1980; spec §8).
///
/// `matrix[i][j]` says how many times more important criterion i is than criterion j, on
/// Saaty's 1/9…9 scale, with `matrix[j][i] = 1/matrix[i][j]` and ones on the diagonal. (Whether
/// every judgement is a Saaty value is rule R03's business; any positive reciprocal matrix is
/// accepted here.)
///
/// - The weights are the principal eigenvector, found by power iteration from the uniform vector:
///   w ← A·w / Σ(A·w), until no component moves by more than 1e-12 (spec §8).
/// - λmax = Σᵢ (A·w)ᵢ for the converged w with Σ w = 1 (then A·w = λmax·w).
/// - CI = (λmax − n)/(n − 1), CR = CI/RI(n) with Saaty's RI (``randomIndex(n:)``). For n = 1
///   and n = 2 every reciprocal matrix is consistent: CI and CR are reported as 0.
///
/// - Parameter matrix: An n × n matrix, 1 ≤ n ≤ 15, of positive finite reciprocal judgements.
/// - Returns: The weights (summing to 1), λmax, CI, RI and CR.
/// - Throws: ``AHPError`` when the matrix is empty, larger than 15 × 15, not square, has an
///   entry that is not positive and finite, or is not reciprocal within 1e-9.
/// - Complexity: O(n²) per iteration; convergence is geometric in |λ₂/λmax|, typically under
///   150 iterations for Saaty matrices up to 15 × 15.
package func ahpWeights(_ matrix: [[Double]]) throws(AHPError) -> AHPResult {
  let n = matrix.count
  try checkComparisonMatrix(matrix)
  let ri = randomIndex(n: n) ?? 0
  guard n > 1 else {
    return AHPResult(weights: [1], lambdaMax: 1, ci: 0, ri: ri, cr: 0)
  }
  let weights = try principalEigenvector(matrix)
  let lambdaMax = multiply(matrix, weights).reduce(0, +)
  guard n > 2 else {
    return AHPResult(weights: weights, lambdaMax: lambdaMax, ci: 0, ri: ri, cr: 0)
  }
  let ci = (lambdaMax - Double(n)) / Double(n - 1)
  return AHPResult(weights: weights, lambdaMax: lambdaMax, ci: ci, ri: ri, cr: ci / ri)
}

/// The largest tolerated |aᵢⱼ·aⱼᵢ − 1|: judgements such as 1/3 arrive as rounded doubles.
private let reciprocalTolerance = 1e-9

/// Power iteration stops when no weight moves by more than this (spec §8).
private let convergenceTolerance = 1e-12

/// Power iteration gives up after this many steps (see ``AHPError/didNotConverge(iterations:)``).
private let iterationLimit = 100_000

/// Checks that `matrix` is a usable AHP comparison matrix; the order of the checks fixes which
/// error a matrix with several faults gets.
private func checkComparisonMatrix(_ matrix: [[Double]]) throws(AHPError) {
  let n = matrix.count
  guard n > 0 else { throw .empty }
  guard n <= ahpMaxCriteria else { throw .tooManyCriteria(n) }
  for (row, entries) in matrix.enumerated() where entries.count != n {
    throw .notSquare(row: row, count: entries.count, expected: n)
  }
  for row in 0..<n {
    for column in 0..<n {
      let value = matrix[row][column]
      guard value.isFinite, value > 0 else {
        throw .notPositive(row: row, column: column, value: value)
      }
    }
  }
  for row in 0..<n {
    for column in row..<n
    where abs(matrix[row][column] * matrix[column][row] - 1) > reciprocalTolerance {
      throw .notReciprocal(row: row, column: column)
    }
  }
}

/// The principal eigenvector of a positive square matrix, normalised to sum 1.
private func principalEigenvector(_ matrix: [[Double]]) throws(AHPError) -> [Double] {
  let n = matrix.count
  var current = [Double](repeating: 1 / Double(n), count: n)
  for _ in 0..<iterationLimit {
    let product = multiply(matrix, current)
    let total = product.reduce(0, +)
    let next = product.map { $0 / total }
    let change = zip(next, current).map { abs($0 - $1) }.max() ?? 0
    current = next
    if change <= convergenceTolerance { return current }
  }
  throw .didNotConverge(iterations: iterationLimit)
}

/// The matrix-vector product A·x.
private func multiply(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
  matrix.map { row in zip(row, vector).reduce(0.0) { $0 + $1.0 * $1.1 } }
}
