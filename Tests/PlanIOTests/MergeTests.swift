import PlanLanguage
import PlanModel
import Testing

@testable import PlanIO

/// One edit of the base plan's lines that makes a side: each side is the base file with its edits.
enum LineEdit: Sendable {
  /// The line starting with the first text becomes the second.
  case replace(String, String)
  /// The line starting with the text goes.
  case remove(String)
  /// A line is added at the end (the loader orders statements by kind and key).
  case add(String)
}

/// A row of the merge table: the two sides as edits of ``MergeTests/base``, the merged text
/// expected (written out by hand from SPEC §14's rules), and the number of conflicts.
struct MergeCase: Sendable, CustomTestStringConvertible {
  var name: String
  var ours: [LineEdit]
  var theirs: [LineEdit]
  var merged: String
  var conflicts: Int
  var testDescription: String { name }
}

/// `cplan merge` (SPEC §14): entity by entity and attribute by attribute, with conflicts marked.
@Suite struct MergeTests {
  static let base = """
    # cplan plan 1
    set plan title "吉林省规划"
    add field F1 "碳纤维"
    add org jcfc "吉林化纤集团" type enterprise
    add org jlu "吉林大学" type university
    add consortium K1 "碳纤维联合体" field F1
    add member K1 jcfc role lead
    add member K1 jlu role core
    add phase P1 "攻关期" period 2025..2027
    add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
    add goal G2 "人才" phase P1 after G1

    """

  static func side(_ edits: [LineEdit]) -> String {
    var lines = base.split(separator: "\n").map(String.init)
    for edit in edits {
      switch edit {
      case .replace(let prefix, let line):
        let i = lines.firstIndex { $0.hasPrefix(prefix) }!
        lines[i] = line
      case .remove(let prefix): lines.removeAll { $0.hasPrefix(prefix) }
      case .add(let line): lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func load(_ text: String, _ file: String) throws -> Plan {
    try PlanLoader.load(bytes: Array(text.utf8), file: file)
  }

  static func merge(_ base: String, _ ours: String, _ theirs: String) throws -> PlanMerge {
    PlanMerge.merge(
      base: base.isEmpty ? Plan() : try load(base, "base.plan"), ours: try load(ours, "ours.plan"),
      theirs: try load(theirs, "theirs.plan"))
  }

  static let g1 = "add goal G1 \"T1000 工程化\" phase P1 consortium K1"
  static let g2 = "add goal G2 \"人才\" phase P1"

  static let cases: [MergeCase] = [
    MergeCase(
      name: "one side adds (ours)", ours: [.add("add org ciac \"长春应化所\" type institute")], theirs: [],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org ciac "长春应化所" type institute
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "one side sets (theirs)", ours: [], theirs: [.replace(g1, g1 + " target 800")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 800
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "one side removes (ours)", ours: [.remove(g2)], theirs: [],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500

        """, conflicts: 0),
    MergeCase(
      name: "one side renames (theirs)", ours: [],
      theirs: [
        .replace("add org jlu", "add org JLU \"吉林大学\" type university"),
        .replace("add member K1 jlu", "add member K1 JLU role core"),
      ],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org JLU "吉林大学" type university
        add org jcfc "吉林化纤集团" type enterprise
        add consortium K1 "碳纤维联合体" field F1
        add member K1 JLU role core
        add member K1 jcfc role lead
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "both sides make the same change", ours: [.replace(g1, g1 + " target 800")],
      theirs: [.replace(g1, g1 + " target 800")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 800
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "both sides set one attribute differently: a conflict",
      ours: [.replace(g1, g1 + " target 800")], theirs: [.replace(g1, g1 + " unit 吨 target 900")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        <<<<<<< ours
        add goal G1 "T1000 工程化" phase P1 consortium K1 unit "吨" target 800
        =======
        add goal G1 "T1000 工程化" phase P1 consortium K1 unit "吨" target 900
        >>>>>>> theirs
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 1),
    MergeCase(
      name: "changed in ours, removed in theirs: a conflict",
      ours: [.replace(g2, g2 + " category talent after G1")], theirs: [.remove(g2)],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        <<<<<<< ours
        add goal G2 "人才" phase P1 category talent after G1
        =======
        >>>>>>> theirs

        """, conflicts: 1),
    MergeCase(
      name: "removed in ours, changed in theirs: a conflict", ours: [.remove(g2)],
      theirs: [.replace(g2, "add goal G2 \"人才引进\" phase P1 after G1")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        <<<<<<< ours
        =======
        add goal G2 "人才引进" phase P1 after G1
        >>>>>>> theirs

        """, conflicts: 1),
    MergeCase(
      name: "added on both sides alike", ours: [.add("add org ciac \"长春应化所\" type institute")],
      theirs: [.add("add org ciac \"长春应化所\" type institute")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org ciac "长春应化所" type institute
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "added on both sides differently: a conflict", ours: [.add("add org ciac \"长春应化所\" type institute")],
      theirs: [.add("add org ciac \"长春应化所\" type rnd")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        <<<<<<< ours
        add org ciac "长春应化所" type institute
        =======
        add org ciac "长春应化所" type rnd
        >>>>>>> theirs
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 1),
    // Theirs: `remove consortium K1 cascade` (its members and goal G1 go, and G1 from G2's
    // after list); ours edits G1. G1 conflicts (changed / removed), and so does K1, which ours'
    // G1 still names; the members go cleanly, and G2 loses its link.
    MergeCase(
      name: "a cascade on one side, a removed child edited on the other: a conflict",
      ours: [.replace(g1, g1 + " target 800")],
      theirs: [.remove("add consortium K1"), .remove("add member K1"), .remove(g1), .replace(g2, g2)],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        <<<<<<< ours
        add consortium K1 "碳纤维联合体" field F1
        =======
        >>>>>>> theirs
        add phase P1 "攻关期" period 2025..2027
        <<<<<<< ours
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 800
        =======
        >>>>>>> theirs
        add goal G2 "人才" phase P1

        """, conflicts: 2),
    MergeCase(
      name: "renamed on one side, set on the other: clean",
      ours: [
        .replace("add org jlu", "add org JLU \"吉林大学\" type university"),
        .replace("add member K1 jlu", "add member K1 JLU role core"),
      ],
      theirs: [
        .replace("add org jlu", "add org jlu \"吉林大学\" type university size large"),
        .replace("add member K1 jlu", "add member K1 jlu role core chain platform"),
      ],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org JLU "吉林大学" type university size large
        add org jcfc "吉林化纤集团" type enterprise
        add consortium K1 "碳纤维联合体" field F1
        add member K1 JLU role core chain platform
        add member K1 jcfc role lead
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "a reference added on the other side follows a rename",
      ours: [
        .replace("add consortium K1", "add consortium KC \"碳纤维联合体\" field F1"),
        .replace("add member K1 jcfc", "add member KC jcfc role lead"),
        .replace("add member K1 jlu", "add member KC jlu role core"),
        .replace(g1, "add goal G1 \"T1000 工程化\" phase P1 consortium KC target 500"),
      ],
      theirs: [.add("add goal G3 \"标准\" phase P1 consortium K1 category standard")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium KC "碳纤维联合体" field F1
        add member KC jcfc role lead
        add member KC jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium KC target 500
        add goal G2 "人才" phase P1 after G1
        add goal G3 "标准" phase P1 consortium KC category standard

        """, conflicts: 0),
    MergeCase(
      name: "plan settings merge attribute by attribute",
      ours: [.replace("set plan", "set plan title \"吉林省规划\" region \"吉林省\"")],
      theirs: [.replace("set plan", "set plan title \"吉林省规划\" horizon 2025..2030")],
      merged: """
        # cplan plan 1
        set plan title "吉林省规划" region "吉林省" horizon 2025..2030
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 0),
    MergeCase(
      name: "a plan setting set differently: a conflict with the other settings merged",
      ours: [.replace("set plan", "set plan title \"吉林省规划（省厅稿）\" region \"吉林省\"")],
      theirs: [.replace("set plan", "set plan title \"吉林省规划（工信稿）\" cutoff 3")],
      merged: """
        # cplan plan 1
        <<<<<<< ours
        set plan title "吉林省规划（省厅稿）" region "吉林省" cutoff 3
        =======
        set plan title "吉林省规划（工信稿）" region "吉林省" cutoff 3
        >>>>>>> theirs
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        add org jlu "吉林大学" type university
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """, conflicts: 1),
  ]

  @Test(arguments: cases)
  func mergesAsSpecified(_ row: MergeCase) throws {
    let result = try Self.merge(Self.base, Self.side(row.ours), Self.side(row.theirs))
    #expect(result.text() == row.merged)
    #expect(result.conflicts.count == row.conflicts)
    // The other way round, a clean merge is the same plan.
    if row.conflicts == 0 {
      let swapped = try Self.merge(Self.base, Self.side(row.theirs), Self.side(row.ours))
      #expect(swapped.text() == row.merged)
    }
  }

  @Test func aCleanMergeIsCanonicalAndEqualsWhatTheWriterWrites() throws {
    let result = try Self.merge(
      Self.base, Self.side([.replace(Self.g1, Self.g1 + " target 800")]),
      Self.side([.add("add org ciac \"长春应化所\" type institute")]))
    let text = result.text()
    #expect(text == PlanWriter.write(result.plan))
    #expect(PlanWriter.write(try Self.load(text, "merged.plan")) == text)
  }

  @Test func allThreeIdenticalGiveTheCanonicalFileBack() throws {
    // A shuffled, non-canonical copy of the base on every side: the result is the canonical base.
    let shuffled = "# cplan plan 1\n" + Self.base.split(separator: "\n").dropFirst().reversed().joined(separator: "\n")
    let result = try Self.merge(shuffled, shuffled, shuffled)
    #expect(result.isClean)
    #expect(result.text() == Self.base)
  }

  /// SPEC §14: an empty base (git's add/add) is an empty plan, so every difference conflicts,
  /// even an attribute only one side sets; what both sides wrote alike merges.
  @Test func anEmptyBaseMakesEveryDifferenceAConflict() throws {
    let ours = Self.side([.replace(Self.g1, Self.g1 + " target 800")])
    let theirs = Self.side([.replace("add org jlu", "add org jlu \"吉林大学\" type university size large")])
    let result = try Self.merge("", ours, theirs)
    #expect(
      result.conflicts.map { "\($0.kind!.rawValue) \($0.key!.description) \($0.reason)" } == [
        "org jlu addedBoth", "goal G1 addedBoth",
      ])
    #expect(
      result.text() == """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        <<<<<<< ours
        add org jlu "吉林大学" type university
        =======
        add org jlu "吉林大学" type university size large
        >>>>>>> theirs
        add consortium K1 "碳纤维联合体" field F1
        add member K1 jcfc role lead
        add member K1 jlu role core
        add phase P1 "攻关期" period 2025..2027
        <<<<<<< ours
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 800
        =======
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        >>>>>>> theirs
        add goal G2 "人才" phase P1 after G1

        """)
  }

  @Test func aConflictInsideACompositeKey() throws {
    let funding = "add funding K1 P1 enterprise"
    let ours = Self.side([.replace("add member K1 jlu", "add member K1 jlu"), .add(funding + " 800")])
    let theirs = Self.side([.replace("add member K1 jlu", "add member K1 jlu role lead"), .add(funding + " 900")])
    let result = try Self.merge(Self.base, ours, theirs)
    #expect(
      result.conflicts.map { "\($0.kind!.rawValue) \($0.key!.description) \($0.reason) \($0.attributes)" } == [
        "member K1 jlu changedBoth [\"role\"]", "funding K1 P1 enterprise addedBoth []",
      ])
    #expect(result.conflicts[0].text(.en) == "conflict: member K1 jlu: role is member in ours, lead in theirs")
    #expect(result.conflicts[0].text(.zh) == "冲突：member K1 jlu：role 在 ours 中为 member，在 theirs 中为 lead")
    #expect(
      result.text().hasSuffix(
        """
        add member K1 jcfc role lead
        <<<<<<< ours
        add member K1 jlu
        =======
        add member K1 jlu role lead
        >>>>>>> theirs
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1
        <<<<<<< ours
        add funding K1 P1 enterprise 800
        =======
        add funding K1 P1 enterprise 900
        >>>>>>> theirs

        """))
  }

  /// SPEC §14: a member added on one side for an org removed on the other is a conflict; the
  /// org is kept on the side that refers to it, so either side's version loads.
  @Test func aMemberAddedForAnOrgRemovedOnTheOtherSide() throws {
    let ours = Self.side([
      .add("add consortium K2 \"第二联合体\" field F1"), .add("add member K2 jlu role lead"),
    ])
    let theirs = Self.side([.remove("add org jlu"), .remove("add member K1 jlu")])  // remove org jlu cascade
    let result = try Self.merge(Self.base, ours, theirs)
    #expect(result.conflicts.map { "\($0.kind!.rawValue) \($0.key!.description)" } == ["org jlu", "member K2 jlu"])
    #expect(
      result.conflicts.map(\.reason) == [.removedReferenced(removedIn: .theirs), .refersToRemoved(removedIn: .theirs)])
    #expect(result.conflicts[0].text(.en) == "conflict: org jlu: removed in theirs, still referred to in ours")
    let text = result.text()
    #expect(
      text == """
        # cplan plan 1
        set plan title "吉林省规划"
        add field F1 "碳纤维"
        add org jcfc "吉林化纤集团" type enterprise
        <<<<<<< ours
        add org jlu "吉林大学" type university
        =======
        >>>>>>> theirs
        add consortium K1 "碳纤维联合体" field F1
        add consortium K2 "第二联合体" field F1
        add member K1 jcfc role lead
        <<<<<<< ours
        add member K2 jlu role lead
        =======
        >>>>>>> theirs
        add phase P1 "攻关期" period 2025..2027
        add goal G1 "T1000 工程化" phase P1 consortium K1 target 500
        add goal G2 "人才" phase P1 after G1

        """)
    // Keeping ours in every conflict, or theirs in every one, gives a plan that loads.
    for keep in ["ours", "theirs"] {
      var kept: [Substring] = []
      var part = ""
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        switch line {
        case "<<<<<<< ours": part = "ours"
        case "=======": part = "theirs"
        case ">>>>>>> theirs": part = ""
        default: if part.isEmpty || part == keep { kept.append(line) }
        }
      }
      #expect(throws: Never.self) { try Self.load(kept.joined(separator: "\n"), "\(keep).plan") }
    }
    // The merged plan holds ours' version of each conflict.
    #expect(result.plan.contains(.org, EntityKey("jlu")))
    #expect(result.plan.contains(.member, EntityKey("K2", "jlu")))
    #expect(!result.plan.contains(.member, EntityKey("K1", "jlu")))
  }

  @Test func anIDRenamedDifferentlyOnEachSideIsAConflict() throws {
    func renamed(_ id: String) -> [LineEdit] {
      [
        .replace("add org jlu", "add org \(id) \"吉林大学\" type university"),
        .replace("add member K1 jlu", "add member K1 \(id) role core"),
      ]
    }
    let result = try Self.merge(Self.base, Self.side(renamed("JLU")), Self.side(renamed("JDX")))
    #expect(result.conflicts.map(\.reason) == [.renamedBoth])
    #expect(result.conflicts[0].text(.en) == "conflict: org JLU: renamed to JLU in ours, to JDX in theirs")
    #expect(
      result.text().contains(
        """
        <<<<<<< ours
        add org JLU "吉林大学" type university
        =======
        add org JDX "吉林大学" type university
        >>>>>>> theirs
        """))
  }

  /// A rename counts as a change against a removal (git's rename/delete).
  @Test func renamedOnOneSideRemovedOnTheOtherIsAConflict() throws {
    let ours = Self.side([.replace(Self.g2, "add goal G9 \"人才\" phase P1 after G1")])
    let theirs = Self.side([.remove(Self.g2)])
    let result = try Self.merge(Self.base, ours, theirs)
    #expect(result.conflicts.map { "\($0.key!.description) \($0.reason)" } == ["G9 changedRemoved"])
  }

  /// A merged file with a conflict does not load: an error at each marker (E017), and nothing
  /// else — both versions of the `add` are not a duplicate — and no plan.
  @Test func loadingAFileWithMarkersFailsAtEachMarker() throws {
    let text = try Self.merge(
      Self.base, Self.side([.replace(Self.g1, Self.g1 + " target 800")]),
      Self.side([.replace(Self.g1, Self.g1 + " target 900")])
    ).text()
    #expect {
      _ = try PlanLoader.load(bytes: Array(text.utf8), file: "merged.plan")
    } throws: { error in
      guard case .invalid(let list) = error as? PlanLoadError else { return false }
      return list.map { "\($0.code) \($0.location!.line):\($0.location!.column)" } == [
        "E017 10:1", "E017 12:1", "E017 14:1",
      ]
    }
  }

  @Test func thePreambleIsOurs() throws {
    let withPreamble = { (comment: String) in
      Self.base.replacingOccurrences(of: "# cplan plan 1\n", with: "# cplan plan 1\n# \(comment)\n")
    }
    let result = try Self.merge(withPreamble("基础"), withPreamble("本方说明"), withPreamble("对方说明"))
    #expect(result.text().hasPrefix("# cplan plan 1\n# 本方说明\nset plan"))
  }
}
