import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  /// `save [PATH] [force | merge]` (SPEC §5, §14; issue 16 item 3, issue 18 item 1).
  ///
  /// Without PATH, to the plan's own file. Refused: a folder; a file that is not this plan's own
  /// (without `force`); this plan's own file when its content changed on disk since the session
  /// loaded or saved it (E114, with when it changed) — `save merge` then merges three ways
  /// (base: the plan as last loaded or saved; theirs: the file on disk; ``PlanMerge``): without
  /// conflicts the result is applied (one undo step) and saved; with conflicts what merged cleanly
  /// is applied, the session's values are kept where they conflict, each conflict is reported
  /// with both values, nothing is saved, and the file on disk becomes the base, so the next
  /// `save` writes the session's resolution. `save force` overwrites.
  ///
  /// Two processes saving one plan never both succeed with one edit lost: the file is locked
  /// (``PlanFileLock``) from the check that it is unchanged to the rename that replaces it, and
  /// checked once more just before the rename (for writers that take no lock); a new file is
  /// never renamed over one that appeared meanwhile. Either finding is the E114 refusal.
  func save(_ command: Command, _ arguments: CommandArguments) -> Bool {
    let token = arguments["PATH"]
    let force = arguments.has("force")
    let merge = arguments.has("merge") && !force
    guard let path = token?.path ?? file else { return fail(.error(.noFile(), at: command.verbToken)) }
    func refuse(_ message: Message) -> Bool {
      fail(.error(message, at: token?.location ?? command.location, length: token?.length ?? 1))
    }
    // `-` is not standard output here: a plan is saved to a file (issue 18 item 13).
    if path == "-", token != nil { return refuse(.cannotWrite(path, reason: text(CommandText.dashIsNoFile))) }
    // A folder is refused at once: `force` would not help (it used to be suggested).
    if let folder = FileIO.folderError(path) { return refuse(.cannotWrite(path, reason: folder.reason)) }
    let own = isOwnFile(path)
    if !force, !own, FileIO.exists(path) { return refuse(.refuseOverwrite(path)) }
    let target = FileIO.writeTarget(path)
    let existed = FileIO.exists(target)
    let lock: PlanFileLock?
    do {
      lock = try PlanFileLock.acquire(target)
    } catch {
      return refuse(.cannotWrite(path, reason: error.reason))
    }
    defer { withExtendedLifetime(lock) {} }  // held until the rename is done
    if !force, own, let lock, lock.stamp != fileStamp, let disk = changedOnDisk(lock, path: path, reporting: merge) {
      guard merge, let theirs = disk else { return refuse(.changedOnDisk(path, when: lock.stamp.modifiedText)) }
      let merged = PlanMerge.merge(base: savedPlan ?? Plan(), ours: plan, theirs: theirs)
      if merged.plan != plan {
        commit(merged.plan)
        onChange?(Journal.snapshotMarker)
      }
      guard merged.isClean else {
        let language = settings.language
        output.writeError(merged.conflicts.map { $0.text(language) + "\n" }.joined())
        rebase(on: theirs, stamp: lock.stamp)
        return refuse(.saveConflicts(path, count: merged.conflicts.count))
      }
      notice(CommandText.mergedFromDisk(path, when: lock.stamp.modifiedText))
    }
    let written: FileStamp?
    var lines: [PlanWriter.StatementLine] = []
    var size = 0
    do {
      // Streamed: the plan's text is never held whole.
      written = try FileIO.writeAtomically(
        to: target, unchanged: force ? nil : lock.map { lock in { lock.isCurrent() } }, noReplace: !existed
      ) { write in
        PlanWriter.write(
          plan,
          emit: { piece in
            var piece = piece
            size += piece.utf8.count
            piece.withUTF8 { write(UnsafeRawBufferPointer($0)) }
          }, lines: &lines)
      }
    } catch {
      guard error.isConflict else { return refuse(.cannotWrite(path, reason: error.reason)) }
      guard own else { return refuse(.refuseOverwrite(path)) }
      return refuse(.changedOnDisk(path, when: FileIO.stamp(target)?.modifiedText ?? "?"))
    }
    // Issue 17 item 15: from now on findings and `show` point at the saved file's lines.
    relocate(to: path, lines: lines)
    sources.registerOnDisk(file: path, size: size)
    markSaved(path: path, stamp: written)
    confirm(CommandText.saved(path))
    return true
  }

  /// What the locked file holds when its stamp differs from the session's: `nil` when its content
  /// is the plan as last loaded or saved (a new time stamp, a reformatting: its canonical text is
  /// the same), else `.some` of the plan it holds — `.some(nil)` when it does not load (its
  /// diagnostics reported when `reporting`).
  private func changedOnDisk(_ lock: PlanFileLock, path: String, reporting: Bool) -> Plan?? {
    let bytes: [UInt8]
    do {
      bytes = try lock.read()
    } catch {
      return .some(nil)
    }
    let disk: Plan
    do {
      disk = try PlanLoader.load(bytes: bytes, file: path)
    } catch {
      if reporting {
        sources.register(file: path, bytes: bytes)
        for d in error.diagnostics { report(d) }
      }
      return .some(nil)
    }
    guard let savedPlan, PlanWriter.write(disk) == PlanWriter.write(savedPlan) else { return .some(disk) }
    return nil
  }
}
