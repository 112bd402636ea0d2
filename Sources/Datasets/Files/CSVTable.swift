/// A numeric comma-separated table: every row has the same number of fields.
///
/// Fields may be surrounded by spaces or tabs; lines end in `\n` or `\r\n`;
/// blank lines are skipped. Numbers follow Swift's `Double(String)` syntax
/// (decimal or exponent form); non-finite values are refused.
struct CSVTable {
    let rows: Int
    let columns: Int
    /// Row-major values, `rows * columns`.
    let values: [Double]
    /// 1-based line number in the file of each row (for error messages about values).
    let lineNumbers: [Int]

    /// Parses `bytes` read from `path`; `header` skips the first non-blank line.
    init(bytes: [UInt8], path: String, header: Bool) throws {
        var values: [Double] = []
        var lineNumbers: [Int] = []
        var columns = -1
        var line = 0
        var start = 0
        var skipHeader = header
        var fieldValues: [Double] = []
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = next }
            if CSVTable.isBlank(bytes, start, end) { continue }
            if skipHeader { skipHeader = false; continue }
            fieldValues.removeAll(keepingCapacity: true)
            var fieldStart = start
            var field = 0
            while true {
                var fieldEnd = fieldStart
                while fieldEnd < end && bytes[fieldEnd] != UInt8(ascii: ",") { fieldEnd += 1 }
                field += 1
                guard let v = CSVTable.number(bytes, fieldStart, fieldEnd) else {
                    let text = String(decoding: bytes[fieldStart..<fieldEnd], as: UTF8.self)
                    throw DatasetError.malformedCSV(path: path, line: line, field: field,
                                                    expected: "a number", found: "'\(text)'")
                }
                fieldValues.append(v)
                if fieldEnd == end { break }
                fieldStart = fieldEnd + 1
            }
            if columns < 0 { columns = fieldValues.count }
            if fieldValues.count != columns {
                throw DatasetError.malformedCSV(path: path, line: line, field: min(fieldValues.count, columns) + 1,
                                                expected: "\(columns) fields (as in the first row)",
                                                found: "\(fieldValues.count) fields")
            }
            values.append(contentsOf: fieldValues)
            lineNumbers.append(line)
        }
        self.rows = lineNumbers.count
        self.columns = max(columns, 0)
        self.values = values
        self.lineNumbers = lineNumbers
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    private static func isBlank(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end { if !isSpace(bytes[i]) { return false }; i += 1 }
        return true
    }

    /// The finite number in `bytes[start..<end]` (surrounding blanks allowed), or nil.
    static func number(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Double? {
        var s = start, e = end
        while s < e && isSpace(bytes[s]) { s += 1 }
        while e > s && isSpace(bytes[e - 1]) { e -= 1 }
        if s == e { return nil }
        // Fast path: an optional sign and at most 15 digits is exactly representable.
        var i = s
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { negative = bytes[i] == UInt8(ascii: "-"); i += 1 }
        if i < e && e - i <= 15 {
            var v: Int64 = 0
            var j = i
            while j < e, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") {
                v = v * 10 + Int64(bytes[j] - UInt8(ascii: "0"))
                j += 1
            }
            if j == e { return negative ? -Double(v) : Double(v) }
        }
        guard let v = Double(String(decoding: bytes[s..<e], as: UTF8.self)), v.isFinite else { return nil }
        return v
    }
}
