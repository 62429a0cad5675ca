/// Saaty's fundamental scale of judgements (Saaty 1980): 1/9, 1/8, …, 1/2, 1, 2, …, 9, ascending.
package let saatyScale: [Double] = (2...9).reversed().map { 1 / Double($0) } + (1...9).map { Double($0) }

/// A judgement's position on Saaty's scale, counted in steps from 1: v − 1 for v ≥ 1 and
/// −(1/v − 1) below (so 3 is +2, 1/3 is −2, 1/9 is −8). Values between scale points get
/// positions between theirs; "nearest" judgements are nearest in these steps.
package func saatyPosition(_ value: Double) -> Double {
  value >= 1 ? value - 1 : -(1 / value - 1)
}
