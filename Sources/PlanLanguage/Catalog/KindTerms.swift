/// The Chinese name of each kind of entity (SPEC §4, §15), by its keyword: the one table that
/// PlanModel's `Kind.chineseName` reads, here so that messages name a kind in Chinese in
/// Chinese text ("未知的创新联合体 'K3'", not "未知的 consortium 'K3'"; issue 17 item 7).
package enum KindTerms {
  package static let chinese: [String: String] = [
    "criterion": "评价准则", "compare": "两两比较", "expert": "评审专家", "judgement": "专家两两比较", "field": "候选领域",
    "score": "评分", "rating": "专家评分", "org": "单位", "consortium": "创新联合体", "member": "成员", "phase": "阶段",
    "goal": "目标", "checkpoint": "阶段性目标值", "actual": "实际值", "measure": "支持措施", "funding": "资金",
    "outlay": "实际拨付", "plan": "计划",
  ]

  /// `kind`'s Chinese name, or `kind` itself when it names no kind (a word of the message).
  package static func zh(_ kind: String) -> String { chinese[kind] ?? kind }
}
