import Dispatch
import PlanLanguage
import Synchronization

extension PlanLoader {
  /// Batches of parse events handed from the parsing thread to the applying one: at most
  /// ``capacity`` batches wait, so memory stays bounded when applying is the slower stage.
  final class StatementBatches: Sendable {
    /// Statements per batch: a batch of 64 commands is about 40 KB (larger batches were no
    /// faster at 10,000 consortia, and held more memory in flight).
    static let batchSize = 64
    /// Batches that may wait.
    static let capacity = 2
    private struct State {
      var queue: [[ParseEvent]] = []
      var closed = false
      var cancelled = false
    }
    private let state = Mutex(State())
    /// Counts the free places in the queue, and the batches (or the close) waiting in it.
    /// Both start at 0 (`places` is raised to ``capacity`` in `init`): libdispatch traps when a
    /// semaphore is freed below its starting value, which a cancelled load may leave behind.
    private let places = DispatchSemaphore(value: 0)
    private let waiting = DispatchSemaphore(value: 0)

    init() {
      for _ in 0..<Self.capacity { places.signal() }
    }

    /// Queues `batch`, waiting while ``capacity`` batches wait. `false` once cancelled.
    func send(_ batch: [ParseEvent]) -> Bool {
      places.wait()
      let sent = state.withLock { s in
        if s.cancelled { return false }
        s.queue.append(batch)
        return true
      }
      if sent { waiting.signal() } else { places.signal() }
      return sent
    }

    /// No more batches will be sent.
    func close() {
      state.withLock { $0.closed = true }
      waiting.signal()
    }

    /// The applying side gives up: the sender stops at its next batch.
    func cancel() {
      state.withLock { s in
        s.cancelled = true
        s.queue.removeAll()
      }
      places.signal()
    }

    /// The next batch, waiting for it; `nil` once closed and empty.
    func next() -> [ParseEvent]? {
      waiting.wait()
      let batch: [ParseEvent]? = state.withLock { s in s.queue.isEmpty ? nil : s.queue.removeFirst() }
      if batch != nil { places.signal() }
      return batch
    }
  }
}
