import FoundationEssentials
import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

/// How a failure counts for the exit status (SPEC §1).
package enum Failure: Int, Sendable, Comparable {
  /// A command failed, or validation found errors: status 1.
  case command = 1
  /// Missing or unreadable file, unsupported plan-file version: status 2.
  case usage = 2

  package static func < (a: Failure, b: Failure) -> Bool { a.rawValue < b.rawValue }
}

/// The state of one cplan session: the plan, its file, undo and redo, the unsaved-changes flag,
/// and the execution of commands (SPEC §3, §5). A `final class` because it is stateful; the
/// plan itself is a value, so undo keeps earlier values.
package final class Session {
  package struct Settings: Sendable {
    package var language: MessageLanguage = .en
    package var color = false
    /// Interactive: confirmations for quit/load/new, confirmations printed, no stop on failure.
    package var interactive = false
    package var keepGoing = false
    package var quiet = false
    package init() {}
  }

  package private(set) var plan = Plan() {
    // Counted so that a change not reported to `validation` is noticed (it then starts afresh).
    didSet { planMutations &+= 1 }
  }
  /// How many times the plan was changed.
  private var planMutations = 0
  /// ``planMutations``, for the extensions that compare findings across an edit.
  var planMutationCount: Int { planMutations }
  /// The findings of the plan at a mutation, kept for the next edit's comparison
  /// (``reportNewFindings(since:)``).
  var findingMemo: (mutation: Int, snapshot: FindingSnapshot)?
  /// The validation results kept between edits: `validate` re-checks what changed.
  let validation = ValidationCache()
  /// The plan file this plan came from or was last saved to.
  package private(set) var file: String?
  /// The plan file as it was when last loaded or saved (the stamp of the descriptor read or
  /// written), or as `save merge` last found it on disk.
  private(set) var fileStamp: FileStamp?
  /// The plan as its file held it when last loaded or saved (or as `save merge` last found it on
  /// disk): the base of `save merge`'s three-way merge, and what the file on disk is compared
  /// with to tell an edit of its content from a mere new time stamp. A value: it shares its
  /// tables with the session's plan until an edit changes one.
  private(set) var savedPlan: Plan?
  package var settings: Settings
  package let sources = SourceStore()
  package let output: OutputSink
  /// Receives each successful change (its source text), for the shell's journal.
  package var onChange: ((String) -> Void)?
  /// Called after a save or a confirmed quit, when the journal may be cleared.
  package var onSaved: (() -> Void)?
  /// Performs `recover` (set by the interactive shell, which owns the journal).
  package var journalRecoverer: ((Command) -> Bool)?
  /// The journal `recover` replayed while its work is not saved (set by the journal): quit, load
  /// and new ask before discarding it, even when the plan is as saved (issue 17 item 14).
  package var unsavedRecovery: (() -> String?)?
  /// Called when discarding unsaved work was confirmed (quit, load, new, recover repeated).
  package var onDiscardConfirmed: (() -> Void)?

  private var version = 0
  private var nextVersion = 1
  private var savedVersion = 0
  /// The version each file was last loaded or saved at, with its stamp then: `undo` back to a
  /// plan as it was loaded from another file finds it clean again.
  private var savedByFile: [String: (version: Int, stamp: FileStamp?, plan: Plan?)] = [:]
  /// An undo or redo step; `command` made it (its text is the notice of `undo` and `redo`).
  private typealias Step = (change: PlanChange, version: Int, file: String?, command: Command?)
  private var undoStack: [Step] = []
  private var redoStack: [Step] = []
  /// The command being executed, outside `undo`/`redo` (the one a new undo step records).
  private var stepCommand: Command?
  /// Changes collected while edits are grouped into one undo step (inside `run`), innermost last.
  private var groupBuffers: [[PlanChange]] = []
  /// What `undo` inside a script undid, for `redo` there (parallel to ``groupBuffers``).
  private var groupRedo: [[PlanChange]] = []
  /// The scripts being run, outermost first (cycle detection).
  private var runChain: [String] = []
  /// The verb whose confirmation is pending (quit/load/new with unsaved changes).
  private var pendingConfirmation: String?
  /// Set when `quit`/`exit` was accepted.
  package internal(set) var quitRequested = false
  /// The worst failure so far.
  package private(set) var worstFailure: Failure?

  package init(settings: Settings = Settings(), output: OutputSink) {
    self.settings = settings
    self.output = output
  }

  /// Whether the plan has changes not yet saved.
  package var isDirty: Bool { version != savedVersion }

  /// The base name of the plan file without extension (`jilin-2025-2030`), for the prompt.
  package var fileBaseName: String? {
    guard let file else { return nil }
    return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
  }

  package var renderer: DiagnosticRenderer {
    DiagnosticRenderer(language: settings.language, color: settings.color, sources: sources)
  }

  // MARK: Reporting

  package func report(_ diagnostic: Diagnostic) {
    // What a command stopped by Ctrl-C found on its way out is moot: the stop is reported.
    guard !isInterrupted else { return }
    output.writeError(renderer.render(diagnostic))
  }

  func fail(_ diagnostic: Diagnostic, as failure: Failure = .command) -> Bool {
    report(diagnostic)
    noteFailure(failure)
    return false
  }

  func noteFailure(_ failure: Failure) {
    worstFailure = max(worstFailure ?? failure, failure)
  }

  /// A notice from the shell's catalogs (``ShellText``, ``CommandText``) for a person at the
  /// terminal (stderr; only interactively, not with `--quiet`).
  func notice(_ text: LocalizedText) {
    guard settings.interactive, !settings.quiet, !isInterrupted else { return }
    output.writeError(text.text(settings.language) + "\n")
  }

  /// A one-line confirmation that a file was written (`saved PATH`), on stderr, in a script too
  /// (not with `--quiet`): a script that saves says so, as the shell does (the newcomer's
  /// `save gd.plan` in a piped script printed nothing). Standard output stays the data's.
  func confirm(_ text: LocalizedText) {
    guard !settings.quiet else { return }
    output.writeError(text.text(settings.language) + "\n")
  }

  func text(_ text: LocalizedText) -> String { text.text(settings.language) }

  // MARK: Executing sources

  /// Executes every command of a source (a script, piped input, one shell entry).
  ///
  /// Commands and syntax errors are taken in line order; the first failure stops the source
  /// unless the session is interactive or `keepGoing` is set (SPEC §1 script mode).
  /// - Returns: whether every command succeeded.
  @discardableResult
  package func execute(bytes: [UInt8], file: String, registerSource: Bool = true) -> Bool {
    if registerSource { sources.register(file: file, bytes: bytes) }
    let parsed = Parser.parse(bytes, file: file)
    return execute(parsed)
  }

  @discardableResult
  package func execute(_ text: String, file: String) -> Bool {
    execute(bytes: Array(text.utf8), file: file)
  }

  /// Executes a parse result: commands and syntax errors merged in line order.
  @discardableResult
  package func execute(_ parsed: ParseResult) -> Bool {
    var ok = true
    var errors = parsed.diagnostics[...]
    let stopOnFailure = !settings.keepGoing && (!settings.interactive || !runChain.isEmpty)
    for command in parsed.commands {
      while let d = errors.first, d.location.map({ $0.line <= command.location.line }) ?? true {
        errors = errors.dropFirst()
        _ = fail(d)
        ok = false
        if stopOnFailure { return false }
      }
      if quitRequested { return ok }
      if !execute(command) {
        ok = false
        if stopOnFailure { return false }
      }
      if quitRequested { return ok }
      // Ctrl-C: the rest of the entry (or of the script `run` runs) does not run.
      if isInterrupted { return false }
    }
    for d in errors {
      _ = fail(d)
      ok = false
      if stopOnFailure { return false }
    }
    return ok
  }

  /// Executes one command. Returns whether it succeeded.
  @discardableResult
  package func execute(_ command: Command) -> Bool {
    if command.verb != .quit && command.verb != .exit && command.verb != .load && command.verb != .new
      && command.verb != .recover
    {
      pendingConfirmation = nil
    }
    if command.verb != .undo && command.verb != .redo { stepCommand = command }
    let steps = undoStack.count
    let grammar = ShellCommand.of(command.verb)
    let ok: Bool
    if grammar.isStatement {
      ok = grammar.perform(self, command, CommandArguments())
    } else {
      switch grammar.parse(command) {
      case .success(let arguments): ok = grammar.perform(self, command, arguments)
      case .failure(let diagnostic): ok = fail(diagnostic)
      }
    }
    guard isInterrupted, runChain.isEmpty else { return ok }
    return interrupted(since: steps)
  }

  // MARK: Ctrl-C

  /// Whether Ctrl-C was pressed in the interactive shell since the entry began
  /// (``Interruption``; issue 18 item 12). The long loops then end early; this session reports
  /// nothing of what the stopped command found, prints none of its output, and takes back what
  /// it committed (``interrupted(since:)``).
  var isInterrupted: Bool { settings.interactive && Interruption.isRequested }

  /// Ends a command stopped by Ctrl-C, for every command alike: the undo steps it added (an
  /// `import`, the commands of a `run` that ran) are taken back as `undo` takes them back, and
  /// journalled as `undo`, so that the plan and its journal are as they were before it; then
  /// one message says so. A `load` or `import` stopped before its end commits nothing (the
  /// loader throws ``PlanLoadError/interrupted``; the importer reports the stop), an `export`
  /// does not put its file in place (``FileIO``), and printed output stops (``OutputSink``).
  /// - Parameter steps: the number of undo steps before the command.
  /// - Returns: `false` (the command failed).
  private func interrupted(since steps: Int) -> Bool {
    while undoStack.count > steps, let step = undoStack.popLast() {
      let inverse = plan.revert(step.change)
      validation.note(inverse, in: plan, mutation: planMutations)
      version = step.version
      switchFile(to: step.file)
      onChange?("undo")
    }
    output.writeError(renderer.render(.error(.interrupted(), at: nil)))
    noteFailure(.command)
    return false
  }

  // MARK: Edits and undo

  func edit(_ command: Command) -> Bool {
    let change: PlanChange
    let cascade = command.verb == .remove && command.arguments.last?.isKeyword("cascade") == true
    let countsBefore = cascade ? plan.tables.map(\.count) : []
    let weighting = plan.weighting
    do {
      change = try plan.apply(command)  // atomic: a failed command changes nothing
    } catch {
      return fail(error)
    }
    if cascade { reportCascade(before: countsBefore) }
    validation.note(change, in: plan, mutation: planMutations)
    if command.verb == .set, change.changesNothing(in: plan) {
      // A value set to what it already was: no undo step, nothing unsaved, nothing journalled
      // (issue 17 item 4); the statement's place is put back as it was.
      validation.note(plan.revert(change), in: plan, mutation: planMutations)
      return true
    }
    record(change)
    onChange?(sourceText(of: command))
    if plan.weighting != weighting { noteIgnoredWeights() }
    return true
  }

  /// Makes a change that is not a statement of the plan file (`comment`) as an edit is made:
  /// noted for validation, one undo step, journalled as `command`'s text.
  func change(journalling command: Command, _ make: (inout Plan) -> PlanChange) {
    let change = make(&plan)
    validation.note(change, in: plan, mutation: planMutations)
    record(change)
    onChange?(sourceText(of: command))
  }

  /// Says what a `remove … cascade` took with it (interactively), as psql's DROP … CASCADE does.
  private func reportCascade(before: [Int]) {
    var parts: [(en: String, zh: String)] = []
    for kind in Kind.allCases {
      let gone = before[kind.index] - plan[kind].count
      if gone > 0 { parts.append((EnglishCount.count(gone, kind.rawValue), "\(gone) 个\(kind.chineseName)")) }
    }
    guard !parts.isEmpty else { return }
    notice(CommandText.removed(parts))
  }

  /// Makes `next` the current plan as one undoable step (or part of the enclosing group).
  func commit(_ next: Plan, file newFile: String?? = nil) {
    let old = plan
    plan = next
    validation.note(.whole(old), in: plan, mutation: planMutations)
    record(.whole(old))
    if let newFile { file = newFile }
  }

  /// Makes `next` — the current plan after `changes` — the current plan as one undoable step (or
  /// part of the enclosing group), and gives the journal each change as its statement (`import`).
  func commit(_ next: Plan, changes: [PlanChange], statements: [String]) {
    plan = next
    let change = PlanChange.group(changes)
    validation.note(change, in: plan, mutation: planMutations)
    record(change)
    for statement in statements { onChange?(statement) }
  }

  /// From now on, validates the plan in full on another thread after a load, or after an edit
  /// that leaves nothing to reuse (a phase, most settings), starting with the plan as it is: at
  /// the prompt, `validate` then finds the work done.
  package func validateInBackground() {
    validation.preparesInBackground = true
    validation.prepare(plan, mutation: planMutations, early: earlyValidation)
    earlyValidation = nil
  }

  /// Every validation finding for the current plan (``Engine/validate(_:strict:)``), re-checking
  /// only what changed since the last `validate` (``ValidationCache``).
  package func validateCurrentPlan(strict: Bool = false) -> [Diagnostic] {
    validation.validate(plan, mutation: planMutations, strict: strict)
  }

  /// Records a change already made to the plan as one undoable step (or part of the enclosing group).
  func record(_ change: PlanChange) {
    if groupBuffers.isEmpty {
      undoStack.append((change, version, file, stepCommand))
      redoStack.removeAll()
    } else {
      groupBuffers[groupBuffers.count - 1].append(change)
      groupRedo[groupRedo.count - 1].removeAll()
    }
    version = nextVersion
    nextVersion += 1
  }

  /// The source line(s) of a command, for the journal: its line and the lines it continues on
  /// (after a trailing `\` or inside an open string).
  func sourceText(of command: Command) -> String {
    let loc = command.location
    guard var text = sources.line(loc.line, of: loc.file) else { return command.verb.rawValue }
    var line = loc.line
    while Parser.parse(text, file: loc.file, allowIncomplete: true).incomplete,
      let next = sources.line(line + 1, of: loc.file)
    {
      line += 1
      text += "\n" + next
    }
    return text
  }

  func undo(_ command: Command) -> Bool {
    if !groupBuffers.isEmpty { return undoInScript(command) }
    guard let step = undoStack.popLast() else { return fail(.error(.nothingTo("undo"), at: command.verbToken)) }
    let inverse = plan.revert(step.change)
    validation.note(inverse, in: plan, mutation: planMutations)
    redoStack.append((inverse, version, file, step.command))
    version = step.version
    switchFile(to: step.file)
    onChange?("undo")
    noticeStep(step, CommandText.undone)
    return true
  }

  func redo(_ command: Command) -> Bool {
    if !groupBuffers.isEmpty { return undoInScript(command, redo: true) }
    guard let step = redoStack.popLast() else { return fail(.error(.nothingTo("redo"), at: command.verbToken)) }
    let inverse = plan.revert(step.change)
    validation.note(inverse, in: plan, mutation: planMutations)
    undoStack.append((inverse, version, file, step.command))
    version = step.version
    switchFile(to: step.file)
    onChange?("redo")
    noticeStep(step, CommandText.redone)
    return true
  }

  /// Replays one undo step of a journal (`recover`): its changes as one step, named by its first
  /// command. The changes are lines `line`, `line + 1`, … of `source` (`<recovered>`), in the
  /// order they were recorded, so that a finding points at the recovered command as it was
  /// typed (`<recovered>:3:17`, with its text and a caret; issue 17 item 15), and `undo` quotes
  /// the step's own text.
  /// - Parameter line: the line of the first change; on return, the line after the last.
  package func replayStep(_ changes: [String], source: String, line: inout Int) -> Bool {
    var parsed: [ParseResult] = []
    for change in changes {
      let lines = change.split(separator: "\n", omittingEmptySubsequences: false)
      for (j, text) in lines.enumerated() { sources.register(file: source, line: line + j, text: String(text)) }
      parsed.append(Parser.parse(String(repeating: "\n", count: line - 1) + change, file: source))
      line += lines.count
    }
    let label = parsed.first?.commands.first
    return grouped(label: .some(label)) {
      var all = true
      for var p in parsed {
        // A journal is data (issue 18 item 8): only changes run from it, never an action.
        for command in p.commands where !command.verb.isEdit {
          _ = fail(.error(.actionInJournal(command.verb.rawValue), at: command.verbToken))
          all = false
        }
        p.commands.removeAll { !$0.verb.isEdit }
        if !execute(p) { all = false }
      }
      return all
    }
  }

  /// Makes `newFile` the plan's file again (after an undo or redo across a `load`), with the
  /// version and stamp it was loaded or saved at.
  private func switchFile(to newFile: String?) {
    guard newFile != file else { return }
    file = newFile
    if let newFile, let saved = savedByFile[newFile] { (savedVersion, fileStamp, savedPlan) = saved }
  }

  /// `undo` or `redo` inside a script (`run`): it undoes the script's own last change (or redoes
  /// what such an undo undid) — never a command from before the script, which would pull the
  /// plan out from under the changes the script's step records. Nothing left in the script: E116.
  private func undoInScript(_ command: Command, redo: Bool = false) -> Bool {
    let g = groupBuffers.count - 1
    let popped = redo ? groupRedo[g].popLast() : groupBuffers[g].popLast()
    guard let change = popped else {
      return fail(.error(.nothingTo(redo ? "redo" : "undo"), at: command.verbToken))
    }
    let inverse = plan.revert(change)
    validation.note(inverse, in: plan, mutation: planMutations)
    if redo { groupBuffers[g].append(inverse) } else { groupRedo[g].append(inverse) }
    version = nextVersion
    nextVersion += 1
    // The journal cannot replay an undo inside a step: it keeps the state the entry ends in.
    onChange?(Journal.snapshotMarker)
    return true
  }

  /// `undone: add field F9 "x"`: the command of the step, its lines joined, at the terminal.
  private func noticeStep(_ step: Step, _ done: LocalizedText) {
    guard settings.interactive, !settings.quiet, let command = step.command else { return }
    let text = sourceText(of: command).split(whereSeparator: \.isNewline).joined(separator: " ")
    notice(CommandText.step(done, text))
  }

  /// Runs `body` with every change it makes grouped into one undo step.
  /// - Parameter label: the command `undo` and `redo` name the step by (default: the command
  ///   being executed, such as the `run`).
  func grouped(label: Command?? = nil, _ body: () -> Bool) -> Bool {
    let versionBefore = version
    let fileBefore = file
    let command = label ?? stepCommand
    groupBuffers.append([])
    groupRedo.append([])
    let ok = body()
    let changes = groupBuffers.removeLast()
    groupRedo.removeLast()
    if !changes.isEmpty {
      let change = PlanChange.group(changes)
      if groupBuffers.isEmpty {
        undoStack.append((change, versionBefore, fileBefore, command))
        redoStack.removeAll()
      } else {
        groupBuffers[groupBuffers.count - 1].append(change)
      }
    }
    return ok
  }

  /// Asks for confirmation of a destructive verb when there are unsaved changes, or recovered
  /// work not saved (interactive only).
  func confirmed(_ verb: String, at token: Token) -> Bool {
    let recovered = unsavedRecovery?()
    guard settings.interactive, isDirty || recovered != nil else { return true }
    let question =
      isDirty || recovered == nil
      ? Message.unsavedChanges(verb).text.text(settings.language)
      : text(ShellText.recoveredNotSaved(verb, journal: recovered ?? ""))
    return confirmedAlways(verb, question: question)
  }

  /// Asks once (interactively): the first time prints `question` and refuses, the same verb
  /// right after confirms. A question, not an error: no source line, no caret.
  func confirmedAlways(_ verb: String, question: String) -> Bool {
    guard settings.interactive else { return true }
    if pendingConfirmation == verb {
      pendingConfirmation = nil
      onDiscardConfirmed?()
      return true
    }
    pendingConfirmation = verb
    output.writeError(question + "\n")
    return false
  }

  /// The plan's version now (changes with every edit, undo and redo).
  var currentVersion: Int { version }

  /// Whether the plan is `version`, or came from it by the steps `undo` can take back: the
  /// state of that version is part of the plan now.
  func holdsVersion(_ v: Int) -> Bool {
    version == v || undoStack.contains { $0.version == v }
  }

  // MARK: Files

  /// Marks the current plan, empty and without a file after `new`, as having nothing to save.
  func markNothingToSave() {
    savedVersion = version
  }

  /// Marks the current plan as saved to / loaded from `path`.
  /// - Parameter stamp: the stamp of the descriptor that was read or written (by path when not given).
  func markSaved(path: String, stamp: FileStamp? = nil) {
    file = path
    fileStamp = stamp ?? FileIO.stamp(path)
    savedPlan = plan
    savedVersion = version
    savedByFile[path] = (version, fileStamp, plan)
    onSaved?()
  }

  /// Locates every entity (and the plan's settings) at the line of the file just saved to
  /// `path` that holds its statement, so that findings and `show`'s "defined at" name lines a
  /// person can open, not `<shell>` input or journal steps (issue 17 item 15). Not an edit: no
  /// undo step; validation starts afresh (in the background in the shell), as after a load.
  /// - Complexity: O(statements).
  func relocate(to path: String, lines: [PlanWriter.StatementLine]) {
    let old = plan
    var next = plan
    var moved = false
    for l in lines {
      let location = SourceLocation(file: path, line: l.line, column: 1)
      if let kind = l.kind, let key = l.key {
        guard let i = next[kind].index(forKey: key), next[kind].values[i].location != location else { continue }
        next[kind].values[i].location = location
        moved = true
      } else {
        for i in next.settingLocations.indices where next.settingLocations[i].map({ $0 != location }) ?? false {
          next.settingLocations[i] = location
          moved = true
        }
      }
    }
    guard moved else { return }
    plan = next
    validation.note(.whole(old), in: plan, mutation: planMutations)
  }

  /// Takes `disk`, the plan the file on disk holds now (stamped `stamp`), as the base of the next
  /// save without saving (`save merge` with conflicts): the next `save` writes the session's plan.
  func rebase(on disk: Plan, stamp: FileStamp) {
    savedPlan = disk
    fileStamp = stamp
    if let file { savedByFile[file] = (savedVersion, stamp, disk) }
  }

  /// Whether `path` is this plan's own file: the path it was loaded from or saved to (after
  /// symlinks, however spelled), or another name of that file (a hard link). A file another
  /// session saved there since is still this plan's own file, changed on disk (``Session/save``).
  func isOwnFile(_ path: String) -> Bool {
    if let file, Session.location(path) == Session.location(file) { return true }
    guard let own = fileStamp, let identity = FileIO.identity(path) else { return false }
    return identity == own.identity
  }

  /// The absolute, standardized path a write to `path` goes to.
  private static func location(_ path: String) -> String {
    URL(fileURLWithPath: FileIO.writeTarget(path)).standardizedFileURL.path
  }

  /// Whether writing to `path` would replace a file that is not this plan's own.
  func isForeignFile(_ path: String) -> Bool {
    FileIO.exists(path) && !isOwnFile(path)
  }

  /// Replaces the plan with one loaded from a file (one undo step).
  /// - Parameter stamp: the stamp of the descriptor the plan was read from.
  func replacePlan(_ newPlan: Plan, file path: String?, stamp: FileStamp? = nil) {
    let old = plan
    plan = newPlan
    validation.note(.whole(old), in: plan, mutation: planMutations)
    record(.whole(old))
    file = path
    if let path {
      markSaved(path: path, stamp: stamp)
    } else {
      fileStamp = nil
      savedPlan = nil
    }
  }

  /// What was validated while the plan given on the command line was loaded (``EarlyValidation``),
  /// until ``validateInBackground()`` takes it.
  private var earlyValidation: EarlyValidation?

  /// Loads the plan file given on the command line, before the session starts.
  /// - Parameter validatingEarly: starts validating it while it loads, table by table, on
  ///   another thread, for ``validateInBackground()`` to finish (the interactive shell).
  /// - Returns: `nil` on success, else the failure class.
  package func loadInitial(path: String, validatingEarly: Bool = false) -> Failure? {
    do {
      let early = validatingEarly ? EarlyValidation() : nil
      var stamp: FileStamp?
      let loaded = try PlanLoader.load(path: path, sources: sources, observer: early, stamp: &stamp)
      earlyValidation = early
      plan = loaded
      markSaved(path: path, stamp: stamp)
      undoStack.removeAll()
      return nil
    } catch {
      for d in error.diagnostics { report(d) }
      let failure: Failure
      if case .unusable = error { failure = .usage } else { failure = .command }
      noteFailure(failure)
      return failure
    }
  }

  /// Replaces the whole session state (for `recover`, tests).
  package func resetPlan(_ newPlan: Plan) {
    plan = newPlan
  }

  // MARK: Run

  /// Executes a script file (`run PATH`, `cplan run`): its errors name that file; a relative
  /// path inside it is taken from its folder; a cycle is an error that names the chain.
  @discardableResult
  package func runScript(path: String, at token: Token?) -> Bool {
    let resolved: String
    if path == "-" {
      resolved = "-"
    } else if path.hasPrefix("/") || runChain.isEmpty {
      resolved = path
    } else {
      let folder = URL(fileURLWithPath: runChain.last!).deletingLastPathComponent().path
      resolved = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder + "/")).path
    }
    let canonical =
      resolved == "-" ? "-" : URL(fileURLWithPath: resolved).standardizedFileURL.resolvingSymlinksInPath().path
    if runChain.contains(canonical) {
      let names = (runChain + [canonical]).map { displayPath($0) }
      return fail(.error(.runCycle(names), at: token?.location, length: token?.length ?? 1))
    }
    let bytes: [UInt8]
    do {
      bytes = resolved == "-" ? try FileIO.read(fd: 0) : try FileIO.read(resolved)
    } catch {
      return fail(
        .error(.cannotRead(resolved, reason: error.reason), at: token?.location, length: token?.length ?? 1),
        as: token == nil ? .usage : .command)
    }
    let name = resolved == "-" ? "<stdin>" : resolved
    runChain.append(canonical)
    defer { runChain.removeLast() }
    let countsBefore = plan.tables.map(\.count)
    var changes = 0
    let ok = grouped {
      let first = nextVersion
      defer { changes = nextVersion - first }
      return execute(bytes: bytes, file: name)
    }
    // At the prompt, one line says what ran and what it changed (issue 17 item 20).
    if runChain.count == 1 {
      let counts = Kind.allCases.map { ($0, plan[$0].count - countsBefore[$0.index]) }.filter { $0.1 != 0 }
      notice(CommandText.ran(displayPath(name), changes: changes, counts: counts))
    }
    return ok
  }

  private func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }
}
