import Foundation
import Testing
@testable import Recording

/// The layout's paths are part of the stored format: expected paths are literal.
@Suite struct ResultsLayoutTests {
    @Test func pathsInsideAResultsFolder() {
        let layout = ResultsLayout(directory: URL(fileURLWithPath: "/r/quickstart"))
        #expect(layout.runsFolder.path == "/r/quickstart/runs")
        #expect(layout.indexFile.path == "/r/quickstart/index.json")
        #expect(layout.runFile(runID: "0123abcd").path == "/r/quickstart/runs/0123abcd.h5")
        #expect(layout.lockFile().path == "/r/quickstart/.lock")
        #expect(layout.lockFile(shard: (2, 5)).path == "/r/quickstart/.lock-shard-2-of-5")
    }

    @Test func defaultFoldersAreRelativeToTheWorkingFolder() {
        #expect(ResultsLayout(grid: "quickstart").directory.relativePath == "results/quickstart")
        #expect(ResultsLayout.defaultBaselineFolder(grid: "quickstart").relativePath == "results/baselines/quickstart")
        #expect(ResultsLayout.baselineFileName == "baseline.json")
        #expect(ResultsLayout.baselineMetaFileName == "meta.json")
    }

    @Test func runFileNames() {
        #expect(ResultsLayout.isRunFileName("0123abcd.h5"))
        #expect(!ResultsLayout.isRunFileName(".0123abcd.h5.tmp-12-abc"))
        #expect(!ResultsLayout.isRunFileName("index.json"))
        #expect(ResultsLayout.isTemporaryFileName(".0123abcd.h5.tmp-12-abc"))
        #expect(ResultsLayout.runID(fileName: "0123abcd.h5") == "0123abcd")
    }

    @Test func vocabularySpellsTheStoredNames() {
        #expect(RunFileNames.Attribute.finalObjective == "final_objective")
        #expect(RunFileNames.Attribute.restoredStep == "restored_step")
        #expect(RunFileNames.Curve.trainLoss == "train_loss")
        #expect(RunFileNames.Curve.wallTime == "wall_time")
        #expect(RunFileNames.curvesGroup == "curves")
    }
}
