import Support
/// Dataset names and parameters accepted in grid files: shipped and synthetic
/// sets, plus `idx`, `csv` and `text` loaders for the user's own files.
public enum DatasetCatalog {
    static let count = ParamSpec.int("n", 2000, .atLeast(10), "number of examples over all splits")
    static let seqLen = ParamSpec.int("seq_len", 64, .atLeast(1), "characters per training sequence")
    static let maxChars = ParamSpec.int("max_chars", 200_000, .atLeast(1), "read at most this many characters")
    static let books = ["emma", "mansfield_park", "northanger_abbey", "persuasion", "pride_and_prejudice",
                        "sense_and_sensibility"]

    public static let catalog = ComponentCatalog(axis: .dataset, entries: [
        ComponentEntry("digits", "8x8 handwritten digits, 1797 rows, 10 classes (UCI optdigits test set)"),
        ComponentEntry("digits_seq", "digits as a sequence for recurrent models", params: [
            .choice("mode", "rows", ["rows", "pixels"], "8 steps of 8 pixels, or 64 steps of 1 pixel"),
        ]),
        ComponentEntry("austen_books", "which Jane Austen novel a passage comes from (6 classes)", params: [
            .int("passage_words", 40, .atLeast(1), "words per passage"),
            .choice("level", "word", ["word", "char"], "token level"),
            .int("max_vocab", 5000, .atLeast(2), "vocabulary size, most frequent tokens first"),
            .int("passages_per_book", 300, .atLeast(1), "passages taken from each novel"),
        ]),
        ComponentEntry("austen_charlm", "next-character prediction on one Jane Austen novel", params: [
            .choice("book", "pride_and_prejudice", books, "the novel"),
            seqLen,
            maxChars,
        ]),
        ComponentEntry("blobs", "Gaussian blobs, one per class", params: [
            .int("n", 600, .atLeast(10), "number of examples over all splits"),
            .int("classes", 3, .atLeast(2), "number of blobs"),
            .int("dim", 2, .atLeast(1), "input dimension"),
            .double("spread", 1.0, .positive, "standard deviation of each blob"),
        ]),
        ComponentEntry("spirals", "two interleaved spirals", params: [
            .int("n", 600, .atLeast(10), "number of examples over all splits"),
            .double("noise", 0.1, .nonNegative, "standard deviation of the added noise"),
        ]),
        ComponentEntry("adding", "adding problem (Hochreiter and Schmidhuber 1997): sum the two marked values",
                       params: [.int("length", 30, .atLeast(2), "sequence length"), count]),
        ComponentEntry("copy", "copy task: reproduce the symbols after a delay", params: [
            .int("length", 8, .atLeast(1), "symbols to copy"),
            .int("delay", 5, .nonNegative, "blank steps before recall"),
            .int("symbols", 8, .atLeast(2), "alphabet size"),
            count,
        ]),
        ComponentEntry("parity", "parity of a bit string", params: [
            .int("length", 10, .atLeast(1), "bits per string"), count,
        ]),
        ComponentEntry("dyck", "whether a bracket string is balanced (Dyck language)", params: [
            .int("length", 12, .atLeast(2), "brackets per string"), count,
        ]),
        ComponentEntry("negation_sentiment", "synthetic sentences whose sentiment flips under negation",
                       params: [count]),
        ComponentEntry("idx", "images and labels in IDX files (the MNIST format)", params: [
            .path("images", required: true, "training images"),
            .path("labels", required: true, "training labels"),
            .path("test_images", required: false, "test images"),
            .path("test_labels", required: false, "test labels"),
        ], rules: [ParamRule("test_images and test_labels come together") { p, _ in
            switch (p["test_images"], p["test_labels"]) {
            case (nil, _?): return .init(key: "test_labels", "needs test_images too")
            case (_?, nil): return .init(key: "test_images", "needs test_labels too")
            default: return nil
            }
        }]),
        ComponentEntry("csv", "numeric table: feature columns, then an integer class label in the last column",
                       params: [
                           .path("path", required: true, "the CSV file"),
                           .bool("header", false, "skip the first line"),
                       ]),
        ComponentEntry("text", "next-character prediction on a UTF-8 text file", params: [
            .path("path", required: true, "the text file"),
            seqLen,
            maxChars,
        ]),
    ])
}
