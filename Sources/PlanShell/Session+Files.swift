import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  func save(_ command: Command, _ arguments: CommandArguments) -> Bool {
    let token = arguments["PATH"]
    let force = arguments.has("force")
    guard let path = token?.path ?? file else { return fail(.error(.noFile(), at: command.verbToken)) }
    // `-` is not standard output here: a plan is saved to a file (issue 18 item 13).
    if path == "-", let token {
      return fail(.error(.cannotWrite(path, reason: text(CommandText.dashIsNoFile)), at: token))
    }
    // A folder is refused at once: `force` would not help (it used to be suggested).
    if let folder = FileIO.folderError(path) {
      return fail(
        .error(
          .cannotWrite(path, reason: folder.reason), at: token?.location ?? command.location,
          length: token?.length ?? 1))
    }
    if !force, isForeignFile(path) {
      return fail(.error(.refuseOverwrite(path), at: token?.location ?? command.location, length: token?.length ?? 1))
    }
    if !force, ownFileChanged(path) {
      return fail(.error(.changedOnDisk(path), at: token?.location ?? command.location, length: token?.length ?? 1))
    }
    do {
      // Streamed: the plan's text is never held whole.
      try FileIO.writeAtomically(to: FileIO.writeTarget(path)) { write in
        PlanWriter.write(plan) { piece in
          var piece = piece
          piece.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
      }
    } catch {
      return fail(
        .error(
          .cannotWrite(path, reason: error.reason), at: token?.location ?? command.location,
          length: token?.length ?? 1))
    }
    markSaved(path: path)
    notice(CommandText.saved(path))
    return true
  }

  func load(_ command: Command, _ arguments: CommandArguments) -> Bool {
    let token = arguments["PATH"]!
    let path = token.path!
    guard confirmed("load", at: command.verbToken) else { return false }
    do {
      // Validated in the background once loaded (at the prompt): that starts while it loads.
      let early = validation.preparesInBackground ? EarlyValidation() : nil
      let loaded = try PlanLoader.load(path: path, sources: sources, observer: early)
      validation.nextEarly = early
      replacePlan(loaded, file: path)
      onChange?(sourceText(of: command))
      notice(CommandText.loaded(path))
      return true
    } catch {
      if case .unusable(var d) = error {
        if d.location == nil { d.location = token.location; d.length = token.length }
        return fail(d, as: .usage)
      }
      for d in error.diagnostics { report(d) }
      noteFailure(.command)
      return false
    }
  }

  func newPlan(_ command: Command) -> Bool {
    guard confirmed("new", at: command.verbToken) else { return false }
    replacePlan(Plan(), file: nil)
    onChange?("new")
    return true
  }

  func quit(_ command: Command) -> Bool {
    guard confirmed(command.verb.rawValue, at: command.verbToken) else { return false }
    quitRequested = true
    return true
  }

  func recover(_ command: Command) -> Bool {
    guard let recoverer = journalRecoverer else { return fail(.error(.nothingToRecover(), at: command.verbToken)) }
    return recoverer(command)
  }
}
