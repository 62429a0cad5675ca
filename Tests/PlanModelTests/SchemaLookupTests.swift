import PlanLanguage
import Testing

@testable import PlanModel

/// The fast lookups of the schema (kinds by keyword, key widths, defaults) and the natural
/// order of entity keys say what the schema and `NaturalOrder.less([String], [String])` say.
@Suite struct SchemaLookupTests {
  @Test(arguments: Kind.allCases)
  func kindLookupsAgreeWithTheSchema(kind: Kind) {
    #expect(Kind(keyword: kind.rawValue) == kind)
    #expect(Kind(keyword: kind.rawValue.uppercased()) == kind)
    #expect(kind.keyWidth == kind.spec.keys.count)
    #expect(Schema.defaults[kind.index].count == kind.spec.attributes.count)
    for (i, attribute) in kind.spec.attributes.enumerated() {
      #expect(Schema.defaults[kind.index][i] == attribute.defaultValue)
      #expect(kind.spec.attributeIndex(attribute.name.uppercased()) == i)
    }
  }

  @Test func unknownKindKeyword() {
    #expect(Kind(keyword: "plan") == nil)
    #expect(Kind(keyword: "") == nil)
  }

  @Test func entityDefaultsComeFromTheSchema() {
    let e = Entity(
      kind: .consortium, key: EntityKey("K1"), location: PlanLanguage.SourceLocation(file: "t", line: 1, column: 1))
    #expect(e[Attr.Consortium.agreement] == .flag(false))
    #expect(e[Attr.Consortium.field] == nil)
  }

  @Test func entityKeysSortLikeTheirParts() {
    let keys = [
      EntityKey("G10"), EntityKey("G2"), EntityKey("G02"), EntityKey("目标2"),
      EntityKey("K1", "P10", "central"), EntityKey("K1", "P2", "social"), EntityKey("K1", "P2", "central"),
      EntityKey("K10", "P1", "bank"), EntityKey("K2", "P1", "bank"),
    ]
    for x in keys {
      for y in keys where x.parts.count == y.parts.count {
        #expect(NaturalOrder.less(x, y) == NaturalOrder.less(x.parts, y.parts), "\(x) \(y)")
      }
    }
  }

  /// The first implementation of `NaturalOrder.less` (digit runs collected into arrays), kept
  /// as the reference for the allocation-free one.
  static func referenceLess(_ a: String, _ b: String) -> Bool {
    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    var i = a.utf8.makeIterator()
    var j = b.utf8.makeIterator()
    var x = i.next()
    var y = j.next()
    while let cx = x, let cy = y {
      if isDigit(cx) && isDigit(cy) {
        var runA: [UInt8] = []
        var runB: [UInt8] = []
        var p: UInt8? = cx
        while let c = p, isDigit(c) { runA.append(c); p = i.next() }
        var q: UInt8? = cy
        while let c = q, isDigit(c) { runB.append(c); q = j.next() }
        let ta = runA.drop { $0 == 0x30 }
        let tb = runB.drop { $0 == 0x30 }
        if ta.count != tb.count { return ta.count < tb.count }
        if !ta.elementsEqual(tb) { return ta.lexicographicallyPrecedes(tb) }
        if runA.count != runB.count { return runA.count < runB.count }
        x = p
        y = q
        continue
      }
      if cx != cy { return cx < cy }
      x = i.next()
      y = j.next()
    }
    return x == nil && y != nil
  }

  @Test func naturalOrderAgreesWithTheReference() {
    let ids = [
      "a0010", "a10", "a9", "a009", "a", "a1b", "a1", "a01", "b", "9", "10", "010", "", "0", "00",
      "G2", "G10", "G1-2", "G1-10", "目标2", "目标10", "K1-P1-G3", "K1-P10", "x99999999999999999999", "x1e5",
    ]
    for x in ids {
      for y in ids {
        #expect(NaturalOrder.less(x, y) == Self.referenceLess(x, y), "\(x) \(y)")
      }
    }
  }

  @Test func keysHashOnlyTheirPartsButConsistently() {
    let a = EntityKey("K1", "P1", "central")
    #expect(a == EntityKey(parts: ["K1", "P1", "central"]))
    #expect(a.hashValue == EntityKey(parts: ["K1", "P1", "central"]).hashValue)
    #expect(Set([EntityKey("F1"), EntityKey("F1"), EntityKey("F1", "C1")]).count == 2)
  }
}
