import CYaml

/// Bounds a grid file's YAML before Yams composes it.
///
/// Yams resolves aliases by sharing nodes and checks a mapping's keys for
/// duplicates by hashing them; both walk the expanded tree, so a few hundred
/// bytes of nested aliases (`&a9 [*a8, *a8, ...]`) expand to billions of
/// nodes, and used as a mapping key (`? *a9`) they hang the composer. This
/// pass reads libyaml's event stream, where an alias is one event, and stops
/// before any expansion or hashing happens.
enum YAMLBudget {
    /// The most nodes a grid file may hold once aliases are expanded; real
    /// grid files hold a few hundred.
    static let defaultNodeLimit = 1_000_000

    /// Throws a `GridError` at the offending place when a mapping key is not a
    /// scalar (grid keys are plain names) or when expanding aliases would give
    /// more than `nodeLimit` nodes. Malformed YAML is left for Yams to report
    /// with its own message.
    static func check(_ text: String, file: String, nodeLimit: Int = defaultNodeLimit) throws(GridError) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        var failure: GridError?
        bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = EventWalk(file: file, nodeLimit: nodeLimit)
            while failure == nil {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                failure = walk.take(event)
            }
        }
        if let failure { throw failure }
    }
}

/// The state of one pass over a YAML event stream: open collections, the
/// expanded size of every anchor, and the running total.
private struct EventWalk {
    /// An open sequence or mapping.
    struct Frame {
        var isMapping: Bool
        var anchor: String?
        /// Expanded nodes in this collection so far, itself included.
        var size = 1
        /// Children seen so far; in a mapping even counts mean a key comes next.
        var children = 0
    }

    /// What an anchor stands for once expanded.
    struct Anchored {
        var size: Int
        var isScalar: Bool
    }

    let file: String
    let nodeLimit: Int
    var stack: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var total = 0

    init(file: String, nodeLimit: Int) {
        self.file = file
        self.nodeLimit = nodeLimit
    }

    /// Takes one event; returns the error it reveals, if any.
    mutating func take(_ event: yaml_event_t) -> GridError? {
        let mark = event.start_mark
        switch event.type {
        case YAML_SCALAR_EVENT:
            return add(Anchored(size: 1, isScalar: true), anchor: Self.name(event.data.scalar.anchor), at: mark)
        case YAML_ALIAS_EVENT:
            // An undefined alias is Yams' to report; count it as one node.
            let target = Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? Anchored(size: 1, isScalar: true)
            return add(target, anchor: nil, at: mark)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            if let error = checkKey(isScalar: false, at: mark) { return error }
            let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            stack.append(Frame(isMapping: isMapping, anchor: anchor))
            return count(1, at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let done = stack.popLast() else { return nil }
            let node = Anchored(size: done.size, isScalar: false)
            if let anchor = done.anchor { anchors[anchor] = node }
            attach(node)
            return nil
        default:
            return nil
        }
    }

    /// A scalar or an alias: checks it as a key, counts it, attaches it.
    private mutating func add(_ node: Anchored, anchor: String?, at mark: yaml_mark_t) -> GridError? {
        if let error = checkKey(isScalar: node.isScalar, at: mark) { return error }
        if let error = count(node.size, at: mark) { return error }
        if let anchor { anchors[anchor] = node }
        attach(node)
        return nil
    }

    private mutating func attach(_ node: Anchored) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].size += node.size
        stack[stack.count - 1].children += 1
    }

    private func checkKey(isScalar: Bool, at mark: yaml_mark_t) -> GridError? {
        guard let parent = stack.last, parent.isMapping, parent.children % 2 == 0, !isScalar else { return nil }
        return error(at: mark, "keys must be plain names, got a sequence, mapping or alias to one as a mapping key")
    }

    private mutating func count(_ nodes: Int, at mark: yaml_mark_t) -> GridError? {
        total += nodes
        guard total > nodeLimit else { return nil }
        return error(at: mark, "too many YAML nodes once aliases are expanded (more than \(nodeLimit));"
                     + " grid files do not need aliases that multiply")
    }

    private func error(at mark: yaml_mark_t, _ message: String) -> GridError {
        GridError(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, keyPath: "", message: message)
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
