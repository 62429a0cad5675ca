/// English counts with the noun in the number it takes (issue 18 item 13): "1 member",
/// "2 members", "2 consortia", "0 criteria". One place for every count the messages print
/// (Chinese needs none: "2 个成员").
package enum EnglishCount {
  /// `n` and `noun` (singular), the noun plural unless `n` is 1: `count(2, "member")` is
  /// "2 members".
  package static func count(_ n: Int, _ noun: String) -> String {
    "\(n) " + (n == 1 ? noun : plural(noun))
  }

  /// The plural of an English noun of cplan's messages: the Latin plurals of the kinds
  /// (consortium, criterion), `-ies` after a consonant, `-es` after a sibilant; `funding`
  /// (a mass noun) stays as it is.
  package static func plural(_ noun: String) -> String {
    if let irregular = irregulars[noun] { return irregular }
    let last = noun.last
    if last == "y", let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
    if last == "s" || last == "x" || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
    return noun + "s"
  }

  private static let irregulars = [
    "consortium": "consortia", "criterion": "criteria", "funding": "funding", "person": "people",
  ]
}
