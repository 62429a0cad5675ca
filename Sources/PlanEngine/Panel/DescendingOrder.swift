/// Sorts field indices by score, highest first, equal scores by index: the order of
/// ``sharedRanks(_:tolerance:)``, by a least-significant-digit radix sort of the scores' bit
/// patterns (six stable passes of 11 bits; Knuth, TAOCP vol. 3, §5.2.5) instead of comparisons.
/// Reuses its buffers from one call to the next; for the robustness sampler's thousands of sorts.
/// Below 256 fields a comparison sort is quicker (the passes cost 2,048 buckets each) and is used.
struct DescendingOrder {
  private static let radixThreshold = 256
  private static let digitBits = 11
  private static let buckets = 1 << digitBits
  private static let passes = (64 + digitBits - 1) / digitBits

  private var keys: [UInt64]
  private var spareKeys: [UInt64]
  /// After ``sort(_:)``: the field indices, highest score first.
  private(set) var order: [Int32]
  private var spareOrder: [Int32]
  private var counts: [Int]

  init(count: Int) {
    let radix = count >= Self.radixThreshold
    keys = [UInt64](repeating: 0, count: radix ? count : 0)
    spareKeys = keys
    order = [Int32](repeating: 0, count: count)
    spareOrder = [Int32](repeating: 0, count: radix ? count : 0)
    counts = [Int](repeating: 0, count: radix ? Self.buckets * Self.passes : 0)
  }

  /// Orders the indices of `scores` (finite values, one per field, `count` of them).
  ///
  /// A double's bit pattern, with the sign bit flipped for positives and every bit flipped for
  /// negatives, orders as the doubles do (−0 is taken as +0 first); its complement orders them
  /// highest first. Starting from the indices in ascending order, stable passes keep equal scores
  /// in index order.
  mutating func sort(_ scores: UnsafeBufferPointer<Double>) {
    let n = scores.count
    precondition(n == order.count, "one score per field")
    guard n >= Self.radixThreshold else {
      order.withUnsafeMutableBufferPointer { order in
        for i in 0..<n { order[i] = Int32(i) }
        order.sort { a, b in
          let (sa, sb) = (scores[Int(a)], scores[Int(b)])
          return sa != sb ? sa > sb : a < b
        }
      }
      return
    }
    let buckets = Self.buckets
    let mask = UInt64(buckets - 1)
    keys.withUnsafeMutableBufferPointer { keys in
      counts.withUnsafeMutableBufferPointer { counts in
        for p in 0..<counts.count { counts[p] = 0 }
        for i in 0..<n {
          let bits = (scores[i] + 0.0).bitPattern
          let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
          let key = ~ascending
          keys[i] = key
          for pass in 0..<Self.passes {
            counts[pass * buckets + Int((key >> UInt64(pass * Self.digitBits)) & mask)] += 1
          }
        }
      }
    }
    order.withUnsafeMutableBufferPointer { order in
      for i in 0..<n { order[i] = Int32(i) }
    }
    for pass in 0..<Self.passes {
      let shift = UInt64(pass * Self.digitBits)
      let skip = counts.withUnsafeMutableBufferPointer { counts -> Bool in
        // A pass in which every key has the same digit leaves the order as it is.
        let base = pass * buckets
        var running = 0
        for b in 0..<buckets {
          let c = counts[base + b]
          if c == n { return true }
          counts[base + b] = running
          running += c
        }
        return false
      }
      if skip { continue }
      keys.withUnsafeBufferPointer { keys in
        spareKeys.withUnsafeMutableBufferPointer { outKeys in
          order.withUnsafeBufferPointer { order in
            spareOrder.withUnsafeMutableBufferPointer { outOrder in
              counts.withUnsafeMutableBufferPointer { counts in
                let base = pass * buckets
                for i in 0..<n {
                  let key = keys[i]
                  let slot = base + Int((key >> shift) & mask)
                  let at = counts[slot]
                  counts[slot] = at + 1
                  outKeys[at] = key
                  outOrder[at] = order[i]
                }
              }
            }
          }
        }
      }
      swap(&keys, &spareKeys)
      swap(&order, &spareOrder)
    }
  }
}
