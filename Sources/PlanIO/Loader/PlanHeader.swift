import PlanLanguage

/// The plan file format's versions (SPEC §6): the header `# cplan plan N`.
package enum PlanFormat {
  /// The newest version this program reads and writes (2: SPEC §11–§15); a file of a newer one
  /// is refused (E113). A plan is written as the oldest version that holds what it uses
  /// (``Plan/formatVersion``).
  package static let currentVersion = 2
}

extension PlanLoader {
  /// The version a header line names, `# cplan plan N` (a CRLF file's line ends in CR), or
  /// `nil` when the line is no such header.
  static func headerVersion(_ line: some Collection<UInt8>) -> Int? {
    let prefix = Array("# cplan plan ".utf8)
    var first = Array(line)
    if first.last == 0x0D { first.removeLast() }
    guard first.starts(with: prefix) else { return nil }
    let rest = String(decoding: first.dropFirst(prefix.count), as: UTF8.self).trimmingWhitespace()
    guard let version = Int(rest), version >= 1 else { return nil }
    return version
  }

  /// Whether `first` (the first line) is a header this program reads, `# cplan plan N` with
  /// 1 ≤ N ≤ ``PlanFormat/currentVersion``; ``checkHeader(_:file:)`` says what is wrong otherwise.
  static func hasValidHeader(_ first: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
    guard let version = headerVersion(first) else { return false }
    return version <= PlanFormat.currentVersion
  }

  /// Checks the first line, `# cplan plan N`, refusing a newer N.
  /// - Throws: ``PlanLoadError/unusable(_:)``: E121 (not a plan file), or E113 (a newer version).
  static func checkHeader(_ bytes: [UInt8], file: String) throws(PlanLoadError) {
    var end = bytes.firstIndex(of: 0x0A) ?? bytes.count
    if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }  // a CRLF file's header
    guard let version = headerVersion(bytes[0..<end]) else {
      throw .unusable(.error(.notAPlanFile(file), at: SourceLocation(file: file, line: 1, column: 1)))
    }
    if version > PlanFormat.currentVersion {
      throw .unusable(
        .error(
          .newerVersion(file, found: version, supported: PlanFormat.currentVersion),
          at: SourceLocation(file: file, line: 1, column: 1), length: end))
    }
  }
}
