import Synchronization

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The base protocol's framing (LSP 3.17 "Base Protocol"): each message is a header part —
/// lines `Name: value` ended by CRLF, then an empty line — and a body of `Content-Length`
/// bytes of UTF-8 JSON.
enum Framing {
  /// What the reader found next.
  enum Frame: Equatable {
    /// A message body.
    case body([UInt8])
    /// A header part without a usable `Content-Length`: its body cannot be delimited, so it is
    /// answered with an error and reading goes on at the next header.
    case missingLength
    /// The input ended.
    case end
  }

  /// `body` with its header: `Content-Length: N\r\n\r\n` then the bytes.
  static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}

/// Reads frames from a file descriptor (standard input).
///
/// A header line is searched for `Content-Length:` anywhere in it, ASCII case-insensitively, so
/// that after a body that could not be delimited (a header without its length) the next
/// message's header is found even when it follows that body on the same line.
final class FrameReader: @unchecked Sendable {  // used by the reading thread alone
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  init(fd: Int32) { self.fd = fd }

  /// The largest body accepted: 1 GiB (a longer length is treated as missing).
  static let maximumLength = 1 << 30

  /// The next frame, reading as needed.
  func next() -> Framing.Frame {
    var length: Int?
    var sawHeader = false
    while true {
      guard let line = readLine() else { return sawHeader ? .missingLength : .end }
      if line.isEmpty {
        guard sawHeader else { continue }  // blank lines between messages
        guard let n = length, n <= Self.maximumLength else { return .missingLength }
        guard let body = read(count: n) else { return .end }
        return .body(body)
      }
      sawHeader = true
      if let n = Self.contentLength(in: line) { length = n }
    }
  }

  /// The value of a `Content-Length:` field in `line`, if there is one.
  static func contentLength(in line: [UInt8]) -> Int? {
    let name = Array("content-length:".utf8)
    guard line.count >= name.count else { return nil }
    for i in 0...(line.count - name.count) {
      var match = true
      for j in 0..<name.count where line[i + j] | (line[i + j] >= 0x41 && line[i + j] <= 0x5A ? 0x20 : 0) != name[j] {
        match = false
        break
      }
      guard match else { continue }
      let digits = line[(i + name.count)...].drop { $0 == 0x20 || $0 == 0x09 }.prefix { (0x30...0x39).contains($0) }
      guard !digits.isEmpty, digits.count < 12 else { return nil }
      return Int(String(decoding: digits, as: UTF8.self))
    }
    return nil
  }

  /// One line without its CRLF (or LF); `nil` at the end of input.
  private func readLine() -> [UInt8]? {
    var scanned = 0  // bytes after `start` known to hold no LF (`fill` may move `start`)
    while true {
      if let nl = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
        var end = nl
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = nl + 1
        return line
      }
      scanned = buffer.count - start
      guard fill() else {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line
      }
    }
  }

  private func read(count: Int) -> [UInt8]? {
    while buffer.count - start < count {
      guard fill() else { return nil }
    }
    let body = Array(buffer[start..<(start + count)])
    start += count
    return body
  }

  /// Reads more input; `false` at its end.
  private func fill() -> Bool {
    if atEnd { return false }
    if start > 0 && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        atEnd = true
        return false
      }
      buffer += chunk[0..<n]
      return true
    }
  }
}

/// Writes frames to a file descriptor (standard output), one whole frame at a time.
final class FrameWriter: Sendable {
  private let fd: Int32
  private let lock = Mutex(())

  init(fd: Int32) { self.fd = fd }

  /// Writes `body` framed; a closed output is ignored (the client went away; `exit` follows or
  /// the input ends).
  func send(_ body: [UInt8]) {
    let frame = Framing.frame(body)
    lock.withLock { _ in
      frame.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { return }
          offset += n
        }
      }
    }
  }
}
