/// A move of one weight that changes the set of top-ranked fields (rule R08).
package struct TopSetChange: Sendable, Equatable {
  /// The index j of the criterion whose weight moved.
  package var criterion: Int
  /// The moved weight w′ (the others rescaled; ``shiftedWeights(_:moving:to:)``).
  package var weight: Double
  /// Fields that enter the top set at w′, by input index, ascending.
  package var entered: [Int]
  /// Fields that leave the top set at w′, by input index, ascending.
  package var left: [Int]

  package init(criterion: Int, weight: Double, entered: [Int], left: [Int]) {
    self.criterion = criterion
    self.weight = weight
    self.entered = entered
    self.left = left
  }
}
