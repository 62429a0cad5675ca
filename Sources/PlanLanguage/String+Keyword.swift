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
    var s = self  // `withUTF8` is mutating; a native string is not copied
    var k = keyword
    let ascii = s.withUTF8 { bytes -> Bool? in
      k.withUTF8 { key -> Bool? in
        var equal = bytes.count == key.count
        for (i, b) in bytes.enumerated() {
          if b >= 0x80 { return nil }  // lowering may change the length: ask `lowercased()`
          let lower = (b &- 0x41) < 26 ? b | 0x20 : b
          if equal && lower != key[i] { equal = false }
        }
        return equal
      }
    }
    if let ascii { return ascii }
    return lowercased() == keyword
  }
}
