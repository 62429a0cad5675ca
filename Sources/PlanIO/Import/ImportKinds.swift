import PlanLanguage
import PlanModel

/// What a CSV file's base name or a workbook's sheet name says it holds (SPEC §13): a kind, by
/// its keyword in any case (`org.csv`, `Goal`) or its Chinese name (`单位.csv`), as
/// ``WorkbookSheets`` names the sheets.
package enum ImportKinds {
  /// The kind named `name`, or `nil`.
  package static func kind(named name: String) -> Kind? {
    if case .kind(let kind) = WorkbookSheets.sheet(named: name) { return kind }
    return nil
  }

  /// Every name of a kind, for "did you mean".
  package static var allNames: [String] {
    Kind.allCases.flatMap { [WorkbookSheets.name(.kind($0), .en), WorkbookSheets.name(.kind($0), .zh)] }
  }

  /// The kind a CSV file holds by its base name without extension (`plans/org.csv` → `org`).
  package static func kind(ofFile path: String) -> Kind? {
    kind(named: baseName(path))
  }

  /// The base name of `path` without its extension.
  package static func baseName(_ path: String) -> String {
    let last = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
    return String(last[..<dot])
  }
}
