/// The SplitMix64 pseudo-random generator (Steele, Lea & Flood 2014, "Fast splittable pseudorandom
/// number generators", OOPSLA; the constants of Vigna's reference `splitmix64.c`, public domain),
/// used as a counter-based generator: its n-th output depends only on the seed and n.
///
/// State after n steps is seed + n·γ (mod 2⁶⁴) with γ = 0x9E3779B97F4A7C15; the output mixes it:
///
///     z = seed + (n + 1)·γ
///     z = (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9
///     z = (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB
///     output = z ⊕ (z ≫ 31)
///
/// (all arithmetic mod 2⁶⁴), so output(seed, 0) is the first number `splitmix64.c` returns when
/// seeded with `seed`. Being a pure function of (seed, n), any block of the stream can be produced
/// on any thread without stepping through the ones before it: the results do not depend on how
/// the work is split. Only integer arithmetic: the same on every platform.
package struct SplitMix64: Sendable, Equatable {
  /// The seed the stream starts from.
  package var seed: UInt64

  package init(seed: UInt64) {
    self.seed = seed
  }

  /// The golden-ratio increment γ of SplitMix64.
  private static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// The n-th 64-bit output of the stream (n from 0).
  @inline(__always)
  package func output(_ n: UInt64) -> UInt64 {
    var z = seed &+ (n &+ 1) &* Self.gamma
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The n-th output as a double in [0, 1): its top 53 bits times 2⁻⁵³ (Vigna's conversion; every
  /// value is a multiple of 2⁻⁵³, exact on every IEEE-754 platform).
  @inline(__always)
  package func unit(_ n: UInt64) -> Double {
    Double(output(n) >> 11) * 0x1.0p-53
  }
}
