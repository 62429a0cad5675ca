import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// The JSON export's writer (entity by entity into a byte buffer, key templates made once per
/// kind, goals and measures never tried on one line, pieces handed on as they are made)
/// against the obvious way: the whole document built as a ``JSONValue`` tree from
/// ``JSONExport/entity(_:)`` and rendered by ``JSONValue/rendered()``.
@Suite struct ExportJSONWriterTests {
  /// The export as one tree: each entity as ``JSONExport/entity(_:)`` makes it, a consortium
  /// with its `members` last.
  static func entities(_ plan: Plan, _ kind: Kind, _ roadmap: Roadmap) -> [Entity] {
    switch kind {
    case .field: roadmap.order.fields(of: plan)
    case .consortium: roadmap.consortia
    case .goal: PresentationOrder.goals(of: plan)
    default: Array(plan[kind].values)
    }
  }

  static func tree(_ plan: Plan, options: ExportOptions) -> JSONValue {
    let roadmap = Roadmap(plan)
    let version = plan.formatVersion
    let entity = { (e: Entity) in JSONExport.entity(e, version: version) }
    var document: [(String, JSONValue)] = [
      ("format", .string(JSONExport.formatName)), ("version", .int(JSONExport.version)),
      ("plan", JSONExport.settings(plan)),
    ]
    for (name, kind) in [
      ("criteria", Kind.criterion), ("comparisons", .compare), ("experts", .expert), ("judgements", .judgement),
      ("fields", .field), ("scores", .score), ("ratings", .rating), ("orgs", .org), ("consortia", .consortium),
      ("phases", .phase), ("goals", .goal),
      ("checkpoints", .checkpoint), ("actuals", .actual), ("measures", .measure), ("funding", .funding),
      ("outlays", .outlay),
    ] where kind.spec.since <= version {
      document.append(
        (
          name,
          .array(
            // SPEC §15: fields by rank, consortia by their fields' priority, goals by phase.
            entities(plan, kind, roadmap).map { e in
              guard kind == .consortium, case .object(let members) = entity(e) else {
                return entity(e)
              }
              return .object(members + [("members", .array(roadmap.memberEntities(of: e.id).map(entity)))])
            })
        ))
    }
    document.append(("ranking", JSONExport(roadmap: roadmap, options: options).ranking))
    document.append(
      ("diagnostics", .array(roadmap.diagnostics.map { JSONExport.diagnostic($0, language: options.language) })))
    return .object(document)
  }

  /// Entities whose one-line form is every width around ``JSONValue/inlineWidth`` (ASCII and
  /// Chinese names, long member IDs at the members' deeper indent), a consortium without
  /// members, a month period, `after` lists, a range, and a plan that cannot be ranked (so
  /// `ranking` is null and there are diagnostics).
  static func boundaryPlan() throws -> Plan {
    var lines = [
      "# cplan plan 1", "set plan title \"边界 \\\"widths\\\"\" horizon 2025..2030",
      "add criterion C1 \"c\" weight 0.6 scale 0..5", "add criterion C2 \"链\" weight 0.4",
    ]
    for n in 0..<80 {
      lines.append("add field F\(n) \"\(String(repeating: "x", count: n))\"")
      lines.append("add org a\(n) \"\(String(repeating: "中", count: n / 2))\" type enterprise size small")
      lines.append("add org m\(n)\(String(repeating: "y", count: n)) \"\(String(repeating: "w", count: n / 3))\"")
    }
    lines += ["add score F1 C1 3", "add score F1 C2 4", "add score F2 C1 5"]
    lines += ["add consortium K1 \"联合体\" field F1 period 2025..2027", "add consortium K2 \"no members\" field F2"]
    for n in 0..<80 {
      lines.append("add member K1 m\(n)\(String(repeating: "y", count: n)) role member chain upstream")
    }
    lines += [
      "add phase P1 \"月\" period 2025-03..2026-06",
      "add phase P2 \"\(String(repeating: "长", count: 40))\" period 2027..2028",
      "add goal G1 \"g\" phase P1 consortium K1 indicator \"i\" unit \"u\" baseline 1 target 2 after G2,G3",
      "add goal G2 \"g\u{2028}line\" phase P2 target 0.125", "add goal G3 \"\" phase P2",
      "add measure M1 \"m\" phase P1 consortium K1 amount 12.5 start 2025-04",
      "add funding K1 P1 enterprise 100", "add funding K1 P1 central 0.3",
    ]
    return try PlanLoader.load(bytes: Array((lines.joined(separator: "\n") + "\n").utf8), file: "boundary.plan")
  }

  static func plan(_ name: String) throws -> Plan {
    name == "boundary" ? try boundaryPlan() : try ExportFixtures.plan(name)
  }

  @Test(arguments: ExportFixtures.planNames + ["boundary"])
  func writerMatchesTheTree(plan name: String) throws {
    let plan = try Self.plan(name)
    for language in MessageLanguage.allCases {
      let options = ExportOptions(language: language, file: "\(name).plan")
      let written = Exporter.export(plan, format: .json, options: options)
      let expected = Self.tree(plan, options: options).rendered()
      #expect(written == expected)
    }
  }

  /// The boundary plan does reach the limit: some fields and members are on one line, some not.
  @Test func boundaryPlanHasEntitiesOnBothSidesOfTheLimit() throws {
    let text = Exporter.export(try Self.boundaryPlan(), format: .json, options: ExportOptions())
    let lines = text.split(separator: "\n")
    let fields = lines.filter { $0.hasPrefix("    {\"id\": \"F") }
    #expect(!fields.isEmpty && fields.count < 80)
    #expect(
      fields.contains {
        $0.unicodeScalars.count == JSONValue.inlineWidth || $0.unicodeScalars.count == JSONValue.inlineWidth + 1
      })
    let members = lines.filter { $0.hasPrefix("        {\"org\": ") }
    #expect(!members.isEmpty && members.count < 80)
  }

  /// Streamed in pieces of any size, the export is the same bytes, and only the last piece is
  /// smaller than a chunk.
  @Test(arguments: [1, 100, 4096, Exporter.chunkSize, .max])
  func piecesJoinToTheExport(chunkSize: Int) throws {
    for name in ExportFixtures.planNames + ["boundary"] {
      let plan = try Self.plan(name)
      var pieces: [[UInt8]] = []
      Exporter.write(plan, format: .json, options: ExportOptions(), chunkSize: chunkSize) { pieces.append(Array($0)) }
      let whole = Exporter.export(plan, format: .json, options: ExportOptions())
      #expect(pieces.joined().elementsEqual(whole.utf8))
      #expect(pieces.dropLast().allSatisfy { $0.count >= chunkSize })
    }
  }

  /// The other formats go to the sink in one piece, the bytes of their text.
  @Test(arguments: [ExportFormat.text, .markdown, .csv, .html])
  func otherFormatsInOnePiece(format: ExportFormat) throws {
    let plan = try ExportFixtures.tricky()
    var pieces: [[UInt8]] = []
    Exporter.write(plan, format: format, options: ExportOptions()) { pieces.append(Array($0)) }
    #expect(pieces.count == 1)
    #expect(pieces.joined().elementsEqual(Exporter.export(plan, format: format, options: ExportOptions()).utf8))
  }

  /// The diagnostics validated on another thread are the engine's, in its order; the sections
  /// that show none (`show roadmap`, `show funding`) do not validate.
  @Test(arguments: ExportFixtures.planNames + ["boundary"])
  func diagnosticsFromTheOtherThreadAreTheEngines(plan name: String) throws {
    let plan = try Self.plan(name)
    let roadmap = Roadmap(plan)
    #expect(roadmap.diagnostics == Engine.validate(plan))
    #expect(roadmap.diagnostics == roadmap.diagnostics)
    #expect(Roadmap(plan, validate: false).diagnostics.isEmpty)
  }

  /// A value made on another thread is the work's result, for every reader, however many.
  @Test func concurrentValueIsTheWorksResultForEveryReader() async throws {
    let holder = Concurrent { (0..<100_000).reduce(0, +) }
    await withTaskGroup(of: Int.self) { group in
      for _ in 0..<8 { group.addTask { holder.value } }
      for await value in group { #expect(value == 4_999_950_000) }
    }
    #expect(holder.value == 4_999_950_000)
    // Dropped unread: its deinit waits for the work instead of leaving it running.
    let plan = try ExportFixtures.tricky()
    _ = Concurrent { Engine.validate(plan) }
  }
}
