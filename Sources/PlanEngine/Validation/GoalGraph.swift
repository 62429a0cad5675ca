import PlanModel

/// The `after` links of a plan's goals as a directed graph: an edge g → p for each goal p in g's
/// `after` list (p must be reached before g). Nodes are numbered in plan order. Links to goals
/// that do not exist are left out.
struct GoalGraph {
  /// Goal IDs by node.
  let ids: [String]
  /// `successors[g]`: the goals g comes after, in list order.
  let successors: [[Int]]
  /// Each goal's `phase` ID.
  let phases: [String?]

  /// - Complexity: O(goals + links).
  init(_ plan: Plan) {
    let goals = plan[.goal]
    ids = goals.keys.map(\.a)
    var node: [String: Int] = [:]
    node.reserveCapacity(ids.count)
    for (i, id) in ids.enumerated() { node[id] = i }
    var successors: [[Int]] = []
    var phases: [String?] = []
    successors.reserveCapacity(ids.count)
    phases.reserveCapacity(ids.count)
    for goal in goals.values {
      successors.append((goal.values[Attr.Goal.after]?.refs ?? []).compactMap { node[$0] })
      phases.append(goal.values[Attr.Goal.phase]?.ref)
    }
    self.successors = successors
    self.phases = phases
  }

  /// One cycle per strongly connected component that has a cycle (several goals, or one goal
  /// after itself), each starting and ending at the component's first goal in plan order, and
  /// taking the fewest links back to it. Components are listed by that first goal.
  ///
  /// - Returns: For each such component, the cycle's nodes (first = last) and all the
  ///   component's nodes in plan order.
  /// - Complexity: O(goals + links), without recursion (Tarjan's algorithm with an explicit
  ///   stack, then a breadth-first search inside each component), so a chain of 100,000 goals
  ///   cannot exhaust the stack.
  func cycles() -> [(path: [Int], component: [Int])] {
    let component = stronglyConnectedComponents()
    var size = [Int](repeating: 0, count: ids.count)
    for v in ids.indices { size[component[v]] += 1 }
    var members: [Int: [Int]] = [:]
    for v in ids.indices where size[component[v]] > 1 || successors[v].contains(v) {
      members[component[v], default: []].append(v)
    }
    var found: [(path: [Int], component: [Int])] = []
    for nodes in members.values {
      found.append((shortestCycle(through: nodes[0], within: component), nodes))
    }
    return found.sorted { $0.path[0] < $1.path[0] }
  }

  /// The component number of every node (Tarjan 1972), iteratively.
  private func stronglyConnectedComponents() -> [Int] {
    let n = ids.count
    var order = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var component = [Int](repeating: -1, count: n)
    var stack: [Int] = []
    var calls: [(node: Int, next: Int)] = []
    var counter = 0
    var components = 0

    func visit(_ v: Int) {
      order[v] = counter
      low[v] = counter
      counter += 1
      stack.append(v)
      onStack[v] = true
      calls.append((v, 0))
    }

    for root in 0..<n where order[root] < 0 {
      visit(root)
      while let (v, next) = calls.last {
        if next < successors[v].count {
          calls[calls.count - 1].next += 1
          let w = successors[v][next]
          if order[w] < 0 {
            visit(w)
          } else if onStack[w] {
            low[v] = min(low[v], order[w])
          }
          continue
        }
        calls.removeLast()
        if let parent = calls.last { low[parent.node] = min(low[parent.node], low[v]) }
        guard low[v] == order[v] else { continue }
        while let w = stack.popLast() {
          onStack[w] = false
          component[w] = components
          if w == v { break }
        }
        components += 1
      }
    }
    return component
  }

  /// The shortest cycle from `start` back to itself inside `start`'s component, by breadth-first
  /// search: `[start, …, start]`.
  private func shortestCycle(through start: Int, within component: [Int]) -> [Int] {
    var parent: [Int: Int] = [start: start]
    var queue = [start]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in successors[v] where component[w] == component[start] {
        if w == start {
          var path = [v]
          var x = v
          while x != start {
            x = parent[x]!
            path.append(x)
          }
          return path.reversed() + [start]
        }
        if parent[w] == nil {
          parent[w] = v
          queue.append(w)
        }
      }
    }
    return [start, start]
  }
}
