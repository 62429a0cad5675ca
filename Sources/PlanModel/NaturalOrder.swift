/// Natural order of IDs: digit runs compare as numbers, so `G2` < `G10` < `G100`; other text by
/// Unicode scalar value. Used to order a plan file's statements within a kind (SPEC §6:
/// statements may stand in any order, and loading a shuffled copy must give the same plan).
package enum NaturalOrder {
  /// Whether `a` sorts before `b`.
  /// - Complexity: O(n) in the UTF-8 length; allocates nothing for native strings.
  package static func less(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in less(x, y) } }
  }

  /// Whether UTF-8 text `x` sorts before `y`.
  static func less(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    var j = 0
    while i < x.count && j < y.count {
      let cx = x[i]
      let cy = y[j]
      if isDigit(cx) && isDigit(cy) {
        // Compare digit runs numerically: skip leading zeros, then by length, then digit by digit;
        // equal numbers with fewer leading zeros first.
        var endA = i
        while endA < x.count && isDigit(x[endA]) { endA += 1 }
        var endB = j
        while endB < y.count && isDigit(y[endB]) { endB += 1 }
        var p = i
        while p < endA && x[p] == 0x30 { p += 1 }
        var q = j
        while q < endB && y[q] == 0x30 { q += 1 }
        if endA - p != endB - q { return endA - p < endB - q }
        while p < endA {
          if x[p] != y[q] { return x[p] < y[q] }
          p += 1
          q += 1
        }
        if endA - i != endB - j { return endA - i < endB - j }
        i = endA
        j = endB
        continue
      }
      if cx != cy { return cx < cy }
      i += 1
      j += 1
    }
    return i == x.count && j < y.count
  }

  /// Whether entity key `a` sorts before `b`, part by part (keys of one kind, whose unused
  /// parts are empty alike).
  /// - Complexity: O(n) in the UTF-8 length; allocates nothing for one-part keys.
  package static func less(_ a: EntityKey, _ b: EntityKey) -> Bool {
    a.withParts { a0, a1, a2 in
      b.withParts { b0, b1, b2 in
        if !a0.elementsEqual(b0) { return less(a0, b0) }
        if !a1.elementsEqual(b1) { return less(a1, b1) }
        return !a2.elementsEqual(b2) && less(a2, b2)
      }
    }
  }

  /// Whether key parts `a` sort before `b` (part by part).
  package static func less(_ a: [String], _ b: [String]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return less(x, y) }
    return a.count < b.count
  }

  @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
