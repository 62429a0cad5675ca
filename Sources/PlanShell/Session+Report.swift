import PlanEngine
import PlanIO
import PlanLanguage
import PlanModel

extension Session {
  // MARK: validate

  func validate(_ command: Command) -> Bool {
    var strict = false
    for t in command.arguments {
      guard t.isKeyword("strict") else { return fail(.error(.unexpectedArgument(t.summary), at: t)) }
      strict = true
    }
    let diagnostics = validateCurrentPlan(strict: strict)
    var out = ""
    for d in diagnostics { out += renderer.render(d) }
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

  func export(_ command: Command) -> Bool {
    var args = command.arguments[...]
    guard let formatToken = args.popFirst() else {
      return fail(
        .error(
          .missing(
            LocalizedText(
              en: "a format (text, markdown, json, csv, html)",
              zh: "格式（text、markdown、json、csv、html）")), at: command.verbToken))
    }
    guard let word = formatToken.word, let format = ExportFormat(rawValue: word.lowercased()) else {
      let names = ExportFormat.allCases.map(\.rawValue)
      return fail(
        .error(
          .badEnumValue(
            formatToken.word ?? formatToken.summary, attribute: "format", allowed: names,
            suggestion: Suggestion.nearest(formatToken.word ?? "", in: names)), at: formatToken))
    }
    var path: String?
    var pathToken: Token?
    var force = false
    var bom = false
    while let t = args.popFirst() {
      if t.isKeyword("to") {
        guard let p = args.popFirst(), case .path(let value) = p.kind else {
          return fail(.error(.missing(LocalizedText(en: "a path after 'to'", zh: "'to' 后的路径")), at: t))
        }
        path = value
        pathToken = p
      } else if t.isKeyword("force") {
        force = true
      } else if t.isKeyword("bom"), format == .csv {
        bom = true
      } else {
        return fail(.error(.unexpectedArgument(t.summary), at: t))
      }
    }
    var options = ExportOptions(
      language: settings.language, width: path == nil ? Driver.terminalWidth() : nil, file: file)
    options.byteOrderMark = bom
    guard let path, let pathToken else {
      output.write(Exporter.export(plan, format: format, options: options))
      return true
    }
    let plan = plan
    switch OutputFile.write(
      to: path, force: force,
      produce: { chunkSize, sink in
        Exporter.write(plan, format: format, options: options, chunkSize: chunkSize, to: sink)
      })
    {
    case nil: break
    case .exists: return fail(.error(.refuseOverwriteExport(path, option: "force"), at: pathToken))
    case .cannotWrite(let reason): return fail(.error(.cannotWrite(path, reason: reason), at: pathToken))
    }
    if !FileIO.isDevice(path) { notice("exported \(path)", "已导出 \(path)") }
    return true
  }

  // MARK: rank

  func rank(_ command: Command) -> Bool {
    var method: String?
    var sensitivity = false
    var args = command.arguments[...]
    while let t = args.popFirst() {
      if t.isKeyword("method") {
        guard let m = args.popFirst(), let w = m.word, ["weighted", "topsis"].contains(w.lowercased()) else {
          let bad = command.arguments.last!
          var message = Message.badEnumValue(
            bad.word ?? bad.summary, attribute: "method", allowed: ["weighted", "topsis"],
            suggestion: Suggestion.nearest(bad.word ?? "", in: ["weighted", "topsis"]))
          if bad.isKeyword("ahp") {
            message.notes.append(
              LocalizedText(
                en: "hint: AHP sets the weights, not the method: set plan weighting ahp",
                zh: "提示：AHP 用于确定权重而不是排序方法：set plan weighting ahp"))
          }
          return fail(.error(message, at: bad))
        }
        method = w.lowercased()
      } else if t.isKeyword("sensitivity") {
        sensitivity = true
      } else {
        return fail(.error(.unexpectedArgument(t.summary), at: t))
      }
    }
    do {
      let text = try RankingReport.text(plan, method: method, sensitivity: sensitivity, language: settings.language)
      output.write(text)
      return true
    } catch {
      return fail(error)
    }
  }
}
