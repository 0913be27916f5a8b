/// Colour pairs allocated on demand. ncurses draws a cell's colours through a numbered pair that must be
/// defined (`init_pair`) first, and a terminal has a limited number (`COLOR_PAIRS`, 64 on 8-colour
/// terminals). Pair 0 is fixed to the default colours and never reallocated.
struct ColorPairTable {
    /// The answer to a lookup.
    enum Lookup: Equatable {
        /// The pair already exists.
        case existing(Int16)
        /// A new pair number: the caller must define it with `init_pair` before use.
        case allocated(Int16)
        /// Every pair is taken; the caller may `reset()` and redraw the whole frame.
        case exhausted
    }

    /// Pairs 1..<capacity are available.
    let capacity: Int
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int = 1

    private struct PairKey: Hashable { let foreground: Int32; let background: Int32 }

    /// `colorPairs` is ncurses' `COLOR_PAIRS`; pair numbers must also fit the `short` `setcchar` takes.
    init(colorPairs: Int) {
        capacity = max(1, min(colorPairs, Int(Int16.max)))
    }

    /// The pair for these colour numbers (-1 = default; packed RGB on direct-colour terminals), allocating
    /// one if needed.
    mutating func pair(foreground: Int32, background: Int32) -> Lookup {
        if foreground == -1 && background == -1 { return .existing(0) }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return .existing(existing) }
        guard nextPair < capacity else { return .exhausted }
        let number = Int16(nextPair)
        nextPair += 1
        pairs[key] = number
        return .allocated(number)
    }

    /// Forgets every allocation, so pair numbers are handed out again from 1. Cells already on screen keep
    /// their old numbers, so the caller must redraw everything.
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        nextPair = 1
    }

    /// How many pairs are in use, pair 0 excluded.
    var count: Int { pairs.count }
}
