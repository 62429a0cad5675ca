#if canImport(Glibc)
  import Glibc
#endif

/// A text file read as UTF-8 in chunks, whatever it was saved in: UTF-8 (a byte-order mark
/// dropped), or GB18030 — which includes GBK and GB2312, what Excel and WPS save "CSV" in on a
/// Chinese Windows — converted by glibc's iconv (SPEC §13: GB18030 when the bytes are not UTF-8).
///
/// The file is read twice, a chunk (1 MiB) at a time, never whole: once to find out whether it
/// is UTF-8, then to hand out its text. Memory stays at a few chunks for a file of any size.
package final class TextSource {
  /// The encodings a file is read in.
  package enum Encoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
  }

  /// A byte sequence that is not text in the file's encoding.
  package struct InvalidBytes: Error {
    package var encoding: Encoding
  }

  package let encoding: Encoding
  private let fd: Int32
  private let chunkSize: Int
  private var converter: iconv_t?
  /// Bytes read but not converted yet (a sequence cut by the chunk's end).
  private var pending: [UInt8] = []
  private var atStart = true
  private var atEnd = false
  /// Set when the converter met an invalid sequence: the text before it was handed out, and the
  /// next call throws (so that the reader knows where the text stopped).
  private var invalid = false

  /// Opens `path` and finds its encoding.
  /// - Throws: ``FileError`` when it cannot be read.
  package init(path: String, chunkSize: Int = 1 << 20) throws(FileError) {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError(errno: errno) }
    self.chunkSize = chunkSize
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw FileError(errno: EISDIR)
    }
    let isUTF8: Bool
    do {
      isUTF8 = try TextSource.isUTF8(fd: fd, chunkSize: chunkSize)
    } catch {
      close(fd)
      throw error
    }
    encoding = isUTF8 ? .utf8 : .gb18030
    if !isUTF8 {
      let cd = iconv_open("UTF-8", "GB18030")
      // glibc ships the GB18030 converter; without it (a stripped system) the file reads as UTF-8
      // and its bad bytes are reported there.
      converter = cd == iconv_t(bitPattern: -1) ? nil : cd
    }
    lseek(fd, 0, SEEK_SET)
  }

  deinit {
    if let converter { iconv_close(converter) }
    close(fd)
  }

  /// Whether the whole file is valid UTF-8, read a chunk at a time.
  private static func isUTF8(fd: Int32, chunkSize: Int) throws(FileError) -> Bool {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var carry: [UInt8] = []
    while true {
      let n = try readChunk(fd, into: &buffer)
      if n == 0 { return carry.isEmpty }
      var bytes = carry + buffer[..<n]
      carry = []
      let cut = incompleteTail(bytes)
      if cut > 0 {
        carry = Array(bytes.suffix(cut))
        bytes.removeLast(cut)
      }
      if String(validating: bytes, as: UTF8.self) == nil { return false }
    }
  }

  /// How many bytes at the end of `bytes` begin a UTF-8 sequence that the chunk cuts short.
  private static func incompleteTail(_ bytes: [UInt8]) -> Int {
    var i = bytes.count - 1
    var seen = 0
    while i >= 0 && seen < 4 {
      let b = bytes[i]
      seen += 1
      if b & 0xC0 != 0x80 {
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return length > seen ? seen : 0
      }
      i -= 1
    }
    return 0
  }

  private static func readChunk(_ fd: Int32, into buffer: inout [UInt8]) throws(FileError) -> Int {
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw FileError(errno: errno) }
      return n
    }
  }

  /// The next piece of the file's text as UTF-8, `nil` at the end. A piece ends at a character's
  /// end; the first has no byte-order mark.
  /// - Throws: ``InvalidBytes`` at a sequence that is not GB18030 (in a GB18030 file);
  ///   ``FileError`` when reading fails.
  package func next() throws -> [UInt8]? {
    if invalid { throw InvalidBytes(encoding: encoding) }
    guard !atEnd else { return nil }
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    let n = try TextSource.readChunk(fd, into: &buffer)
    if n == 0 {
      atEnd = true
      guard pending.isEmpty else { throw InvalidBytes(encoding: encoding) }
      return nil
    }
    buffer.removeLast(chunkSize - n)
    var out: [UInt8]
    if let converter {
      out = convert(pending + buffer, with: converter)
    } else {
      out = buffer
    }
    if atStart {
      atStart = false
      if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }
    }
    return out
  }

  /// Converts `input` from GB18030 to UTF-8, keeping a sequence cut by its end in ``pending``;
  /// at an invalid sequence, the text before it (and ``invalid`` set).
  private func convert(_ input: [UInt8], with converter: iconv_t) -> [UInt8] {
    var input = input
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    var produced = 0
    let left: Int = input.withUnsafeMutableBytes { inRaw -> Int in
      var inPointer: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
      var inLeft = inRaw.count
      while inLeft > 0 {
        let (status, code, written): (Int, Int32, Int) = output.withUnsafeMutableBytes { outRaw in
          var outPointer: UnsafeMutablePointer<CChar>? =
            (outRaw.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
          var outLeft = outRaw.count - produced
          let before = outLeft
          let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
          return (status, status == -1 ? errno : 0, before - outLeft)
        }
        produced += written
        if status != -1 { break }
        switch code {
        case E2BIG: output += [UInt8](repeating: 0, count: output.count)
        case EINVAL: return inLeft  // a sequence cut by the chunk's end
        default:
          invalid = true  // the text before it goes out first
          return 0
        }
      }
      return inLeft
    }
    pending = Array(input.suffix(left))
    output.removeLast(output.count - produced)
    return output
  }
}
