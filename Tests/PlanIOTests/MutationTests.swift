import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// 500 random mutations of the sample plans (issue 7; SPEC §2, §6): each one loads cleanly or is
/// refused with located errors — never a trap. A mutant that loads is validated, rendered, saved
/// and loaded again (the round trip must hold); one that fails must name, for every diagnostic, a
/// line and a column inside the file.
///
/// The seed is fixed, so every run tests the same 500 mutants; a failure names the mutant's number
/// and its mutations, and `MUTANT=n swift test --filter MutationTests` reruns that one alone (with
/// `MUTANT_DUMP=path`, also writes it there).
@Suite struct MutationTests {
  /// SplitMix64 (Steele, Lea and Flood 2014): small, fast, the same sequence on every platform.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_CE4E_5B9B
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// What a mutation does to the bytes of a plan file.
  enum Mutation: String, CaseIterable {
    case quote  // `"`, or a lone full-width opening quote
    case fullWidth  // a full-width character: digit, percent, comma, quote, space, letter
    case backslash  // `\` (an escape, or a continuation before a newline)
    case range  // `..`
    case percent  // `%`
    case slash  // `/`
    case nul  // a NUL byte
    case invalidUTF8  // a byte that is never UTF-8, or half a Chinese character
    case deleteSpan  // 1 to 40 bytes removed (may cut a character or a line in half)
    case duplicateLine  // a line written twice (duplicate keys), possibly elsewhere
  }

  static let fullWidth = ["“", "”", "「", "」", "８", "０", "％", "／", "，", "．", "\u{3000}", "ａ", "＂", "＃"]

  /// The sample plans: `plans/*.plan` and the tricky export fixture.
  static func samples() throws -> [(name: String, bytes: [UInt8])] {
    let folder = ExportFixtures.root.appendingPathComponent("plans")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".plan") }
      .sorted()
    var samples = try files.map { name in
      (name: "plans/\(name)", bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
    }
    samples.append((name: "tricky.plan", bytes: Array(ExportFixtures.trickyText.utf8)))
    return samples
  }

  /// Applies `mutation` at a random place: anywhere, or (half the time) just inside a quoted
  /// string, where most insertions are text and the mutant still loads.
  static func apply(_ mutation: Mutation, to bytes: inout [UInt8], using rng: inout SplitMix64) {
    var at = Int.random(in: 0...bytes.count, using: &rng)
    if Bool.random(using: &rng), let quote = bytes.indices.filter({ bytes[$0] == 0x22 }).randomElement(using: &rng) {
      at = quote + 1
    }
    func insert(_ s: String) { bytes.insert(contentsOf: Array(s.utf8), at: at) }
    switch mutation {
    case .quote: insert(Bool.random(using: &rng) ? "\"" : "“")
    case .fullWidth: insert(fullWidth.randomElement(using: &rng)!)
    case .backslash: insert(Bool.random(using: &rng) ? "\\" : "\\\n")
    case .range: insert("..")
    case .percent: insert("%")
    case .slash: insert("/")
    case .nul: bytes.insert(0, at: at)
    case .invalidUTF8: bytes.insert(contentsOf: Bool.random(using: &rng) ? [0xFF] : [0xE5, 0x90], at: at)
    case .deleteSpan:
      guard at < bytes.count else { return }
      bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
    case .duplicateLine:
      let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
      let from = starts.randomElement(using: &rng)!
      let to = bytes[from...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
      let line = Array(bytes[from..<to]) + (to == bytes.count ? [0x0A] : [])
      let target = starts.randomElement(using: &rng)!
      bytes.insert(contentsOf: line, at: target)
    }
  }

  /// How a mutant ended.
  enum Outcome: Equatable {
    case loaded(errors: Int, warnings: Int)
    case refused(codes: [String])
  }

  /// Loads, validates, renders and round-trips one mutant, recording any broken promise.
  static func check(_ bytes: [UInt8], file: String, label: @autoclosure () -> String) -> Outcome {
    let sources = SourceStore()
    sources.register(file: file, bytes: bytes)
    let renderers = [
      DiagnosticRenderer(language: .en, sources: sources), DiagnosticRenderer(language: .zh, sources: sources),
    ]
    // Line lengths in columns (scalars: bytes that do not continue a UTF-8 sequence).
    var columns = [0]
    for b in bytes {
      if b == 0x0A { columns.append(0) } else if b & 0xC0 != 0x80 { columns[columns.count - 1] += 1 }
    }
    func expectInside(_ d: Diagnostic, required: Bool) {
      guard let at = d.location else {
        #expect(!required, "\(label()): \(d.code) has no location: \(d.message.en)")
        return
      }
      #expect(at.file == file, "\(label()): \(d.code) names \(at.file)")
      #expect((1...columns.count).contains(at.line), "\(label()): \(d.code) at line \(at.line) of \(columns.count)")
      // A missing argument is reported one blank past the line's end.
      let width = (1...columns.count).contains(at.line) ? columns[at.line - 1] : 0
      #expect(
        (1...(width + 2)).contains(at.column),
        "\(label()): \(d.code) at \(at.line):\(at.column), line has \(width) columns: \(d.message.en)")
      for r in renderers { _ = r.render(d) }
    }
    do {
      let plan = try PlanLoader.load(bytes: bytes, file: file)
      let findings = Engine.validate(plan)
      for d in findings { expectInside(d, required: false) }
      let saved = PlanWriter.write(plan)
      let again = try PlanLoader.load(bytes: Array(saved.utf8), file: "saved.plan")
      #expect(PlanWriter.write(again) == saved, "\(label()): the saved plan changed on reload")
      return .loaded(
        errors: findings.filter { $0.severity == .error }.count,
        warnings: findings.filter { $0.severity == .warning }.count)
    } catch {
      #expect(!error.diagnostics.isEmpty, "\(label()): refused without a diagnostic")
      for d in error.diagnostics { expectInside(d, required: true) }
      return .refused(codes: error.diagnostics.map(\.code))
    }
  }

  /// Found by this test (mutant 402: a `\` inserted before a newline inside a name): the lexer
  /// stepped over the newline after reporting the unknown escape, and every later diagnostic
  /// named the line before its own.
  @Test func unknownEscapeBeforeANewlineKeepsTheLineNumbers() {
    let text = "# cplan plan 1\nadd field F1 \"a\\\nb\"\nadd field F2 \"x\" bogus 1\n"
    do {
      _ = try PlanLoader.load(bytes: Array(text.utf8), file: "escape.plan")
      Issue.record("loaded")
    } catch {
      let found = error.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
      #expect(found == ["E008 2:16", "E101 4:18"])
      #expect(error.diagnostics.first?.message.en == "unknown escape '\\U+000A' in string (use \\\" \\\\ \\n \\t)")
    }
  }

  @Test func fiveHundredMutantsLoadOrFailWithLocatedErrors() throws {
    let samples = try Self.samples()
    #expect(samples.count >= 2)
    var rng = SplitMix64(state: 20_250_701)
    let only = ProcessInfo.processInfo.environment["MUTANT"].flatMap(Int.init)
    var loaded = 0
    var codes: [String: Int] = [:]
    for n in 0..<500 {
      let sample = samples[n % samples.count]
      var bytes = sample.bytes
      let mutations = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Mutation.allCases.randomElement(using: &rng)!
      }
      for m in mutations { Self.apply(m, to: &bytes, using: &rng) }
      if let only, only != n { continue }
      if only != nil, let dump = ProcessInfo.processInfo.environment["MUTANT_DUMP"] {
        try Data(bytes).write(to: URL(fileURLWithPath: dump))
      }
      let label = "mutant \(n) of \(sample.name) (\(mutations.map(\.rawValue).joined(separator: ", ")))"
      switch Self.check(bytes, file: "mutant.plan", label: label) {
      case .loaded: loaded += 1
      case .refused(let list): for c in Set(list) { codes[c, default: 0] += 1 }
      }
    }
    if only == nil {
      // Both outcomes occur: the mutations are neither all harmless nor all fatal.
      #expect(loaded > 0 && loaded < 500, "\(loaded) of 500 mutants loaded")
    }
    if ProcessInfo.processInfo.environment["MUTATION_REPORT"] != nil {
      print(
        "mutants: \(loaded) loaded, \(500 - loaded) refused; refusals by code: "
          + codes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
  }
}
