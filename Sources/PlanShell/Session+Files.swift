import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  /// Takes the single path argument of a command, and an optional trailing `force`.
  func pathAndForce(_ command: Command, pathRequired: Bool) -> (path: String?, force: Bool, token: Token?)? {
    var path: String?
    var token: Token?
    var force = false
    for (i, t) in command.arguments.enumerated() {
      switch t.kind {
      case .path(let p) where i == 0:
        if p.lowercased() == "force" && command.arguments.count == 1 && command.verb == .save {
          force = true
        } else {
          path = p
          token = t
        }
      case .word where t.isKeyword("force") && i > 0:
        force = true
      default:
        _ = fail(.error(.unexpectedArgument(t.summary), at: t))
        return nil
      }
    }
    if pathRequired && path == nil {
      _ = fail(.error(.missing(LocalizedText(en: "a path", zh: "路径")), at: command.verbToken))
      return nil
    }
    return (path, force, token)
  }

  func save(_ command: Command) -> Bool {
    guard let (pathArg, force, token) = pathAndForce(command, pathRequired: false) else { return false }
    guard let path = pathArg ?? file else { return fail(.error(.noFile(), at: command.verbToken)) }
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
    notice("saved \(path)", "已保存 \(path)")
    return true
  }

  func load(_ command: Command) -> Bool {
    guard let (pathArg, _, token) = pathAndForce(command, pathRequired: true), let path = pathArg else { return false }
    guard confirmed("load", at: command.verbToken) else { return false }
    do {
      // Validated in the background once loaded (at the prompt): that starts while it loads.
      let early = validation.preparesInBackground ? EarlyValidation() : nil
      let loaded = try PlanLoader.load(path: path, sources: sources, observer: early)
      validation.nextEarly = early
      replacePlan(loaded, file: path)
      onChange?(sourceText(of: command))
      notice("loaded \(path)", "已载入 \(path)")
      return true
    } catch {
      if case .unusable(var d) = error {
        if d.location == nil, let token { d.location = token.location; d.length = token.length }
        return fail(d, as: .usage)
      }
      for d in error.diagnostics { report(d) }
      noteFailure(.command)
      return false
    }
  }

  func newPlan(_ command: Command) -> Bool {
    if let t = command.arguments.first { return fail(.error(.unexpectedArgument(t.summary), at: t)) }
    guard confirmed("new", at: command.verbToken) else { return false }
    replacePlan(Plan(), file: nil)
    onChange?("new")
    return true
  }

  func run(_ command: Command) -> Bool {
    guard let (pathArg, _, token) = pathAndForce(command, pathRequired: true), let path = pathArg else { return false }
    return runScript(path: path, at: token)
  }

  func quit(_ command: Command) -> Bool {
    if let t = command.arguments.first { return fail(.error(.unexpectedArgument(t.summary), at: t)) }
    guard confirmed(command.verb.rawValue, at: command.verbToken) else { return false }
    quitRequested = true
    return true
  }

  func recover(_ command: Command) -> Bool {
    guard let recoverer = journalRecoverer else { return fail(.error(.nothingToRecover(), at: command.verbToken)) }
    return recoverer(command)
  }
}
