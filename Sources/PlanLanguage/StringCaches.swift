#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

// The lexer's caches of strings it has made: a plan file repeats its keywords, IDs, numbers and
// many of its names (every consortium has a "联合体理事会" and a measure "人才引育计划"), and a
// cached string, copied, costs less than one made again from bytes (validated, and for more
// than 15 bytes allocated, and freed again with the plan). Equal strings share their storage.

/// A fixed number of entries, allocated and set empty once, freed with the owner: a cache's
/// storage, read and written through a pointer (no exclusivity checks, no copy on write).
final class CacheSlots<Entry> {
  let base: UnsafeMutablePointer<Entry>
  let count: Int

  init(count: Int, empty: Entry) {
    self.count = count
    base = .allocate(capacity: count)
    base.initialize(repeating: empty, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }
}

/// The strings of short ASCII words met lately, found by their bytes: a direct-mapped cache of
/// 256 entries.
struct WordCache {
  private struct Entry {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var string = ""
  }
  private let slots = CacheSlots(count: 256, empty: Entry())

  /// The string of `bytes`, 1 to 15 ASCII bytes none of them NUL (their packed form is then
  /// never the empty entry's): the cached one, or `make()`'s, which is cached.
  /// - Complexity: O(1): a few loads, a multiplication and a comparison.
  @inline(__always)
  func string(_ bytes: UnsafeBufferPointer<UInt8>, make: () -> String) -> String {
    let (low, high) = KeywordMatcher.pack(bytes)
    let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
    let entry = slots.base + Int(truncatingIfNeeded: mixed &>> 56)
    if entry.pointee.low == low && entry.pointee.high == high { return entry.pointee.string }
    let string = make()
    entry.pointee = Entry(low: low, high: high, string: string)
    return string
  }
}

/// The strings of quoted text met lately (names, agencies, indicators, units), found by a hash
/// of their bytes and compared with them: a direct-mapped cache of 1,024 entries. A file's
/// unique names pass through it; the names it repeats stay.
struct TextCache {
  private struct Entry {
    var hash: UInt64 = 0
    var string = ""
  }
  private let slots = CacheSlots(count: 1024, empty: Entry())
  /// Text longer than this is made each time (a long text is rarely repeated).
  static let maxLength = 96

  /// A hash of `bytes`, eight at a time (the last eight overlapping the ones before when the
  /// count is not a multiple of eight); never 0 (the empty entry's).
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = bytes.count
    let p = UnsafeRawPointer(bytes.baseAddress!)
    var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
    if n < 8 {
      h = (h ^ KeywordMatcher.pack(bytes).0) &* 0xC2B2_AE3D_27D4_EB4F
    } else {
      var at = 0
      while at + 8 < n {
        h = (h ^ p.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
        at += 8
      }
      h = (h ^ p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
    }
    h ^= h &>> 29
    return h | 1
  }

  /// The string of `bytes` (1 to ``maxLength`` bytes of valid UTF-8 that NFC leaves as they
  /// are): the cached one when its bytes are these, else `make()`'s, which is cached.
  /// - Complexity: O(n) in the number of bytes: a hash, and a comparison on a hit.
  @inline(__always)
  func string(_ bytes: UnsafeBufferPointer<UInt8>, make: () -> String) -> String {
    let h = TextCache.hash(bytes)
    let entry = slots.base + Int(truncatingIfNeeded: h &>> 54)
    if entry.pointee.hash == h {
      var cached = entry.pointee.string
      let same = cached.withUTF8 { stored in
        stored.count == bytes.count && memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
      }
      if same { return cached }
    }
    let string = make()
    entry.pointee = Entry(hash: h, string: string)
    return string
  }
}
