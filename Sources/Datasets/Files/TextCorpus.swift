import Support
import Foundation

/// `text`: next-character prediction on a user's plain UTF-8 text file.
///
/// Parameters (defaults): `path` (required; a grid resolves relative paths
/// against its own folder; called directly, below the data root), `seq_len` (64), `max_chars` (200000; 0 = the whole file, else only the
/// first `max_chars` characters), `max_vocab` (1000 ids, including `<pad>` and
/// `<unk>`). The text is used as is (gzip files are decompressed).
/// Validation is the last 10% of the characters; no test split. An empty file,
/// or one too short to give one validation sequence, is an error.
enum TextCorpus: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "text", "next-character prediction on a UTF-8 text file",
        params: [
            .path("path", required: true, "the text file"),
            .int("seq_len", 64, .closed(1, 4096), "characters per training sequence"),
            .int("max_chars", 200_000, .nonNegative, "read at most this many characters (0: the whole file)"),
            .int("max_vocab", 1000, .closed(3, 1_000_000), "vocabulary size, most frequent characters first", identity: .whenNotDefault),
        ])

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
