/// The verbs of the command language: the five that change the plan (SPEC §3) and the actions (SPEC §5).
package enum Verb: String, Sendable, CaseIterable {
  case add, set, remove, rename
  case validate, rank, show, list, export, save, load, new, run, undo, redo, help, quit, exit, recover
  // SPEC §11: the annual review.
  case review
  /// `import PATH …` (SPEC §13).
  case `import`
  /// `comment KIND KEY... [TEXT|none]`: the comment kept above an entity's statement (SPEC §15).
  case comment

  /// Whether the verb changes the plan (`add`, `set`, `remove`, `rename`); only these may stand in a plan file.
  package var isEdit: Bool {
    switch self {
    case .add, .set, .remove, .rename: true
    default: false
    }
  }

  /// The verb named by a keyword, ASCII case-insensitive (`ADD`, `add`), or by one of its
  /// Chinese names (`添加`, SPEC §15).
  /// - Complexity: byte comparisons (`init(rawValue:)` compares strings with every case in turn);
  ///   a Chinese name is compared as a string only when no keyword matched.
  package init?(keyword: String) {
    guard let i = Verb.matcher.index(of: keyword) else { return nil }
    self = Verb.named[i]
  }

  /// The keywords, then every Chinese name, each with the verb it names.
  private static let named: [Verb] = allCases + allCases.flatMap { verb in verb.chineseNames.map { _ in verb } }
  private static let matcher = KeywordMatcher(allCases.map(\.rawValue) + allCases.flatMap(\.chineseNames))

  /// Every name a verb may be typed by, keywords first: for suggestions over both languages.
  package static let allNames: [String] = allCases.map(\.rawValue) + allCases.flatMap(\.chineseNames)

  // MARK: Chinese names (SPEC §15, issue 17 item 6)

  /// The verb's Chinese names, its usual term first (`help` shows it): typed instead of the
  /// keyword, each is read as the verb. No name names two verbs (`GrammarTests`); `exit` has
  /// none of its own (退出 is `quit`).
  package var chineseNames: [String] {
    switch self {
    case .add: ["添加", "新增", "增加"]
    case .set: ["设置", "修改"]
    case .remove: ["删除"]
    case .rename: ["改名", "重命名"]
    case .validate: ["校验", "检查"]
    case .rank: ["排序", "排名"]
    case .show: ["显示", "查看"]
    case .list: ["列出", "列表"]
    case .export: ["导出"]
    case .save: ["保存"]
    case .load: ["载入", "打开"]
    case .new: ["新建"]
    case .run: ["运行", "执行"]
    case .undo: ["撤销"]
    case .redo: ["重做"]
    case .help: ["帮助"]
    case .quit: ["退出"]
    case .exit: []
    case .recover: ["恢复"]
    case .review: ["评估", "年度评估"]
    case .import: ["导入"]
    case .comment: ["注释"]
    }
  }

  /// The keyword after which this verb takes a path: `export … to PATH`, `review … against PATH`.
  var pathKeyword: String? {
    switch self {
    case .export: "to"
    case .review: "against"
    case .import: "map"
    default: nil
    }
  }

  /// Verbs whose first argument is a path.
  var takesPath: Bool {
    switch self {
    case .load, .save, .run, .recover, .import: true
    default: false
    }
  }
}

/// One parsed command: its verb and the tokens after it, uninterpreted.
///
/// The syntax tree stays generic: the plan model interprets kinds, keys and attributes
/// (PlanLanguage knows no plan), the shell interprets actions.
package struct Command: Sendable, Hashable {
  package var verb: Verb
  package var verbToken: Token
  package var arguments: [Token]

  package init(verb: Verb, verbToken: Token, arguments: [Token]) {
    self.verb = verb
    self.verbToken = verbToken
    self.arguments = arguments
  }

  /// Where the command starts.
  package var location: SourceLocation { verbToken.location }
}
