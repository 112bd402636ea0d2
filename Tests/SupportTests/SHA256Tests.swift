import Testing
@testable import Support

/// FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf" examples).
@Suite struct SHA256Tests {
    @Test func emptyString() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
    @Test func abc() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
    @Test func twoBlockMessage() {
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
    @Test func streamingEqualsOneShot() {
        let text = String(repeating: "bench-", count: 50)
        var s = SHA256()
        for chunk in text.split(separator: "-", omittingEmptySubsequences: false) { s.update(String(chunk)); s.update("-") }
        var t = SHA256(); t.update(text + "-")
        #expect(s.finalize() == t.finalize())
    }
}

/// FIPS 180-4 long-message vector: one million 'a', fed in chunks of varying size
/// so that buffered and block-aligned paths are both exercised.
@Suite struct SHA256LongMessageTests {
    @Test func millionAInOddChunks() {
        var s = SHA256()
        let a = [UInt8](repeating: 97, count: 1_000_000)
        var i = 0, k = 1
        while i < a.count { let e = min(a.count, i + k); s.update(a[i..<e]); i = e; k = k % 130 + 7 }
        #expect(SHA256.hexString(s.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
