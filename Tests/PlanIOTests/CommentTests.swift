import Foundation
import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// SPEC §15 on §6: comment lines above statements stay with their statement's entity through
/// load, edits, save (the canonical writer, which `fmt` runs) and merge; a comment on a removed
/// entity goes with it; the header's block and the lines after the last statement are kept.
@Suite struct CommentTests {
  /// Statements out of canonical order, blank lines, an end-of-line comment and `#` in a
  /// string: every comment written by hand, the canonical text below written out by hand too.
  static let file = """
    # cplan plan 1
    # 广东省创新联合体规划（头部注释）

    # 来源：企业年报 2024
    add org hw "华为" type enterprise # 年报第 12 页
    add org gz "1#高炉厂" type enterprise

    # 计划设置
    set plan title "广东" horizon 2025..2030
    add field F1 "新型储能"
    # 评分依据：专家组
    add score F1 C1 8
    add criterion C1 "产业链基础" tag chain weight 1
    add funding K1 P1 市级 800
    add consortium K1 "储能联合体" field F1
    # 市级资金
    set funding K1 P1 municipal amount 900
    add phase P1 "攻关期" period 2025..2027
    # 文件末尾的注释
    """ + "\n"

  /// The canonical text: kind order, each block above its entity's statement (the end-of-line
  /// comment joins the block above), the trailer last; the block of the first statement is set
  /// apart from the preamble by a blank line (else it would be read back as the preamble).
  static let canonical = """
    # cplan plan 1
    # 广东省创新联合体规划（头部注释）

    # 计划设置
    set plan title "广东" horizon 2025..2030
    add criterion C1 "产业链基础" tag chain weight 1
    add field F1 "新型储能"
    # 评分依据：专家组
    add score F1 C1 8
    add org gz "1#高炉厂" type enterprise
    # 来源：企业年报 2024
    # 年报第 12 页
    add org hw "华为" type enterprise
    add consortium K1 "储能联合体" field F1
    add phase P1 "攻关期" period 2025..2027
    # 市级资金
    add funding K1 P1 municipal 900
    # 文件末尾的注释
    """ + "\n"

  static func load(_ text: String) throws -> Plan {
    try PlanLoader.load(bytes: Array(text.utf8), file: "a.plan")
  }

  @Test func commentsStayWithTheirEntitiesInTheCanonicalOrder() throws {
    let plan = try Self.load(Self.file)
    #expect(PlanWriter.write(plan) == Self.canonical)
    // Saved and loaded again: the same bytes (SPEC §6's round trip).
    #expect(PlanWriter.write(try Self.load(Self.canonical)) == Self.canonical)
    #expect(plan.comments[CommentTarget(.org, EntityKey("hw"))] == ["# 来源：企业年报 2024", "# 年报第 12 页"])
    #expect(plan.comments[CommentTarget(.funding, EntityKey("K1", "P1", "municipal"))] == ["# 市级资金"])
  }

  /// The file loaded from disk (read in windows, the path `cplan check` and `fmt` take) keeps
  /// them too, in windows smaller than the file and on the parsing thread.
  @Test(arguments: [(64, Int.max), (1 << 20, 0)])
  func aFileReadInWindowsKeepsItsComments(chunk: Int, parallelFrom: Int) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cplan-\(UUID().uuidString).plan").path
    try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let loaded = try #require(PlanLoader.load(path: path, chunkSize: chunk, parallelFrom: parallelFrom))
    #expect(PlanWriter.write(loaded.plan) == Self.canonical)
  }

  @Test func setKeepsRenameMovesAndRemoveDropsAComment() throws {
    var plan = try Self.load(Self.canonical)
    func apply(_ text: String) throws -> PlanChange {
      try plan.apply(try #require(Parser.parse(text, file: "<t>").commands.first))
    }
    _ = try apply("set org hw size large")
    #expect(plan.comments[CommentTarget(.org, EntityKey("hw"))].count == 2)
    _ = try apply("rename field F1 储能")
    // The score's key names the field: its comment follows.
    #expect(plan.comments[CommentTarget(.score, EntityKey("储能", "C1"))] == ["# 评分依据：专家组"])
    let removal = try apply("remove org hw")
    #expect(plan.comments[CommentTarget(.org, EntityKey("hw"))].isEmpty)
    // Undone, the org comes back with its comment.
    _ = plan.revert(removal)
    #expect(plan.comments[CommentTarget(.org, EntityKey("hw"))].count == 2)
    _ = try apply("remove phase P1 cascade")
    #expect(plan.comments[CommentTarget(.funding, EntityKey("K1", "P1", "municipal"))].isEmpty)
  }

  /// A comment above a `remove` goes with the removed entity; one above a `rename` stays with
  /// the renamed entity.
  @Test func aCommentAboveARemoveOrRenameInAFile() throws {
    let plan = try Self.load(
      """
      # cplan plan 1
      add org a "A" type enterprise
      # 改名
      rename org a b
      add org c "C" type enterprise
      # 删除
      remove org c
      """ + "\n")
    #expect(PlanWriter.write(plan) == "# cplan plan 1\n\n# 改名\nadd org b \"A\" type enterprise\n")
  }

  @Test func aFileWithoutCommentsHasNone() throws {
    let plan = try Self.load("# cplan plan 1\n# 头部\nadd org a \"A\" type enterprise\n")
    #expect(plan.comments.isEmpty)
    #expect(plan.preamble == ["# 头部"])
  }

  // MARK: merge and diff

  static let base = """
    # cplan plan 1

    # 旧注释
    add org a "A" type enterprise
    add org b "B" type enterprise
    """ + "\n"

  /// One side's comment change is taken; both sides changing it differently keep both (ours'
  /// lines, then theirs' that ours lacks); a comment on an entity the merge removes goes.
  @Test(arguments: [
    ("# 新注释\nadd org a", "# 旧注释\nadd org a", "# 新注释\nadd org a"),
    ("# 旧注释\nadd org a", "# 他方\nadd org a", "# 他方\nadd org a"),
    ("# 我方\nadd org a", "# 他方\nadd org a", "# 我方\n# 他方\nadd org a"),
  ])
  func mergeTakesAChangedCommentAndKeepsBothWhenBothChangedIt(ours: String, theirs: String, merged: String) throws {
    func side(_ head: String) throws -> Plan {
      try Self.load(Self.base.replacingOccurrences(of: "# 旧注释\nadd org a", with: head))
    }
    let result = PlanMerge.merge(base: try Self.load(Self.base), ours: try side(ours), theirs: try side(theirs))
    #expect(result.isClean)
    #expect(
      result.text()
        == "# cplan plan 1\n\n" + merged + " \"A\" type enterprise\nadd org b \"B\" type enterprise\n")
  }

  @Test func diffReportsAChangedCommentAsTheEntitysComment() throws {
    let other = try Self.load(Self.base.replacingOccurrences(of: "# 旧注释\n", with: "# 新\n"))
    let diff = PlanDiff.compare(try Self.load(Self.base), other)
    #expect(diff.changes.count == 1)
    let change = try #require(diff.changes.first)
    #expect(change.kind == .org && change.key == EntityKey("a"))
    #expect(change.attributes == [.init(attribute: "comment", type: .text, old: .text("# 旧注释"), new: .text("# 新"))])
  }
}
