import Foundation

/// `text`: next-character prediction on a user's plain UTF-8 text file.
///
/// Parameters (defaults): `path` (required; relative paths are taken below the
/// data root), `seq_len` (64), `max_chars` (0 = the whole file, else only the
/// first `max_chars` characters), `max_vocab` (1000 ids, including `<pad>` and
/// `<unk>`). The text is used as is (gzip files are decompressed).
/// Validation is the last 10% of the characters; no test split. An empty file,
/// or one too short to give one validation sequence, is an error.
enum TextCorpus: DatasetBuilder {
    static let id = "text"
    static let parameters = [
        ParameterSpec("path", nil, .path, required: true),
        ParameterSpec("seq_len", .int(64), .integer(1...4096)),
        ParameterSpec("max_chars", .int(0), .integer(0...Int.max)),
        ParameterSpec("max_vocab", .int(1000), .integer(3...1_000_000)),
    ]

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let url = DataFile.resolve(params.string("path"), dataRoot: dataRoot)
        var text = try TextDecoding.scalars(try DataFile.read(url), path: url.path)
        let cap = params.int("max_chars")
        if cap > 0 && text.count > cap { text.removeLast(text.count - cap) }
        return try CharLanguageModel.dataset(name: id, params: params.values, text: text,
                                             seqLen: params.int("seq_len"), maxVocab: params.int("max_vocab"),
                                             source: url.path)
    }
}
