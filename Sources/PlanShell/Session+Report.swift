import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  // MARK: validate

  func validate(_ arguments: CommandArguments) -> Bool {
    let strict = arguments.has("strict")
    let diagnostics = validateCurrentPlan(strict: strict)
    var out = ""
    for d in diagnostics.untilInterrupted { out += renderer.render(d) }
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    out += renderer.summary(errors: errors, warnings: warnings) + "\n"
    output.write(out)
    if errors > 0 {
      noteFailure(.command)
      return false
    }
    return true
  }

  // MARK: export

  func export(_ arguments: CommandArguments) -> Bool {
    let format = ExportFormat(rawValue: arguments["format"]!.word!.lowercased())!
    let pathToken = arguments["to"]
    let path = pathToken?.path
    let force = arguments.has("force")
    let bom = arguments.has("bom")
    var options = ExportOptions(
      language: settings.language, width: path == nil ? Driver.terminalWidth() : nil, file: file)
    options.byteOrderMark = bom
    options.hidesIDs = arguments.has("no-ids")
    if let token = arguments["consortium"] {
      guard let id = token.word, plan.contains(.consortium, EntityKey(id)) else {
        return fail(.error(Driver.unknownConsortium(token.word ?? "", in: plan), at: token))
      }
      options.consortium = id
    }
    // `robustness [samples N] [spread P%] [seed S]` (SPEC §12), for the formats that show it.
    switch robustnessOptions(arguments) {
    case .success(let robustness?):
      guard [ExportFormat.text, .markdown, .json, .html].contains(format) else {
        return fail(.error(.commandFailed(CommandText.robustnessFormats), at: arguments["format"]!))
      }
      if case .failure(let diagnostic) = PlanRanking.check(robustness) { return fail(diagnostic) }
      options.robustness = robustness
    case .success(nil): break
    case .failure(let diagnostic): return fail(diagnostic)
    }
    if format == .sqlite {
      guard let path, let pathToken else {
        return fail(.error(.exportNeedsFile(format.rawValue, option: "to PATH"), at: arguments["format"]!))
      }
      return exportDatabase(to: path, at: pathToken, force: force, append: arguments.has("append"), options: options)
    }
    guard let path, let pathToken else {
      guard !format.isBinary else {
        return fail(.error(.exportNeedsFile(format.rawValue, option: "to PATH"), at: arguments["format"]!))
      }
      output.write(Exporter.export(plan, format: format, options: options))
      return true
    }
    let plan = plan
    // A workbook or document is made whole (a zip archive), then written.
    var binary: [UInt8] = []
    if format.isBinary {
      do {
        binary = try Exporter.binary(plan, format: format, options: options)
      } catch {
        return fail(.error(.cannotWrite(path, reason: error.reason), at: pathToken))
      }
    }
    switch OutputFile.write(
      to: path, force: force,
      produce: { chunkSize, sink in
        if format.isBinary {
          binary.withUnsafeBytes(sink)
        } else {
          Exporter.write(plan, format: format, options: options, chunkSize: chunkSize, to: sink)
        }
      })
    {
    case nil: break
    case .exists: return fail(.error(.refuseOverwriteExport(path, option: "force"), at: pathToken))
    case .cannotWrite(let reason): return fail(.error(.cannotWrite(path, reason: reason), at: pathToken))
    }
    if !FileIO.isDevice(path) { notice(CommandText.exported(path)) }
    return true
  }

  /// `export sqlite to PATH [append] [force]`.
  private func exportDatabase(to path: String, at pathToken: Token, force: Bool, append: Bool, options: ExportOptions)
    -> Bool
  {
    if !append, !force, FileIO.exists(path) {
      return fail(.error(.refuseOverwriteExport(path, option: "force"), at: pathToken))
    }
    do {
      try SQLiteExport.write(plan, to: path, append: append, options: options)
    } catch {
      return fail(.error(Driver.message(error), at: pathToken))
    }
    notice(CommandText.exported(path))
    return true
  }

  // MARK: rank

  func rank(_ arguments: CommandArguments) -> Bool {
    let method = arguments["method"]?.word?.lowercased()
    let sensitivity = arguments.has("sensitivity")
    let robustness: PlanRanking.RobustnessOptions?
    switch robustnessOptions(arguments) {
    case .success(let options): robustness = options
    case .failure(let diagnostic): return fail(diagnostic)
    }
    do {
      let text = try RankingReport.text(
        plan, method: method, sensitivity: sensitivity, robustness: robustness, language: settings.language)
      // Ctrl-C while it ran (the interactive shell): nothing half-computed is shown
      // (``Session/execute(_:)`` reports the stop).
      if isInterrupted { return false }
      output.write(text)
      return true
    } catch {
      return fail(error)
    }
  }

  /// `robustness [samples N] [spread P%] [seed S]` (SPEC §12) of `rank` and `export`: the options,
  /// or `nil` when none of them is given.
  /// The numbers are checked by the sampling (samples ≥ 1, 0% ≤ spread < 100%), the seed here (a
  /// whole number ≥ 0). An option's value is found under the option's keyword (``GrammarParser``).
  func robustnessOptions(_ arguments: CommandArguments) -> Result<PlanRanking.RobustnessOptions?, Diagnostic> {
    if arguments.has("robustness") || arguments["samples"] != nil || arguments["spread"] != nil
      || arguments["seed"] != nil
    {
      var options = PlanRanking.RobustnessOptions()
      if case .number(let n)? = arguments["samples"]?.kind {
        guard n.isInteger, n.value >= 0, n.value <= 1e9 else {
          return .failure(
            .error(
              .outOfRange(attribute: "samples", value: n.text, requirement: CommandText.sampleCount),
              at: arguments["samples"]!))
        }
        options.samples = Int(n.value)
      }
      if case .number(let n)? = arguments["spread"]?.kind {
        guard n.form == .percent else {
          return .failure(
            .error(
              .outOfRange(attribute: "spread", value: n.text, requirement: CommandText.spreadPercent),
              at: arguments["spread"]!))
        }
        options.spread = n.value
      }
      if case .number(let n)? = arguments["seed"]?.kind {
        guard n.isInteger, n.value >= 0, n.value < 9.0e15 else {
          return .failure(
            .error(
              .outOfRange(attribute: "seed", value: n.text, requirement: CommandText.seedNumber), at: arguments["seed"]!
            ))
        }
        options.seed = UInt64(n.value)
      }
      return .success(options)
    }
    return .success(nil)
  }
}
