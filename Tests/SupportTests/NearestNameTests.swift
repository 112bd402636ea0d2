import Testing
import Support

/// The one "did you mean" behaviour: textbook distances and the suggestions
/// the grid, optimizer, model, regularizer and data-set messages give.
@Suite struct NearestNameTests {
    /// Optimal-string-alignment distances, worked by hand: kitten→sitting needs
    /// two substitutions and an insertion; an adjacent swap counts once.
    @Test func distances() {
        #expect(NearestName.distance("kitten", "sitting") == 3)
        #expect(NearestName.distance("flaw", "lawn") == 2)
        #expect(NearestName.distance("", "abc") == 3)
        #expect(NearestName.distance("adam", "adam") == 0)
        #expect(NearestName.distance("adma", "adam") == 1)
        #expect(NearestName.distance("ca", "abc") == 3)
    }

    @Test(arguments: [
        ("adma", "adam"), ("lbgfs", "lbfgs"), ("newton-cg", "newton_cg"), ("SGD", "sgd"), ("rmsporp", "rmsprop"),
        ("adamW", "adamw"), ("lsr", "lsr1"), ("wolfe", "strong_wolfe"), ("lamda", "lambda"), ("dropot", "dropout"),
        ("weightdecay", "weight_decay"), ("digit", "digits"), ("cosin", "cosine"),
    ])
    func plausibleTyposGetTheirName(typo: String, intended: String) {
        let known = ["sgd", "adagrad", "rmsprop", "adam", "adamw", "bfgs", "dfp", "sr1", "lsr1", "lbfgs", "newton_cg",
                     "armijo", "strong_wolfe", "none", "lambda", "mu", "dropout", "weight_decay", "digits", "cosine",
                     "constant", "step"]
        #expect(NearestName.nearest(to: typo, in: known) == intended)
    }

    @Test func farNamesGetNoSuggestion() {
        #expect(NearestName.nearest(to: "quantum_foam", in: ["dropout", "l2", "none"]) == nil)
        #expect(NearestName.nearest(to: "xyzzy", in: ["sgd", "adam"]) == nil)
        #expect(NearestName.nearest(to: "p", in: []) == nil)
        #expect(NearestName.hint(for: "xyzzy", in: ["sgd", "adam"]) == " (known: sgd, adam)")
        #expect(NearestName.hint(for: "adma", in: ["sgd", "adam"]) == "; did you mean 'adam'?")
    }
}
