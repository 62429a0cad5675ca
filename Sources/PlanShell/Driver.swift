import CEditLine
import FoundationEssentials
import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

#if canImport(Glibc)
  import Glibc
#endif

/// Options shared by every subcommand (SPEC §1).
package struct CommonSettings: Sendable {
  package var commands: [String] = []
  package var interactive = false
  /// `--lang`; `nil`: from the environment (``MessageLanguage/resolve(option:environment:)``).
  package var language: MessageLanguage?
  package var color = ColorChoice.auto
  package var quiet = false
  package init() {}
}

/// What the `cplan` subcommands do; the executable only parses options and calls these.
/// Each returns the process exit status (SPEC §1: 0 success, 1 failure, 2 usage).
package enum Driver {
  /// Prepares the process: a UTF-8 `LC_CTYPE` (SPEC §10), so that width and editing do not
  /// depend on the locale.
  package static func prepareProcess() {
    DisplayWidth.ensureUTF8Locale()
    signal(SIGPIPE, SIG_IGN)
  }

  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The width for text exports when none is given: the terminal's when standard output is
  /// one, else `nil` (the exporter's 100 columns).
  package static func terminalWidth() -> Int? {
    guard isatty(1) == 1 else { return nil }
    let columns = Int(cplan_terminal_columns(1))
    return columns >= 20 ? columns : nil
  }

  package static func language(_ common: CommonSettings) -> MessageLanguage {
    MessageLanguage.resolve(option: common.language, environment: environment)
  }

  /// The language with the plan's `language` setting taken into account (SPEC §15: `--lang`,
  /// else `CPLAN_LANG`, else the plan's, else the locale).
  package static func language(_ common: CommonSettings, plans: [PlanModel.Plan]) -> MessageLanguage {
    let setting = plans.lazy.compactMap { $0.settings[Attr.Plan.language]?.choice }.first
    return MessageLanguage.resolve(
      option: common.language, environment: environment, plan: setting.flatMap(MessageLanguage.init(rawValue:)))
  }

  /// A one-shot command's session speaks the language of the plan it loaded when neither
  /// `--lang` nor `CPLAN_LANG` says otherwise.
  static func adoptLanguage(of plans: [PlanModel.Plan], _ session: Session, _ common: CommonSettings) {
    session.settings.language = language(common, plans: plans)
  }

  /// Whether to colour output written to `fd`: only a terminal, never with `NO_COLOR` or `--color never`.
  package static func useColor(_ common: CommonSettings, fd: Int32) -> Bool {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    switch common.color {
    case .always: return true
    case .never: return false
    case .auto: return isatty(fd) == 1
    }
  }

  static func makeSession(_ common: CommonSettings, output: OutputSink = StandardOutput()) -> Session {
    var settings = Session.Settings()
    settings.language = language(common)
    settings.color = useColor(common, fd: 2)
    StandardOutput.coloured.err = settings.color
    settings.quiet = common.quiet
    return Session(settings: settings, output: output)
  }

  static func exitStatus(_ session: Session) -> Int32 {
    keepUntilExit(session.plan)
    return Int32(session.worstFailure?.rawValue ?? 0)
  }

  /// What a one-shot command keeps until the process ends: freeing a loaded plan entity by
  /// entity (≈ 40 ms for 10,000 consortia) is work the exit does at once. Reachable, so leak
  /// checkers do not report it. Plans only, not sessions: an undo record holds its boxed payload
  /// through a pointer carrying the enum's case in its spare bits, which LeakSanitizer does not
  /// recognise as a pointer, so a session kept to the end is reported as leaking them.
  nonisolated(unsafe) private static var keptUntilExit: [Any] = []

  static func keepUntilExit(_ value: Any) { keptUntilExit.append(value) }

  // MARK: shell

  /// `cplan [shell] [PLAN]`: the interactive shell on a terminal, else standard input as a script.
  package static func shell(plan: String?, common: CommonSettings) -> Int32 {
    // The shell reads and writes UTF-8: under a GBK (or another non-UTF-8 multibyte) locale it
    // does not start, and says what to set, in the terminal's encoding (issue 18 item 10).
    if isatty(0) == 1, common.commands.isEmpty || common.interactive,
      let found = TerminalEncoding.nonUTF8Multibyte(environment: environment)
    {
      let text = ShellText.nonUTF8Locale(found.locale, codeset: found.codeset)
      let shown = TerminalEncoding.encode(text.text(language(common)) + "\n", as: found.codeset)
      (shown ?? Array((text.en + "\n").utf8)).withUnsafeBytes { _ = StandardOutput.write($0, to: 2) }
      return 2
    }
    let session = makeSession(common)
    // On a terminal the loaded plan is validated at once (``Session/validateInBackground()``):
    // that starts while it loads.
    let interactive = isatty(0) == 1 && (common.commands.isEmpty || common.interactive)
    if let plan, let failure = session.loadInitial(path: plan, validatingEarly: interactive) {
      return Int32(failure.rawValue)
    }
    if interactive, !common.commands.isEmpty {
      // `-c … -i`: the shell (and its journal) first, so the commands' changes are journaled.
      let shell = InteractiveShell(session: session, common: common)
      _ = shell.executeCommandLine(common.commands)
      if session.quitRequested { return exitStatus(session) }
      session.settings.interactive = true
      session.validateInBackground()
      return shell.run()
    }
    if !common.commands.isEmpty {
      for (i, text) in common.commands.enumerated() {
        let ok = session.execute(
          bytes: Array(text.utf8), file: ShellText.commandSource(i + 1).text(session.settings.language))
        if !ok || session.quitRequested { break }
      }
      if !common.interactive || session.quitRequested { return exitStatus(session) }
    }
    if isatty(0) == 1 {
      session.settings.interactive = true
      session.validateInBackground()
      return InteractiveShell(session: session, common: common).run()
    }
    let input: [UInt8]
    do {
      input = try FileIO.read(fd: 0)
    } catch {
      _ = session.fail(.error(.cannotRead("<stdin>", reason: error.reason), at: nil), as: .usage)
      return exitStatus(session)
    }
    session.execute(bytes: input, file: "<stdin>")
    return exitStatus(session)
  }

  // MARK: run

  /// `cplan run SCRIPT... [--keep-going]`.
  package static func run(scripts: [String], plan: String? = nil, keepGoing: Bool, common: CommonSettings) -> Int32 {
    let session = makeSession(common)
    session.settings.keepGoing = keepGoing
    if let plan, let failure = session.loadInitial(path: plan) { return Int32(failure.rawValue) }
    for script in scripts {
      let ok = session.runScript(path: script, at: nil)
      if session.quitRequested || (!ok && !keepGoing) { break }
    }
    return exitStatus(session)
  }

  // MARK: check

  /// `cplan check PLAN... [--strict] [--format text|json]`.
  package static func check(plans: [String], strict: Bool, json: Bool, common: CommonSettings) -> Int32 {
    let sources = SourceStore()
    let colour = useColor(common, fd: 1)
    StandardOutput.coloured.out = colour
    var loaded: [PlanModel.Plan] = []
    var diagnostics: [Diagnostic] = []
    var status: Int32 = 0
    // Each file's errors and warnings, for the line per file above the summary (issue 17 item 20).
    var perFile: [(path: String, errors: Int, warnings: Int)] = []
    for path in plans {
      let before = diagnostics.count
      defer {
        let own = diagnostics[before...]
        perFile.append((path, own.count { $0.severity == .error }, own.count { $0.severity == .warning }))
      }
      do {
        // Validation of a large plan starts while it loads, table by table, on the second core.
        let early = PlanLoader.isLarge(path) ? EarlyValidation() : nil
        let plan = try PlanLoader.load(path: path, sources: sources, observer: early)
        diagnostics +=
          early.map { Engine.validate(plan, strict: strict, early: $0) } ?? Engine.validate(plan, strict: strict)
        keepUntilExit(plan)
        if loaded.isEmpty, plan.settings[Attr.Plan.language] != nil { loaded.append(plan) }
      } catch {
        diagnostics += error.diagnostics
        if case .unusable = error { status = 2 }
      }
    }
    diagnostics.sort(by: Diagnostic.sortKey)
    // The first plan's language setting, when neither --lang nor CPLAN_LANG is given (SPEC §15).
    let lang = language(common, plans: loaded)
    let renderer = DiagnosticRenderer(language: lang, color: colour, sources: sources)
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    if json {
      StandardOutput.write(
        JSONReport.check(diagnostics, errors: errors, warnings: warnings, language: lang) + "\n", to: 1)
    } else {
      var out = ""
      for d in diagnostics { out += renderer.render(d) }
      if perFile.count > 1 {
        for file in perFile {
          out += file.path + ": " + renderer.summary(errors: file.errors, warnings: file.warnings) + "\n"
        }
      }
      out += renderer.summary(errors: errors, warnings: warnings) + "\n"
      StandardOutput.write(out, to: 1)
    }
    if status != 0 { return status }
    return errors > 0 ? 1 : 0
  }

  // MARK: fmt

  /// `cplan fmt PLAN... [--check | --stdout]`: rewrites plan files in canonical form.
  ///
  /// A file being rewritten is locked (``PlanFileLock``) from reading to the rename, as a save
  /// locks it, and checked once more before the rename: a save made meanwhile is never lost —
  /// fmt then writes nothing and says so (status 1; issue 18 item 1).
  ///
  /// With `toStandardOutput` (`--stdout`), prints each file's canonical form instead, and a file
  /// that does not load as it is, after its diagnostics, with status 0: what `git diff` shows of
  /// a version (git's `textconv`, which must not fail), loadable or not.
  package static func fmt(plans: [String], check: Bool, toStandardOutput: Bool = false, common: CommonSettings)
    -> Int32
  {
    let session = makeSession(common)
    var status: Int32 = 0
    for path in plans {
      var original: [UInt8] = []
      let plan: Plan
      var lock: PlanFileLock?
      if !check && !toStandardOutput {
        do {
          lock = try PlanFileLock.acquire(FileIO.writeTarget(path))
        } catch {
          session.report(.error(.cannotWrite(path, reason: error.reason), at: nil))
          status = max(status, 1)
          continue
        }
      }
      do {
        original = try lock?.read() ?? FileIO.read(path)
        plan = try PlanLoader.load(bytes: original, file: path)
      } catch let error as PlanLoadError {
        session.sources.register(file: path, bytes: original)
        for d in error.diagnostics { session.report(d) }
        if toStandardOutput {
          original.withUnsafeBytes { _ = StandardOutput.write($0, to: 1) }
          continue
        }
        if case .unusable = error { status = 2 } else { status = max(status, 1) }
        continue
      } catch let error as FileError {
        session.report(.error(.cannotRead(path, reason: error.reason), at: nil))
        status = 2
        continue
      } catch {
        continue
      }
      if toStandardOutput {
        PlanWriter.write(plan) { StandardOutput.write($0, to: 1) }
        continue
      }
      let canonical = Array(PlanWriter.write(plan).utf8)
      if canonical == original { continue }
      if check {
        StandardOutput.write(path + "\n", to: 1)
        status = max(status, 1)
        continue
      }
      do {
        try FileIO.writeAtomically(
          canonical, to: FileIO.writeTarget(path), unchanged: lock.map { lock in { lock.isCurrent() } })
      } catch {
        let when = FileIO.stamp(path)?.modifiedText ?? "?"
        session.report(
          .error(
            error.isConflict ? .changedWhileFormatting(path, when: when) : .cannotWrite(path, reason: error.reason),
            at: nil))
        status = max(status, 1)
      }
      withExtendedLifetime(lock) {}
    }
    return status
  }

  // MARK: export

  /// `cplan export PLAN --format F [-o FILE] [--force] [--consortium K] [--append]`.
  /// - Parameter append: for `sqlite`, add the plan to the database at `output` (SPEC §13).
  package static func export(
    plan path: String, format: ExportFormat, output: String?, force: Bool, append: Bool = false,
    options: ExportOptions, robustness: RobustnessArguments? = nil, common: CommonSettings
  ) -> Int32 {
    let session = makeSession(common)
    var options = options
    if let robustness {
      // `--robustness [--samples N] [--spread P%] [--seed S]` (SPEC §12), checked before the plan
      // is read, as `rank` checks them.
      switch robustness.options.flatMap({ o in PlanRanking.check(o).map { o } }) {
      case .success(let o): options.robustness = o
      case .failure(let diagnostic):
        session.report(diagnostic)
        return 2
      }
    }
    if let failure = session.loadInitial(path: path) { return Int32(failure.rawValue) }
    keepUntilExit(session.plan)
    adoptLanguage(of: [session.plan], session, common)
    if options.width == nil { options.width = terminalWidth() }
    options.language = session.settings.language
    options.file = path
    let plan = session.plan
    if let id = options.consortium, !plan.contains(.consortium, EntityKey(id)) {
      session.report(.error(unknownConsortium(id, in: plan), at: nil))
      return 1
    }
    if format == .sqlite {
      guard let output, output != "-" else {
        session.report(.error(.exportNeedsFile(format.rawValue, option: "-o FILE"), at: nil))
        return 2
      }
      if !append, !force, FileIO.exists(output) {
        session.report(.error(.refuseOverwriteExport(output, option: "--force"), at: nil))
        return 1
      }
      do {
        try SQLiteExport.write(plan, to: output, append: append, options: options)
      } catch {
        session.report(.error(message(error), at: nil))
        return 1
      }
      return 0
    }
    if format.isBinary {
      guard let output, output != "-" else {
        session.report(.error(.exportNeedsFile(format.rawValue, option: "-o FILE"), at: nil))
        return 2
      }
      let bytes: [UInt8]
      do {
        bytes = try Exporter.binary(plan, format: format, options: options)
      } catch {
        session.report(.error(.cannotWrite(output, reason: error.reason), at: nil))
        return 1
      }
      return writeOutput(to: output, force: force, session: session) { _, sink in bytes.withUnsafeBytes(sink) }
    }
    guard let output, output != "-" else {
      // Streamed: each piece goes out as soon as it is made.
      // Escaped piece by piece (a sequence split between pieces is held back to the next).
      var escaper = ControlEscaper()
      Exporter.write(plan, format: format, options: options) {
        escaper.feed($0) { StandardOutput.write($0, to: 1) }
      }
      escaper.finish { StandardOutput.write($0, to: 1) }
      return 0
    }
    return writeOutput(to: output, force: force, session: session) { chunkSize, sink in
      Exporter.write(plan, format: format, options: options, chunkSize: chunkSize, to: sink)
    }
  }

  /// The error for `--consortium K` / `consortium K` naming no consortium of `plan`, with the
  /// nearest ID or name as a suggestion.
  package static func unknownConsortium(_ id: String, in plan: PlanModel.Plan) -> Message {
    let consortia = plan[.consortium].values
    let suggestion =
      Suggestion.nearest(id, in: consortia.map(\.id))
      ?? consortia.first { $0.name == id }?.id
    return .notFound(kind: "consortium", key: id, suggestion: suggestion)
  }

  /// The message of a failed database export.
  package static func message(_ error: DatabaseExportError) -> Message {
    switch error {
    case .notCplanDatabase(let path, let reason): .notACplanDatabase(path, reason: reason)
    case .newerDatabase(let path, let version):
      .newerDatabase(path, found: version, supported: Int(DatabaseLayout.version))
    case .cannotWrite(let path, let reason): .cannotWrite(path, reason: reason)
    }
  }

  /// Writes command-line output to `path` (``OutputFile/write(to:force:produce:)``) and reports a
  /// failure: status 0 or 1.
  /// - Parameter produce: makes the output and hands it to the sink, in pieces of about `chunkSize` bytes.
  static func writeOutput(
    to path: String, force: Bool, session: Session,
    produce: (_ chunkSize: Int, _ sink: (UnsafeRawBufferPointer) -> Void) -> Void
  ) -> Int32 {
    switch OutputFile.write(to: path, force: force, produce: produce) {
    case nil: return 0
    case .exists: session.report(.error(.refuseOverwriteExport(path, option: "--force"), at: nil))
    case .cannotWrite(let reason): session.report(.error(.cannotWrite(path, reason: reason), at: nil))
    }
    return 1
  }
}

extension Driver {
  /// `cplan rank PLAN [--method] [--sensitivity] [--format]`.
  /// `--robustness [--samples N] [--spread P%] [--seed S]` as given (SPEC §12).
  package struct RobustnessArguments: Sendable {
    package var samples: Int?
    /// `30%` or `30`: percent either way.
    package var spread: String?
    package var seed: UInt64?
    package init(samples: Int?, spread: String?, seed: UInt64?) {
      (self.samples, self.spread, self.seed) = (samples, spread, seed)
    }

    /// The options they give, the defaults where not given; a spread that is not a number is an
    /// error (the ranges are checked where the ranking is computed).
    var options: Result<PlanRanking.RobustnessOptions, Diagnostic> {
      var options = PlanRanking.RobustnessOptions()
      if let samples { options.samples = samples }
      if let spread {
        let digits = spread.hasSuffix("%") ? String(spread.dropLast()) : spread
        guard let percent = Double(digits), percent.isFinite else {
          return .failure(
            .error(.outOfRange(attribute: "spread", value: spread, requirement: CommandText.spreadPercent), at: nil))
        }
        options.spread = percent / 100
      }
      if let seed { options.seed = seed }
      return .success(options)
    }
  }

  package static func rank(
    plan path: String, method: RankingMethod?, sensitivity: Bool, json: Bool,
    robustness arguments: RobustnessArguments? = nil, common: CommonSettings
  )
    -> Int32
  {
    let session = makeSession(common)
    var robustness: PlanRanking.RobustnessOptions?
    if let arguments {
      // Out-of-range numbers are usage errors (status 2), found before the plan is read.
      switch arguments.options.flatMap({ o in PlanRanking.check(o).map { o } }) {
      case .success(let options): robustness = options
      case .failure(let diagnostic):
        session.report(diagnostic)
        return 2
      }
    }
    if let failure = session.loadInitial(path: path) { return Int32(failure.rawValue) }
    adoptLanguage(of: [session.plan], session, common)
    do {
      let text =
        json
        ? try RankingReport.json(
          session.plan, method: method?.rawValue, sensitivity: sensitivity, robustness: robustness)
        : try RankingReport.text(
          session.plan, method: method?.rawValue, sensitivity: sensitivity, robustness: robustness,
          language: session.settings.language)
      StandardOutput.write(text, to: 1)
      return 0
    } catch {
      session.report(error)
      return 1
    }
  }

  /// `cplan diff A B [--format json]`: 0 when equal, 1 when they differ, 2 when a file is unusable.
  package static func diff(_ a: String, _ b: String, json: Bool, common: CommonSettings) -> Int32 {
    let session = makeSession(common)
    var plans: [PlanModel.Plan] = []
    for path in [a, b] {
      do {
        plans.append(try PlanLoader.load(path: path, sources: session.sources))
      } catch {
        for d in error.diagnostics { session.report(d) }
        if case .unusable = error { return 2 }
        return 2
      }
    }
    // The new plan's language setting, else the old one's (SPEC §15).
    adoptLanguage(of: plans.reversed(), session, common)
    let result = PlanDiff.compare(plans[0], plans[1])
    let text = json ? result.json() : result.text(language: session.settings.language)
    StandardOutput.write(text, to: 1)
    return result.isEmpty ? 0 : 1
  }
}

extension Driver {
  /// `cplan merge BASE OURS THEIRS [-o OUT]` (SPEC §14): the three-way merge, written to OUT
  /// (replaced atomically; git's merge driver passes ours' file) or standard output. Each
  /// conflict is named on standard error (unless `--quiet`).
  ///
  /// An empty BASE file is an empty plan (git passes one when both sides added the file).
  /// - Returns: 0 merged cleanly, 1 written with conflicts (or OUT could not be written), 2 a
  ///   side that does not load (unreadable, not a plan file, a newer format version, failing
  ///   statements, conflict markers): its diagnostics are reported and nothing is written.
  package static func merge(base: String, ours: String, theirs: String, output: String?, common: CommonSettings)
    -> Int32
  {
    let session = makeSession(common)
    var plans: [PlanModel.Plan] = []
    for (path, loaded) in zip([base, ours, theirs], MergeSides.load(base: base, ours: ours, theirs: theirs)) {
      switch loaded {
      case .success(let plan): plans.append(plan)
      case .failure(let error):
        session.sources.register(file: path, bytes: (try? FileIO.read(path)) ?? [])
        for d in error.diagnostics { session.report(d) }
        return 2
      }
    }
    keepUntilExit(plans)
    let merged = PlanMerge.merge(base: plans[0], ours: plans[1], theirs: plans[2])
    keepUntilExit(merged.plan)
    if !common.quiet && !merged.isClean {
      let lang = session.settings.language
      var notes = merged.conflicts.map { $0.text(lang) + "\n" }.joined()
      notes += MergeText.summary(conflicts: merged.conflicts.count).text(lang) + "\n"
      StandardOutput.write(notes, to: 2)
    }
    let status: Int32 = merged.isClean ? 0 : 1
    guard let output, output != "-" else {
      merged.write { StandardOutput.write($0, to: 1) }
      return status
    }
    let written = writeOutput(to: output, force: true, session: session) { chunkSize, sink in
      merged.write(pieceSize: chunkSize) { piece in
        var piece = piece
        piece.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
      }
    }
    return max(status, written)
  }
}

extension Driver {
  /// `cplan review PLAN [--as-of YEAR] [--against APPROVED.plan] [--format F] [-o FILE] [--force]`
  /// (SPEC §11): the review report on standard output or in FILE.
  ///
  /// The plan is validated as `check` validates it; its errors (not its warnings: R34–R36 say
  /// what the report shows) go to standard error after the report.
  /// `docx` (a Word document) is written to `output` only.
  /// - Returns: 0; 1 when the plan has errors or FILE cannot be written; 2 when PLAN or the
  ///   approved plan does not load (unreadable, not a plan file, a newer format version), or
  ///   `docx` without a file.
  package static func review(
    plan path: String, asOf: Int?, against: String?, format: ReviewFormat, output: String?, force: Bool,
    width: Int?, common: CommonSettings
  ) -> Int32 {
    let session = makeSession(common)
    let early = PlanLoader.isLarge(path) ? EarlyValidation() : nil
    let plan: Plan
    do {
      plan = try PlanLoader.load(path: path, sources: session.sources, observer: early)
    } catch {
      for d in error.diagnostics { session.report(d) }
      if case .unusable = error { return 2 }
      return 1
    }
    keepUntilExit(plan)
    adoptLanguage(of: [plan], session, common)
    // Validated on the second core while the report is made.
    let validation = Concurrent(inline: !plan.meritsParallelWork) {
      early.map { Engine.validate(plan, early: $0) } ?? Engine.validate(plan)
    }
    var approved: Plan?
    if let against {
      do {
        approved = try PlanLoader.load(path: against, sources: session.sources)
      } catch {
        for d in error.diagnostics { session.report(d) }
        return 2
      }
      keepUntilExit(approved!)
    }
    let report = ReviewReport(plan, asOf: asOf, approved: approved)
    let options = ReviewOptions(
      language: session.settings.language, width: width ?? (output == nil ? terminalWidth() : nil), against: against)
    var status: Int32 = 0
    if format.isBinary {
      // A Word document (SPEC §13): to a file only.
      guard let output, output != "-" else {
        session.report(.error(.exportNeedsFile(format.rawValue, option: "-o FILE"), at: nil))
        return 2
      }
      do {
        let bytes = try ReviewExporter.binary(report, options: options)
        status = writeOutput(to: output, force: force, session: session) { _, sink in bytes.withUnsafeBytes(sink) }
      } catch {
        session.report(.error(.cannotWrite(output, reason: error.reason), at: nil))
        status = 1
      }
    } else if let output, output != "-" {
      let text = ReviewExporter.render(report, format: format, options: options)
      status = writeOutput(to: output, force: force, session: session) { _, sink in
        var text = text
        text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
      }
    } else {
      var text = ReviewExporter.render(report, format: format, options: options)
      var escaper = ControlEscaper()
      text.withUTF8 { escaper.feed(UnsafeRawBufferPointer($0)) { StandardOutput.write($0, to: 1) } }
      escaper.finish { StandardOutput.write($0, to: 1) }
    }
    let errors = validation.value.filter { $0.severity == .error }
    for d in errors { session.report(d) }
    return errors.isEmpty ? status : 1
  }
}

extension Driver {
  /// `cplan import PLAN FILE... [--kind KIND] [--update] [--map RULES] [--dry-run] [-o OUT]`
  /// (SPEC §13): the rows of CSV files and XLSX workbooks into PLAN, which is rewritten
  /// atomically (or OUT written), all or nothing. With `--dry-run`, the edits are printed and
  /// nothing is written. On success one line says what was imported (unless `--quiet`).
  /// - Returns: 0 imported; 1 a bad row (every one reported; nothing written) or OUT not
  ///   written; 2 PLAN missing or not a plan file, an unknown `--kind`, an unreadable rules file.
  package static func importFiles(
    plan path: String, files: [String], kind: String?, update: Bool, map: String?, dryRun: Bool, output: String?,
    common: CommonSettings
  ) -> Int32 {
    let session = makeSession(common)
    var options = Importer.Options(update: update)
    if let kind {
      guard let named = ImportKinds.kind(named: kind) else {
        let suggestion = Suggestion.nearest(kind, in: ImportKinds.allNames)
        session.report(.error(.unknownKind(kind, suggestion: suggestion), at: nil))
        return 2
      }
      options.kind = named
    }
    if let map {
      do {
        options.rules = try MapRules.load(path: map)
      } catch {
        for d in error.diagnostics { session.report(d) }
        return 2
      }
    }
    if let failure = session.loadInitial(path: path) { return Int32(failure.rawValue) }
    var summary: LocalizedText?
    guard session.importFiles(files, options: options, dryRun: dryRun, done: { summary = $0 }) else { return 1 }
    keepUntilExit(session.plan)
    if dryRun { return 0 }
    let target = output ?? path
    let plan = session.plan
    do {
      try FileIO.writeAtomically(to: FileIO.writeTarget(target)) { write in
        PlanWriter.write(plan) { piece in
          var piece = piece
          piece.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
      }
    } catch {
      session.report(.error(.cannotWrite(target, reason: error.reason), at: nil))
      return 1
    }
    // One line: what was imported, into which file (`p.plan: added 4 org`).
    if let summary, !common.quiet {
      let zh = session.settings.language == .zh
      StandardOutput.write(target + (zh ? "：" : ": ") + session.text(summary) + "\n", to: 1)
    }
    return 0
  }
}
