import Foundation
import PlanEngine
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// SPEC §9 json: the shape, a stable key order, full precision, the ranking as `cplan rank`
/// gives it, and validity against the committed schema `schema/cplan-export.schema.json`.
@Suite struct ExportJSONTests {
  static let schemaPath = ExportFixtures.root.appendingPathComponent("schema/cplan-export.schema.json").path
  static let topKeys = [
    "format", "version", "plan", "criteria", "comparisons", "fields", "scores", "orgs", "consortia", "phases", "goals",
    "measures", "funding", "ranking", "diagnostics",
  ]

  func export(_ name: String, _ language: MessageLanguage = .en) throws -> (Plan, String, [String: Any]) {
    let plan = try ExportFixtures.plan(name)
    let text = Exporter.export(plan, format: .json, options: ExportOptions(language: language))
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return (plan, text, try #require(object))
  }

  @Test(arguments: ExportFixtures.planNames)
  func shapeAndKeyOrder(plan name: String) throws {
    let (plan, text, json) = try export(name)
    #expect(json["format"] as? String == "cplan-plan")
    #expect(json["version"] as? Int == 1)
    // Top-level keys, in order, as written.
    let written = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
      .map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
    // A version-2 plan (the Jilin sample, with target-years) gains the version-2 kinds' arrays.
    let v2: Set = ["checkpoints", "actuals", "outlays", "experts", "judgements", "ratings"]
    #expect(written.filter { !v2.contains($0) } == Self.topKeys)
    #expect(written.contains("checkpoints") == (plan.formatVersion >= 2))
    let settings = try #require(json["plan"] as? [String: Any])
    #expect(settings["horizon"] as? [Int] == plan.horizon.map { [$0.start.year, $0.end.year] })
    #expect((json["consortia"] as? [[String: Any]])?.first?["members"] is [[String: Any]])
    #expect((json["goals"] as? [Any])?.count == plan[.goal].count)
    #expect((json["diagnostics"] as? [Any])?.count == Engine.validate(plan).count)
  }

  /// The `ranking` object is `cplan rank --format json --sensitivity`'s, number for number.
  @Test(arguments: ExportFixtures.planNames)
  func rankingIsTheRankCommandsWithFullPrecision(plan name: String) throws {
    let (plan, text, json) = try export(name)
    let rank = try RankingReport.json(plan, method: nil, sensitivity: true)
    let expected = try JSONSerialization.jsonObject(with: Data(rank.utf8)) as? NSDictionary
    #expect((json["ranking"] as? NSDictionary) == expected)
    // Foundation's JSON reader rounds long decimals; Swift's Double(String) reads them exactly.
    let ranking = try PlanRanking.compute(plan, method: nil, sensitivity: true)
    for (id, weight) in zip(ranking.criteria, ranking.weights) {
      #expect(number(after: "\"\(id)\": ", in: text) == weight)
    }
    for row in ranking.rows {
      #expect(
        number(after: "\"field\": \"\(row.field)\", \"name\": \(quoted(row.name)), \"score\": ", in: text) == row.score)
    }
  }

  /// The number written right after the first occurrence of `prefix`.
  func number(after prefix: String, in text: String) -> Double? {
    guard let range = text.range(of: prefix) else { return nil }
    return Double(String(text[range.upperBound...].prefix { "0123456789.-".contains($0) }))
  }

  func quoted(_ s: String) -> String { JSONValue.quoted(s) }

  @Test func diagnosticsCarryCodeSeverityAndPlaceInTheExportLanguage() throws {
    for language in MessageLanguage.allCases {
      let (plan, _, json) = try export("tricky", language)
      let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
      let expected = Engine.validate(plan)
      #expect(diagnostics.count == expected.count && !expected.isEmpty)
      for (d, e) in zip(diagnostics, expected) {
        #expect(d["code"] as? String == e.code)
        #expect(d["severity"] as? String == e.severity.rawValue)
        #expect(d["message"] as? String == e.message.text(language))
        #expect(d["file"] as? String == e.location?.file)
        #expect(d["line"] as? Int == e.location?.line)
        #expect(d["column"] as? Int == e.location?.column)
      }
    }
  }

  @Test(arguments: ExportFixtures.planNames)
  func validatesAgainstTheCommittedSchema(plan name: String) throws {
    for language in MessageLanguage.allCases {
      let (_, text, _) = try export(name, language)
      let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
        for e in errors[:10]: print(e.json_path, e.message)
        """
      let output = try ExportPython.run(script, input: text, arguments: [Self.schemaPath])
      #expect(output.isEmpty, "\(output)")
    }
  }

  /// The schema's keyword lists are the plan language's.
  @Test func schemaEnumerationsMatchTheModel() throws {
    let schema =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schemaPath))) as? [String: Any]
    let defs = try #require(schema?["$defs"] as? [String: Any])
    func values(_ def: String, _ property: String) -> [String] {
      let props = (defs[def] as? [String: Any])?["properties"] as? [String: Any]
      let e = (props?[property] as? [String: Any])?["enum"] as? [Any] ?? []
      return e.compactMap { $0 as? String }
    }
    #expect(values("funding", "source") == Schema.sources)
    #expect(values("outlay", "source") == Schema.sources)
    #expect(values("measure", "funder") == Schema.funders)
    #expect(values("measure", "instrument") == Schema.instruments)
    #expect(values("org", "type") == Schema.orgTypes)
    #expect(values("member", "chain") == Schema.chains)
    // Every attribute of every kind has a property of the same (camelCase) name.
    for (def, kind) in [
      ("criterion", Kind.criterion), ("field", .field), ("org", .org), ("consortium", .consortium),
      ("phase", .phase), ("goal", .goal), ("measure", .measure), ("checkpoint", .checkpoint), ("actual", .actual),
      ("outlay", .outlay),
    ] {
      let props = (defs[def] as? [String: Any])?["properties"] as? [String: Any] ?? [:]
      for attribute in kind.spec.attributes {
        #expect(props[JSONExport.camelCase(attribute.name)] != nil, "\(def).\(attribute.name)")
      }
    }
  }

  /// A plan of version 2 (SPEC §11) gains `targetYear`, its settings and the arrays `checkpoints`,
  /// `actuals` and `outlays` (years as numbers) and, having actuals, `goalStatus`; still
  /// `"version": 1`, valid against the schema.
  @Test func aVersion2PlanGainsItsKeysAndValidates() throws {
    var plan = try ExportFixtures.tricky()
    let edits = [
      "set plan as-of 2026", "set goal G1 target-year 2026", "add checkpoint G1 2026 3",
      "add actual G1 2026 4 source \"年报\"", "add outlay K1 2026 provincial 800",
    ]
    for command in Parser.parse(edits.joined(separator: "\n") + "\n", file: "<edit>").commands {
      try plan.apply(command)
    }
    let text = Exporter.export(plan, format: .json, options: ExportOptions(language: .en))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["version"] as? Int == 1)
    let written = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
      .map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
    var keys = Self.topKeys
    keys.insert(contentsOf: ["experts", "judgements"], at: keys.firstIndex(of: "comparisons")! + 1)
    keys.insert("ratings", at: keys.firstIndex(of: "scores")! + 1)
    keys.insert(contentsOf: ["checkpoints", "actuals"], at: keys.firstIndex(of: "measures")!)
    keys.insert("outlays", at: keys.firstIndex(of: "funding")! + 1)
    // With an actual, each goal's status as of 2026 (the plan's as-of) before the ranking.
    keys.insert("goalStatus", at: keys.firstIndex(of: "ranking")!)
    #expect(written == keys)
    #expect((json["plan"] as? [String: Any])?["asOf"] as? Int == 2026)
    #expect((json["goals"] as? [[String: Any]])?.first?["targetYear"] as? Int == 2026)
    let actual = try #require((json["actuals"] as? [[String: Any]])?.first)
    #expect(actual["goal"] as? String == "G1" && actual["year"] as? Int == 2026 && actual["value"] as? Double == 4)
    #expect(actual["status"] is NSNull && actual["source"] as? String == "年报")
    let outlay = try #require((json["outlays"] as? [[String: Any]])?.first)
    #expect(outlay["source"] as? String == "provincial" && outlay["amount"] as? Double == 800)
    #expect((json["checkpoints"] as? [[String: Any]])?.first?["year"] as? Int == 2026)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
      for e in errors[:10]: print(e.json_path, e.message)
      """
    let output = try ExportPython.run(script, input: text, arguments: [Self.schemaPath])
    #expect(output.isEmpty, "\(output)")
  }

  @Test func stringsNumbersAndNestingAreValidJSON() throws {
    let value = JSONValue.object([
      ("text", .string("quote \" backslash \\ newline \n tab \t bell \u{7} 中文 \u{2028}")),
      ("third", .number(1.0 / 3)), ("tiny", .number(1e-20)), ("big", .number(1e21)), ("nan", .number(.nan)),
      ("int", .int(-3)), ("list", .array([.bool(true), .null])), ("empty", .object([])), ("none", .array([])),
    ])
    let text = value.rendered()
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(parsed["text"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{7} 中文 \u{2028}")
    #expect(parsed["third"] as? Double == 1.0 / 3)
    #expect(number(after: "\"tiny\": ", in: text) == 1e-20)
    #expect(number(after: "\"big\": ", in: text) == 1e21)
    #expect(parsed["nan"] is NSNull)
    #expect(!text.contains("e-") && !text.contains("e+"))
  }
}
