import Testing
import Engine

/// The three sin/cos evaluations of `DeterministicTrig` round differently; each
/// call site's numbers are pinned to the bits its former private copy gave
/// (recorded before the copies were merged), so a "simplification" that makes
/// them share code cannot silently change stored runs.
@Suite struct DeterministicTrigVariantsTests {
    @Test func modelsVariantKeepsItsBits() {
        #expect(DeterministicTrig.sinCos(0.451).sin.bitPattern == 0x3fdb_e539_8401_a0a3)
        #expect(DeterministicTrig.sinCos(1.5).cos.bitPattern == 0x3fb2_1bd5_4fc5_f9a7)
        #expect(DeterministicTrig.sinCos(3.0).cos.bitPattern == 0xbfef_ae04_be85_e5d2)
    }

    @Test func syntheticDataVariantKeepsItsBits() {
        #expect(DeterministicTrig.sinCosDegree17(0.451).sin.bitPattern == 0x3fdb_e539_8401_a0a4)
        #expect(DeterministicTrig.sinCosDegree17(0.451).cos.bitPattern == 0x3fec_cce5_4f08_283a)
        #expect(DeterministicTrig.sinCosDegree17(0.46900000000000003).sin.bitPattern == 0x3fdc_ed7a_4cfc_516d)
        #expect(DeterministicTrig.sinCosDegree17(-7.25).cos.bitPattern == 0x3fe2_2c6f_50dc_3fbf)
    }

    @Test func scheduleVariantKeepsItsBits() {
        #expect(DeterministicTrig.cosHalfTurn(0.5).bitPattern == 0x3fec_1528_065b_7d50)
        #expect(DeterministicTrig.cosHalfTurn(1.5).bitPattern == 0x3fb2_1bd5_4fc5_f9a4)
        #expect(DeterministicTrig.cosHalfTurn(3.0).bitPattern == 0xbfef_ae04_be85_e5d3)
    }
}
