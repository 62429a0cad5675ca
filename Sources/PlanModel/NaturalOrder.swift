/// Natural order of IDs: digit runs compare as numbers, so `G2` < `G10` < `G100`; other text by
/// Unicode scalar value. Used to order a plan file's statements within a kind (SPEC §6:
/// statements may stand in any order, and loading a shuffled copy must give the same plan).
package enum NaturalOrder {
  /// Whether `a` sorts before `b`.
  package static func less(_ a: String, _ b: String) -> Bool {
    var i = a.utf8.makeIterator()
    var j = b.utf8.makeIterator()
    var x = i.next()
    var y = j.next()
    while let cx = x, let cy = y {
      if isDigit(cx) && isDigit(cy) {
        // Compare digit runs numerically: skip leading zeros, then by length, then digit by digit.
        var runA: [UInt8] = []
        var runB: [UInt8] = []
        var p: UInt8? = cx
        while let c = p, isDigit(c) { runA.append(c); p = i.next() }
        var q: UInt8? = cy
        while let c = q, isDigit(c) { runB.append(c); q = j.next() }
        let ta = runA.drop { $0 == 0x30 }
        let tb = runB.drop { $0 == 0x30 }
        if ta.count != tb.count { return ta.count < tb.count }
        if !ta.elementsEqual(tb) { return ta.lexicographicallyPrecedes(tb) }
        if runA.count != runB.count { return runA.count < runB.count }
        x = p
        y = q
        continue
      }
      if cx != cy { return cx < cy }
      x = i.next()
      y = j.next()
    }
    return x == nil && y != nil
  }

  /// Whether key parts `a` sort before `b` (part by part).
  package static func less(_ a: [String], _ b: [String]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return less(x, y) }
    return a.count < b.count
  }

  @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
