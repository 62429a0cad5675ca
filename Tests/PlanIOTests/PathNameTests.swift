import Foundation
import Testing

@testable import PlanIO

/// ``PathName`` against the `NSString` path methods it replaces (Foundation proper, which the
/// tests may import and cplan does not).
@Suite struct PathNameTests {
  static let paths: [String] = [
    "", "/", "//", "///", "..", "ab", "ab/", "ab//", "/a", "/a/", "//a", "//a//", "a/b", "a/b/", "a//b",
    "/a/b/c", "/a//b///c", "./a", "../a/b", "a/./b", "/tmp/plan.plan", "plans/jilin-2025-2030.plan",
    "计划/吉林省.plan", "/home/用户/.local/state/cplan/journal", "a/b\u{301}", "/\u{301}x", "a/\u{301}", "~/x",
    "with space/a b.plan", ".hidden", "/.x/.y.tmp",
  ]

  /// Equal bytes (`==` on strings is canonical equivalence).
  func same(_ a: String, _ b: String) -> Bool { Array(a.utf8) == Array(b.utf8) }

  @Test(arguments: paths) func deletingLastComponentIsNSStrings(_ path: String) {
    #expect(same(PathName.deletingLastComponent(path), (path as NSString).deletingLastPathComponent))
  }

  @Test(arguments: paths) func lastComponentIsNSStrings(_ path: String) {
    #expect(same(PathName.lastComponent(path), (path as NSString).lastPathComponent))
  }

  @Test(arguments: paths) func appendingIsNSStrings(_ path: String) {
    for component in ["", "x", "/x", "x/", ".plan.123.0.abc.tmp", "联合体", "\u{301}y"] {
      #expect(same(PathName.appending(component, to: path), (path as NSString).appendingPathComponent(component)))
    }
  }

  /// A name of one character: its folder is `` (empty). (`NSString.deletingLastPathComponent`
  /// traps on it in swift-corelibs-foundation 6.3: `save p` through a symlink `p` crashed.)
  @Test func oneCharacterName() {
    for path in [".", "a", "a/", "a//", "计"] {
      #expect(same(PathName.deletingLastComponent(path), ""))
    }
    #expect(same(PathName.lastComponent("a//"), "a"))
    #expect(same(PathName.deletingLastComponent("/a"), "/"))
  }

  /// Several runs of `/`: each counts as one. (`NSString`'s own compression loses its place
  /// after the first run it shortens, and its `lastPathComponent` of `/a//b///c//` traps.)
  @Test func everyRunOfSlashesIsOne() {
    #expect(same(PathName.lastComponent("/a//b///c//"), "c"))
    #expect(same(PathName.deletingLastComponent("/a//b///c//"), "/a/b"))
    #expect(same(PathName.deletingLastComponent("x//y//z"), "x/y"))
    #expect(same(PathName.lastComponent("x//y//"), "y"))
  }
}
