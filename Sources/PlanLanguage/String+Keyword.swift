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
  private let keywords: [String]
  /// The keywords' bytes one after another; keyword `i` is `bytes[starts[i]..<starts[i + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  /// For each ASCII byte, the keywords that start with it.
  private let byFirstByte: [[Int]]

  package init(_ keywords: [String]) {
    precondition(keywords.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && ($0 &- 0x41) >= 26 } },
                 "keywords are lower-case ASCII")
    self.keywords = keywords
    var bytes: [UInt8] = []
    var starts = [0]
    var byFirstByte = Array(repeating: [Int](), count: 128)
    for (i, k) in keywords.enumerated() {
      if let first = k.utf8.first { byFirstByte[Int(first)].append(i) }
      bytes.append(contentsOf: k.utf8)
      starts.append(bytes.count)
    }
    self.bytes = bytes
    self.starts = starts
    self.byFirstByte = byFirstByte
  }

  /// The index of the keyword `word` names.
  /// - Complexity: a comparison with the few keywords of the same first letter and length; a
  ///   word with a non-ASCII scalar that matches none is lowered and compared as a string.
  package func index(of word: String) -> Int? {
    var word = word  // `withUTF8` is mutating; a native string is not copied
    let found: Int?? = word.withUTF8 { w in
      guard let first = w.first else { return nil }
      if first >= 0x80 { return nil }  // lowering may change it: compare strings
      for i in byFirstByte[Int((first &- 0x41) < 26 ? first | 0x20 : first)] where starts[i + 1] - starts[i] == w.count {
        var j = 1
        let base = starts[i]
        while j < w.count {
          let b = w[j]
          if ((b &- 0x41) < 26 ? b | 0x20 : b) != bytes[base + j] { break }
          j += 1
        }
        if j == w.count { return .some(i) }
      }
      // None of that letter and length; a non-ASCII scalar could still lower to one.
      return w.contains { $0 >= 0x80 } ? nil : .some(nil)
    }
    if let found { return found }
    return keywords.firstIndex(of: word.lowercased())
  }
}
