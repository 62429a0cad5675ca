import PlanModel

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

extension PlanLoader {
  /// How many lines of `buffer` start with `add KIND` (lower case), by kind index: the sizes of
  /// the tables a plan file fills, to reserve them. An estimate (a line inside a multi-line
  /// string counts too), found at the speed of `memchr`.
  /// - Complexity: O(n) in the size of the file.
  static func countAdds(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
    var counts = Array(repeating: 0, count: Kind.allCases.count)
    let names = Kind.allCases.map { Array($0.rawValue.utf8) }
    guard let base = buffer.baseAddress else { return counts }
    let end = buffer.count
    var line = 0
    while line < end {
      let found = memchr(base + line, 0x0A, end - line)
      let next = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
      // `add ` then the kind's name then a blank.
      if next - line > 5, base[line] == 0x61, base[line + 1] == 0x64, base[line + 2] == 0x64, base[line + 3] == 0x20 {
        var k = line + 4
        while k < next, base[k] == 0x20 { k += 1 }
        var w = k
        while w < next, base[w] != 0x20 { w += 1 }
        let word = UnsafeBufferPointer(start: base + k, count: w - k)
        if let i = names.firstIndex(where: { $0.elementsEqual(word) }) { counts[i] += 1 }
      }
      line = next + 1
    }
    return counts
  }

  /// ``countAdds(_:)`` of a whole file, read by `reader` (which must then be rewound).
  /// - Parameter twoByteLeads: set when the file holds a byte that starts a two-byte UTF-8
  ///   sequence (``EncodingGuess/hasTwoByteLead(_:)``), the mark of GBK text read as UTF-8.
  /// - Returns: `nil` on a read error.
  /// - Parameter hashes: set when the file holds a `#` after its header and preamble: it may
  ///   have comments to keep (``commentBlocks(_:)``).
  static func countAdds(_ reader: ChunkReader, twoByteLeads: inout Bool, hashes: inout Bool) -> [Int]? {
    var counts = Array(repeating: 0, count: Kind.allCases.count)
    var found = false
    var hash = false
    var first = true
    defer {
      twoByteLeads = found
      hashes = hash
    }
    let read = reader.forEachWindow { window, _ in
      for (i, n) in countAdds(window).enumerated() { counts[i] += n }
      if !found { found = EncodingGuess.hasTwoByteLead(window) }
      if !hash { hash = hasHash(window, from: first ? bodyStart(window) : 0) }
      first = false
      return window.count
    }
    return read == nil ? nil : counts
  }
}
