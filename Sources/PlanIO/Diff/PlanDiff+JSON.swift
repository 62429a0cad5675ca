import PlanModel

extension PlanDiff {
  /// The differences as JSON, ending in a newline:
  ///
  /// ```
  /// {"equal": false, "differences": 1,
  ///  "changes": [{"change": "changed", "kind": "goal", "key": "G101", "name": "…",
  ///               "attributes": [{"attribute": "target", "old": 500, "new": 800}]}]}
  /// ```
  /// `kind` and `key` are `null` for the plan's settings; attribute names are those of the plan
  /// language; values have the types of the JSON export (`null`: not set); for an added or
  /// removed entity, `attributes` lists what it sets and `statement` the `add` statement.
  package func json() -> String {
    JSONValue.object([
      ("equal", .bool(isEmpty)),
      ("differences", .int(changes.count)),
      (
        "changes",
        .array(
          changes.map { change in
            var members: [(String, JSONValue)] = [
              ("change", .string(change.change.rawValue)),
              ("kind", .optional(change.kind?.rawValue)),
              ("key", .optional(change.key?.description)),
              ("name", .optional(change.name)),
              (
                "attributes",
                .array(
                  change.attributes.map { a in
                    .object([
                      ("attribute", .string(a.attribute)),
                      ("old", JSONExport.value(a.old, a.type)),
                      ("new", JSONExport.value(a.new, a.type)),
                    ])
                  })
              ),
            ]
            if let statement = change.statement { members.append(("statement", .string(statement))) }
            return .object(members)
          })
      ),
    ]).rendered()
  }
}
