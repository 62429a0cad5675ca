import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  /// `import PATH [kind KIND] [update] [map RULES] [dry-run]` (SPEC §13).
  func importFiles(_ command: Command, _ arguments: CommandArguments) -> Bool {
    let path = arguments["PATH"]!.path!
    var options = Importer.Options(update: arguments.has("update"))
    if let word = arguments["kind"]?.word { options.kind = ImportKinds.kind(named: word) }
    if let rules = arguments["map"]?.path {
      do {
        options.rules = try MapRules.load(path: rules)
      } catch {
        for d in error.diagnostics { report(d) }
        noteFailure(.command)
        return false
      }
    }
    return importFiles([path], options: options, dryRun: arguments.has("dry-run"))
  }

  /// Imports `paths` into the plan as one undo step, journaled as the edits it made; with
  /// `dryRun`, prints those edits and what they would change instead. Every error of every row
  /// is reported, and then nothing changes.
  /// - Parameter done: given what the import did (the summary line), when it succeeded.
  /// - Returns: whether the import succeeded.
  package func importFiles(
    _ paths: [String], options: Importer.Options, dryRun: Bool, done: ((LocalizedText) -> Void)? = nil
  ) -> Bool {
    var options = options
    options.statements = dryRun || onChange != nil
    let outcome = Importer.run(paths, into: plan, options: options)
    guard outcome.diagnostics.isEmpty else {
      for d in outcome.diagnostics { report(d) }
      noteFailure(.command)
      return false
    }
    if dryRun {
      output.write(outcome.statements.map { $0 + "\n" }.joined())
      output.write(text(outcome.summary(dryRun: true)) + "\n")
      return true
    }
    if !outcome.changes.isEmpty {
      commit(outcome.plan, changes: outcome.changes, statements: outcome.statements)  // empty without a journal
    }
    notice(outcome.summary(dryRun: false))
    done?(outcome.summary(dryRun: false))
    return true
  }
}
