import Foundation
import LinliKit
import Testing

@Suite("Audit hash chain (pure)")
struct AuditChainTests {
    static func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var previous = AuditRecord.genesisHash
        for seq in 1...Int64(count) {
            let hash = AuditRecord.computeHash(seq: seq, at: 1000 * seq, actorId: 1, actorName: "a", ip: nil, action: "x.update",
                                               entityType: "x", entityId: "\(seq)", regionPath: "/1/", before: nil,
                                               after: #"{"v":"\#(seq)"}"#, prevHash: previous)
            records.append(AuditRecord(id: seq, seq: seq, at: 1000 * seq, actorId: 1, actorName: "a", ip: nil, action: "x.update",
                                       entityType: "x", entityId: "\(seq)", regionPath: "/1/", before: nil,
                                       after: #"{"v":"\#(seq)"}"#, prevHash: previous, hash: hash))
            previous = hash
        }
        return records
    }

    static func walk(_ records: [AuditRecord], headSeq: Int64, headHash: String) -> AuditChainFinding {
        var walker = AuditChainWalker()
        for record in records {
            if let finding = walker.check(record) { return finding }
        }
        return walker.finish(headSeq: headSeq, headHash: headHash)
    }

    @Test func anIntactChainVerifies() {
        let records = Self.chain(5)
        #expect(Self.walk(records, headSeq: 5, headHash: records[4].hash!) == .intact(rows: 5))
    }

    @Test func anEditedRowIsNamed() {
        var records = Self.chain(5)
        let r = records[2]
        records[2] = AuditRecord(id: r.id, seq: r.seq, at: r.at, actorId: r.actorId, actorName: "mallory", ip: r.ip, action: r.action,
                                 entityType: r.entityType, entityId: r.entityId, regionPath: r.regionPath, before: r.before,
                                 after: r.after, prevHash: r.prevHash, hash: r.hash)
        #expect(Self.walk(records, headSeq: 5, headHash: records[4].hash!) == .altered(seq: 3))
    }

    @Test func anEditedRowWithARecomputedHashIsStillCaughtByItsSuccessor() {
        var records = Self.chain(5)
        let r = records[1]
        let forged = AuditRecord.computeHash(seq: r.seq!, at: r.at, actorId: r.actorId, actorName: r.actorName, ip: r.ip,
                                             action: "x.delete", entityType: r.entityType, entityId: r.entityId,
                                             regionPath: r.regionPath, before: r.before, after: r.after, prevHash: r.prevHash!)
        records[1] = AuditRecord(id: r.id, seq: r.seq, at: r.at, actorId: r.actorId, actorName: r.actorName, ip: r.ip, action: "x.delete",
                                 entityType: r.entityType, entityId: r.entityId, regionPath: r.regionPath, before: r.before,
                                 after: r.after, prevHash: r.prevHash, hash: forged)
        #expect(Self.walk(records, headSeq: 5, headHash: records[4].hash!) == .altered(seq: 2))
    }

    @Test func aRemovedRowIsNamed() {
        var records = Self.chain(5)
        records.remove(at: 3)
        #expect(Self.walk(records, headSeq: 5, headHash: Self.chain(5)[4].hash!) == .missing(seq: 4))
    }

    @Test func anUnsequencedRowIsNotAPlaceInTheChain() {
        var records = Self.chain(3)
        let r = records[1]
        records[1] = AuditRecord(id: r.id, seq: nil, at: r.at, actorId: r.actorId, actorName: r.actorName, ip: r.ip, action: r.action,
                                 entityType: r.entityType, entityId: r.entityId, regionPath: r.regionPath, before: r.before,
                                 after: r.after, prevHash: nil, hash: nil)
        #expect(Self.walk(records, headSeq: 3, headHash: records[2].hash!) == .missing(seq: 2))
        #expect(records[1].expectedHash == nil)
    }

    @Test func aCheckpointIsSignedByItsKeyOverItsOwnHeadOnly() throws {
        let signer = try AuditSigner(seed: Data(repeating: 7, count: 32))
        let checkpoint = try signer.sign(seq: 42, hash: String(repeating: "a", count: 64), at: 1_000)
        #expect(checkpoint.isSigned)
        let moved = AuditCheckpoint(seq: 43, hash: checkpoint.hash, at: checkpoint.at, publicKey: checkpoint.publicKey,
                                    signature: checkpoint.signature)
        #expect(!moved.isSigned, "the signature covers the seq")
        let other = try AuditSigner(seed: Data(repeating: 8, count: 32))
        let rekeyed = AuditCheckpoint(seq: 42, hash: checkpoint.hash, at: checkpoint.at, publicKey: other.publicKey,
                                      signature: checkpoint.signature)
        #expect(!rekeyed.isSigned, "another key's public half does not verify it")
        let lines = try AuditCheckpoint.exportLines([checkpoint, try signer.sign(seq: 50, hash: checkpoint.hash, at: 2_000)])
        #expect(try AuditCheckpoint.parseLines(lines).map(\.seq) == [42, 50])
        #expect(throws: DomainError.self) { _ = try AuditCheckpoint.parseLines(lines + "not a checkpoint\n") }
    }

    @Test func rowsCutFromTheEndAreNoticedByTheHead() {
        let records = Self.chain(5)
        #expect(Self.walk(Array(records.prefix(3)), headSeq: 5, headHash: records[4].hash!) == .truncated(after: 3))
    }
}
