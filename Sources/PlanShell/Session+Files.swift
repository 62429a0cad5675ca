import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  func load(_ command: Command, _ arguments: CommandArguments) -> Bool {
    let token = arguments["PATH"]!
    let path = token.path!
    guard confirmed("load", at: command.verbToken) else { return false }
    do {
      // Validated in the background once loaded (at the prompt): that starts while it loads.
      let early = validation.preparesInBackground ? EarlyValidation() : nil
      var stamp: FileStamp?
      let loaded = try PlanLoader.load(path: path, sources: sources, observer: early, stamp: &stamp)
      validation.nextEarly = early
      replacePlan(loaded, file: path, stamp: stamp)
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
    // An empty plan without a file is already new: nothing to record (issue 17 item 4).
    if file == nil, plan.isEmpty { return true }
    guard confirmed("new", at: command.verbToken) else { return false }
    replacePlan(Plan(), file: nil)
    onChange?("new")
    // The empty plan has nothing to lose: `quit` does not ask, the prompt shows no `*`.
    markNothingToSave()
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
