import Crypto
import Foundation

/// A feature that keeps values sealed by the `PersonalDataVault` re-seals and re-indexes them
/// when the key changes, inside the rotation's transaction.
public protocol SealedDataOwner: Sendable {
    /// Re-seals every value from `old` to `new`; returns how many values changed.
    func reseal(_ tx: Tx, from old: PersonalDataVault, to new: PersonalDataVault) async throws -> Int
    /// One sealed value, if any, to tell which key the data is under.
    func sampleSealedValue(_ tx: Tx) async throws -> String?
}

/// Rotating the master key kept in `<data-dir>/linli.key`:
/// 1. the new key is written to `linli.key.next` (0600);
/// 2. every owner re-seals its values in one transaction;
/// 3. `linli.key` is kept as `linli.key.retired-<time>` and `linli.key.next` becomes `linli.key`.
/// A crash between 1 and 3 is settled at the next start by `settle`: whichever key opens the
/// data wins.
public enum DataKeyRotation {
    public static func keyPath(_ dataDirectory: String) -> String { (dataDirectory as NSString).appendingPathComponent("linli.key") }
    public static func nextPath(_ dataDirectory: String) -> String { keyPath(dataDirectory) + ".next" }

    static func encode(_ key: SymmetricKey) -> Data {
        Data((key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n").utf8)
    }

    static func readKey(_ path: String) throws -> SymmetricKey {
        guard let data = FileManager.default.contents(atPath: path),
              let raw = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              raw.count == 32 else { throw PersonalDataVault.VaultError.badKey("\(path) 内容不是 32 字节密钥的 base64 编码") }
        return SymmetricKey(data: raw)
    }

    /// Finishes or undoes an interrupted rotation before the system starts using the key.
    public static func settle(_ database: Database, dataDirectory: String, owners: [any SealedDataOwner]) async throws {
        let next = nextPath(dataDirectory)
        guard FileManager.default.fileExists(atPath: next) else { return }
        let nextVault = PersonalDataVault(masterKey: try readKey(next))
        var sample: String?
        for owner in owners where sample == nil {
            sample = try await database.read { tx in try await owner.sampleSealedValue(tx) }
        }
        if let sample, (try? nextVault.open(sample)) != nil {
            try finishSwap(dataDirectory)
        } else {
            try FileManager.default.removeItem(atPath: next)
        }
    }

    static func finishSwap(_ dataDirectory: String) throws {
        let manager = FileManager.default
        let current = keyPath(dataDirectory)
        if manager.fileExists(atPath: current) {
            let stamp = Int(Date().timeIntervalSince1970)
            try manager.moveItem(atPath: current, toPath: current + ".retired-\(stamp)")
        }
        try manager.moveItem(atPath: nextPath(dataDirectory), toPath: current)
    }

    /// Rotates the key file's key; returns how many values were re-sealed. With
    /// `LINLI_DATA_KEY` set, pass the new key instead: the environment cannot be rewritten here.
    public static func rotate(_ database: Database, dataDirectory: String, current: SymmetricKey, newKey: SymmetricKey?,
                              owners: [any SealedDataOwner], audit: AuditLog, actor: Actor) async throws -> Int {
        let next = newKey ?? SymmetricKey(size: .bits256)
        let old = PersonalDataVault(masterKey: current)
        let new = PersonalDataVault(masterKey: next)
        guard old.keyId != new.keyId else { throw DomainError.invalid("key", "新密钥与当前密钥相同") }
        let usesFile = newKey == nil
        if usesFile {
            guard FileManager.default.createFile(atPath: nextPath(dataDirectory), contents: encode(next),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw PersonalDataVault.VaultError.badKey("无法写入 \(nextPath(dataDirectory))")
            }
        }
        let changed = try await database.write { tx in
            var total = 0
            for owner in owners { total += try await owner.reseal(tx, from: old, to: new) }
            try await audit.append(tx, actor: actor, action: .dataKeyRotate, entityId: new.keyId,
                                   regionPath: nil, before: ["keyId": old.keyId], after: ["keyId": new.keyId, "values": String(total)])
            return total
        }
        if usesFile { try finishSwap(dataDirectory) }
        return changed
    }
}
