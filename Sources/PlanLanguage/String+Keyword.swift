extension String {
  /// `lowercased()` without the work when there is nothing to lower: a string of ASCII
  /// characters none of which is an uppercase letter (nearly every keyword and ID) is returned
  /// as it is. Keywords are ASCII and case-insensitive (SPEC §2).
  /// - Complexity: O(n) in the UTF-8 length; allocates only when something changes.
  @inlinable
  package func lowercasedKeyword() -> String {
    var s = self  // `withUTF8` is mutating; a native string is not copied
    let unchanged = s.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 || ($0 &- 0x41) < 26 } }
    return unchanged ? self : lowercased()
  }

  /// Whether `lowercased() == keyword`, for a `keyword` of lowercase ASCII, without lowering
  /// (or allocating) when `self` is ASCII.
  /// - Complexity: O(n) in the UTF-8 length.
  @inlinable
  package func lowercasedEquals(_ keyword: String) -> Bool {
    // An ASCII first byte lowers on its own (case mapping is per scalar), so a different first
    // letter decides at once — the usual answer.
    if let first = utf8.first, first < 0x80 {
      guard let k = keyword.utf8.first, ((first &- 0x41) < 26 ? first | 0x20 : first) == k else { return false }
    }
    if utf8.count == keyword.utf8.count {
      var equal = true
      for (b, k) in zip(utf8, keyword.utf8) {
        if b >= 0x80 { return lowercased() == keyword }  // lowering may change the length
        if (b &- 0x41) < 26 ? b | 0x20 != k : b != k {
          equal = false
          break
        }
      }
      if equal { return true }
    }
    // Different as ASCII: lowering can make them equal only through a non-ASCII scalar (K).
    return utf8.contains { $0 >= 0x80 } ? lowercased() == keyword : false
  }
}

/// Finds a word among keywords (lower-case ASCII), ASCII case-insensitively: the answer of
/// `keywords.firstIndex(of: word.lowercased())`, found by comparing bytes, without lowering the
/// word or hashing it. Used for every verb, kind and attribute name of every statement.
package struct KeywordMatcher: Sendable {
  /// What is kept of a keyword to compare a word with it.
  private struct Entry {
    /// The keyword's first 16 bytes as two little-endian words, zero-padded (``pack(_:)``).
    var low: UInt64
    var high: UInt64
    var length: Int32
    /// The next keyword of the same shape, or -1.
    var next: Int16
  }
  private let keywords: [String]
  private let entries: [Entry]
  /// For each shape (``shape(_:_:)``), its first keyword, or -1: 512 entries of two bytes, so
  /// that the matchers of every kind stay in the processor's first-level cache.
  private let firstOfShape: [Int16]

  /// The shape of a word of `length` bytes starting with ASCII byte `first` (lowered): its
  /// first letter's low five bits and its length's low four bits. Words of one shape are told
  /// apart by comparing them.
  @inline(__always)
  private static func shape(_ first: UInt8, _ length: Int) -> Int {
    Int(first & 0x1F) &<< 4 | (length & 0xF)
  }

  /// Up to 16 bytes as two little-endian words, zero-padded: a few loads, overlapping where
  /// the count is not a power of two (overlapping bytes are the same bytes, or-ed in place).
  @inline(__always)
  static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    let n = bytes.count
    guard let p = bytes.baseAddress.map(UnsafeRawPointer.init) else { return (0, 0) }
    func load64(_ at: Int) -> UInt64 { UInt64(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    func load32(_ at: Int) -> UInt64 {
      UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }
    switch n {
    case 0: return (0, 0)
    case 1...3:
      var low: UInt64 = 0
      for k in 0..<n { low |= UInt64(bytes[k]) &<< (k &* 8) }
      return (low, 0)
    case 4...7: return (load32(0) | load32(n &- 4) &<< ((n &- 4) &* 8), 0)
    case 8: return (load64(0), 0)
    default: return (load64(0), load64(min(n, 16) &- 8) &>> ((16 &- min(n, 16)) &* 8))
    }
  }

  /// The eight ASCII bytes of `x` with `A`…`Z` lowered, all at once (each byte below 0x80, so no
  /// sum carries into the next byte).
  @inline(__always)
  private static func lowered(_ x: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let atLeastA = x &+ ones &* (0x80 - 0x41)  // top bit set where the byte is ≥ "A"
    let pastZ = x &+ ones &* (0x80 - 0x5B)  // top bit set where the byte is > "Z"
    let upper = atLeastA & ~pastZ & (ones &* 0x80)
    return x | (upper &>> 2)  // 0x80 >> 2 is the case bit 0x20
  }

  /// - Parameter keywords: lower-case ASCII keywords, and names with a non-ASCII character
  ///   (Chinese names, SPEC §15) with no upper-case ASCII letter; only the ASCII ones take the
  ///   byte comparisons, the others are compared as strings.
  package init(_ keywords: [String]) {
    precondition(
      keywords.allSatisfy { $0.utf8.allSatisfy { ($0 &- 0x41) >= 26 } },
      "keywords are lower-case")
    precondition(keywords.count < Int(Int16.max), "a few keywords")
    self.keywords = keywords
    var entries: [Entry] = []
    var firstOfShape = Array(repeating: Int16(-1), count: 32 * 16)
    var lastOfShape: [Int: Int] = [:]
    for (i, k) in keywords.enumerated() {
      let (low, high) = Array(k.utf8).withUnsafeBufferPointer { KeywordMatcher.pack($0) }
      entries.append(Entry(low: low, high: high, length: Int32(k.utf8.count), next: -1))
      guard let first = k.utf8.first, k.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
      let shape = KeywordMatcher.shape(first, k.utf8.count)
      if let last = lastOfShape[shape] { entries[last].next = Int16(i) } else { firstOfShape[shape] = Int16(i) }
      lastOfShape[shape] = i
    }
    self.entries = entries
    self.firstOfShape = firstOfShape
  }

  /// The index of the keyword `word` names.
  /// - Complexity: a comparison of two words with each keyword of the same shape (one, as a
  ///   rule); a word with a non-ASCII scalar, or longer than 16 bytes, is lowered and compared
  ///   as a string.
  package func index(of word: String) -> Int? {
    var word = word  // `withUTF8` is mutating; a native string is not copied
    let found: Int?? = word.withUTF8 { w in
      guard !w.isEmpty, w.count <= 16 else { return nil }
      let (low, high) = KeywordMatcher.pack(w)
      if (low | high) & 0x8080_8080_8080_8080 != 0 { return nil }  // lowering may change it: compare strings
      let lowLowered = KeywordMatcher.lowered(low)
      let highLowered = KeywordMatcher.lowered(high)
      var i = Int(firstOfShape[KeywordMatcher.shape(UInt8(truncatingIfNeeded: lowLowered), w.count)])
      while i >= 0 {
        let entry = entries[i]
        if entry.low == lowLowered && entry.high == highLowered && Int(entry.length) == w.count { return .some(i) }
        i = Int(entry.next)
      }
      return .some(nil)
    }
    if let found { return found }
    return keywords.firstIndex(of: word.lowercased())
  }
}
