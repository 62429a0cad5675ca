import PlanEngine

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

extension PlanLoader {
  /// Reads a file in windows of whole lines into one buffer that grows only for a statement
  /// longer than it; or hands over bytes already in memory as one window.
  final class ChunkReader: @unchecked Sendable {  // used by one thread at a time
    let fd: Int32
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// The whole file, when it was read before (a pipe, or bytes given to the loader).
    private let bytes: [UInt8]?

    init(fd: Int32, chunkSize: Int) {
      self.fd = fd
      buffer = .allocate(capacity: max(1, chunkSize))
      bytes = nil
    }

    /// A reader of `bytes`, in one window.
    init(bytes: [UInt8]) {
      fd = -1
      buffer = .allocate(capacity: 1)
      self.bytes = bytes
    }

    func deallocate() { buffer.deallocate() }

    /// Calls `body` with successive windows of the file, each ending after a newline (the last
    /// at the end of the file, with `last` true). `body` returns how many bytes of the window
    /// it used (the rest comes again at the start of the next window, with more after it), or
    /// `nil` to stop.
    /// - Returns: the number of bytes read, or `nil` on a read error or when `body` stopped.
    func forEachWindow(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Int?) -> Int? {
      if let bytes {
        return bytes.withUnsafeBufferPointer { body($0, true) == nil ? nil : bytes.count }
      }
      var filled = 0
      var total = 0
      var atEnd = false
      while true {
        // Ctrl-C in the shell (issue 18 item 12): stop between windows; the loader says why.
        if Interruption.isRequested { return nil }
        while filled < buffer.count && !atEnd {
          let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
          if n < 0 {
            if errno == EINTR { continue }
            return nil
          }
          if n == 0 { atEnd = true }
          filled += n
          total += n
        }
        // A device that never ends (`/dev/zero`) or a line of a gigabyte would grow the buffer
        // until memory runs out: stop: read whole, the file is refused (EFBIG).
        if total >= FileIO.readLimit { return nil }
        var end = filled
        if !atEnd {
          while end > 0 && buffer[end - 1] != 0x0A { end -= 1 }
        }
        if end == 0 && !atEnd {
          grow()
          continue
        }
        guard let used = body(UnsafeBufferPointer(rebasing: buffer[0..<end]), atEnd) else { return nil }
        if atEnd { return total }
        if used == 0 {
          grow()  // one statement fills the buffer
          continue
        }
        buffer.baseAddress!.update(from: buffer.baseAddress! + used, count: filled - used)
        filled -= used
      }
    }

    private func grow() {
      let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
      bigger.baseAddress!.initialize(from: buffer.baseAddress!, count: buffer.count)
      buffer.deallocate()
      buffer = bigger
    }
  }
}
