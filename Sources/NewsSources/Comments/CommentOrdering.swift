/// Turns a tree given as parent → children lists into thread order (depth first, children in the order
/// given), iteratively: a thread 300 replies deep must not grow the call stack.
enum CommentOrdering {
    /// Each reachable node once, with its depth (roots are 0). Nodes seen before are skipped, so a cycle
    /// in bad data ends instead of looping.
    static func depthFirst<Key: Hashable>(roots: [Key], children: [Key: [Key]]) -> [(key: Key, depth: Int)] {
        var order: [(key: Key, depth: Int)] = []
        var seen: Set<Key> = []
        var stack: [(key: Key, depth: Int)] = roots.reversed().map { ($0, 0) }
        while let (key, depth) = stack.popLast() {
            guard seen.insert(key).inserted else { continue }
            order.append((key, depth))
            for child in (children[key] ?? []).reversed() { stack.append((child, depth + 1)) }
        }
        return order
    }

    /// `found` (the order one source gives) re-ranked by `ranked` (the order the site shows): those in
    /// `ranked` first in its order, then the others in their own order.
    static func rank<Key: Hashable>(_ found: [Key], by ranked: [Key]?) -> [Key] {
        guard let ranked, !ranked.isEmpty else { return found }
        let present = Set(found)
        var result = ranked.filter { present.contains($0) }
        let placed = Set(result)
        result += found.filter { !placed.contains($0) }
        return result
    }
}
