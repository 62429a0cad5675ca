import Testing

@testable import PlanModel

/// `EntityKey` keeps its parts in one joined string; these check it behaves as the three parts
/// `(a, b, c)` would, each expectation worked out from the parts by hand or by tuple comparison.
@Suite struct EntityKeyTests {
  static let keys: [EntityKey] = [
    EntityKey("K1"), EntityKey("K10"), EntityKey("K1", "O2"), EntityKey("K1", "O10"),
    EntityKey("K1", "O2", "enterprise"),
    EntityKey("K1", "O2", "provincial"), EntityKey("联合体1"), EntityKey("联合体1", "吉大"), EntityKey("K1", "", "x"),
    EntityKey("K"), EntityKey("K1a"), EntityKey("a-very-long-identifier-of-forty-characters", "and-another-long-one"),
  ]

  static func parts(_ k: EntityKey) -> (String, String, String) { (k.a, k.b, k.c) }

  @Test func partsReadBackAsGiven() {
    let k = EntityKey("K1", "P1", "enterprise")
    #expect(k.a == "K1" && k.b == "P1" && k.c == "enterprise")
    #expect(k.parts == ["K1", "P1", "enterprise"])
    #expect(k.description == "K1 P1 enterprise")
    let m = EntityKey("联合体1", "吉林大学")
    #expect(m.a == "联合体1" && m.b == "吉林大学" && m.c == "")
    #expect(m.parts == ["联合体1", "吉林大学"])
    let one = EntityKey("G10")
    #expect(one.a == "G10" && one.b.isEmpty && one.c.isEmpty && one.parts == ["G10"])
    // Only b empty: c is kept in its place.
    let gap = EntityKey("K1", "", "x")
    #expect(gap.a == "K1" && gap.b == "" && gap.c == "x")
    #expect(EntityKey(parts: ["F1", "C2"]) == EntityKey("F1", "C2"))
  }

  @Test func equalityHashAndOrderFollowTheParts() {
    for x in Self.keys {
      for y in Self.keys {
        let (xa, xb, xc) = Self.parts(x)
        let (ya, yb, yc) = Self.parts(y)
        #expect((x == y) == ((xa, xb, xc) == (ya, yb, yc)), "\(x.description) == \(y.description)")
        #expect((x < y) == ((xa, xb, xc) < (ya, yb, yc)), "\(x.description) < \(y.description)")
        if x == y { #expect(x.hashValue == y.hashValue) }
        // Natural order, part by part, as NaturalOrder.less over the part lists.
        #expect(
          NaturalOrder.less(x, y) == NaturalOrder.less([xa, xb, xc], [ya, yb, yc]),
          "\(x.description) ≺ \(y.description)")
      }
    }
  }

  @Test func naturalOrderComparesDigitRunsInEveryPart() {
    #expect(NaturalOrder.less(EntityKey("K2"), EntityKey("K10")))
    #expect(NaturalOrder.less(EntityKey("K1", "O2"), EntityKey("K1", "O10")))
    #expect(!NaturalOrder.less(EntityKey("K1", "O10"), EntityKey("K1", "O2")))
    #expect(NaturalOrder.less(EntityKey("K1", "P1", "enterprise"), EntityKey("K1", "P1", "provincial")))
    #expect(NaturalOrder.less(EntityKey("K1"), EntityKey("K1", "O1")))  // a missing part is empty
    #expect(!NaturalOrder.less(EntityKey("K1", "O1"), EntityKey("K1", "O1")))
  }

  @Test func setPartReplacesOnePart() {
    var k = EntityKey("K1", "P1", "enterprise")
    k.setPart(1, "P2")
    #expect(k == EntityKey("K1", "P2", "enterprise"))
    k.setPart(0, "K9")
    #expect(k.parts == ["K9", "P2", "enterprise"])
    k.setPart(2, "provincial")
    #expect(k.c == "provincial")
  }

  /// The point of the joined form: a key is one string, an entity 56 bytes (SourceLocation 12,
  /// kind 1, key and name 16 each, values 8).
  @Test func keysAndEntitiesAreCompact() {
    #expect(MemoryLayout<EntityKey>.size == 16)
    #expect(MemoryLayout<Entity>.stride == 56)
  }
}
