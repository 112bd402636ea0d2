import Support
/// The cartesian product of `lists`, first list outermost (it varies slowest),
/// so expanded grids keep the file's order.
func cartesian<T>(_ lists: [[T]]) -> [[T]] {
    var out: [[T]] = [[]]
    for list in lists {
        var next: [[T]] = []
        next.reserveCapacity(out.count * list.count)
        for prefix in out { for item in list { next.append(prefix + [item]) } }
        out = next
    }
    return out
}
