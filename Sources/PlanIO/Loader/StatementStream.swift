import Dispatch
import PlanLanguage

extension PlanLoader {
  /// The size from which a file is parsed on a thread of its own: 1 MiB, about 250 consortia.
  /// Below it loading takes under 20 ms, and the second thread would cost more (starting it;
  /// its malloc arena and the batches in flight, about 0.5 MB) than it saves.
  static let parallelSize = 1 << 20

  /// Reads and parses a plan file's statements, handing each parse event to `take` (which
  /// returns `false` to stop): on this thread below `parallelFrom` bytes, else on a thread of its
  /// own (``parseAside(_:file:each:)``).
  ///
  /// The file's header is checked first (``hasValidHeader(_:)``); the reader's windows are
  /// parsed as they come, so neither the file's bytes nor its syntax tree are held in memory.
  /// - Returns: the number of bytes read, or `nil` on a read error, an invalid header or when
  ///   `take` stopped.
  static func stream(
    _ reader: ChunkReader, size: Int, file: String, parallelFrom: Int, each take: (ParseEvent) -> Bool
  ) -> Int? {
    size < parallelFrom ? parse(reader, file: file, each: take) : parseAside(reader, file: file, each: take)
  }

  /// Reads and parses the file's windows on this thread, handing each event to `take`.
  /// - Returns: as ``stream(_:size:file:parallelFrom:each:)``.
  private static func parse(_ reader: ChunkReader, file: String, each take: (ParseEvent) -> Bool) -> Int? {
    var line = 1
    var first = true
    return reader.forEachWindow { window, last in
      if first {
        first = false
        let end = window.firstIndex(of: 0x0A) ?? window.count
        guard hasValidHeader(window[0..<end]) else { return nil }
      }
      var open = true
      let rest = Parser.parseChunk(window, file: file, firstLine: line, last: last) { event in
        open = take(event)
        return open
      }
      guard open else { return nil }
      line = rest.line
      return rest.offset
    }
  }

  /// ``parse(_:file:each:)`` on a thread of its own, the events handed to `take` on this one
  /// in batches (``StatementBatches``): each stage takes about half of the work, so loading
  /// takes about half as long on two cores.
  /// - Returns: as ``stream(_:size:file:parallelFrom:each:)``.
  private static func parseAside(_ reader: ChunkReader, file: String, each take: (ParseEvent) -> Bool) -> Int? {
    let batches = StatementBatches()
    let parsed = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var size: Int?  // written by the parsing thread before `parsed` is signalled
    // A queue of its own runs at once on a thread of its own ("overcommit"), even while the
    // shared workers are busy (the shell's background validation).
    DispatchQueue(label: "cplan.parse").async {
      var batch: [ParseEvent] = []
      batch.reserveCapacity(StatementBatches.batchSize)
      size = parse(reader, file: file) { event in
        batch.append(event)
        guard batch.count == StatementBatches.batchSize else { return true }
        defer { batch.removeAll(keepingCapacity: true) }
        return batches.send(batch)
      }
      if size != nil, !batch.isEmpty, !batches.send(batch) { size = nil }
      batches.close()
      parsed.signal()
    }
    var stopped = false
    while !stopped, let batch = batches.next() {
      for event in batch where !take(event) {
        stopped = true
        batches.cancel()
        break
      }
    }
    parsed.wait()
    return stopped ? nil : size
  }
}
