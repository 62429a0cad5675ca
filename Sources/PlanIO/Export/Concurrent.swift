import Dispatch

/// A value computed on another thread while the caller goes on with other work; ``value`` waits
/// for it. The work never outlives its holder: when the last reference goes, `deinit` waits for
/// it too, so nothing keeps running (or keeps a copy of a plan alive) behind the caller's back.
///
/// The exports use it to validate the plan (about a third of an export's work after loading, at
/// 10,000 consortia) beside ranking and writing: on two cores the export takes the longer of the
/// two instead of their sum.
package final class Concurrent<Value: Sendable>: Sendable {
  /// Where the worker leaves the value: written once inside `group`, read only after
  /// `group.wait()`, which orders the write before every read.
  private final class Slot: @unchecked Sendable {
    var value: Value?
  }

  private let group = DispatchGroup()
  private let slot = Slot()

  /// Starts `work` on a thread of the global concurrent queue, or does it at once when
  /// `inline` (a small plan: see ``Plan/meritsParallelWork``).
  package init(inline: Bool = false, _ work: @escaping @Sendable () -> Value) {
    if inline {
      slot.value = work()
      return
    }
    let slot = slot
    DispatchQueue.global(qos: .userInitiated).async(group: group) { slot.value = work() }
  }

  /// The value, once `work` has finished (at once on later reads).
  package var value: Value {
    group.wait()
    return slot.value!
  }

  deinit { group.wait() }
}
