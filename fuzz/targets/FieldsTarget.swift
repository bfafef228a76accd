import Foundation

/// libFuzzer target for the one decoder of request input: the first byte picks JSON, a
/// url-encoded form, a query string or a multipart body; every accessor is then run on every
/// field, as an input type would. Any trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFields(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: start, count: count))
    guard let mode = bytes.first else { return 0 }
    let rest = bytes.dropFirst()
    var fields: Fields?
    switch mode % 4 {
    case 0:
        if let text = String(validating: rest, as: UTF8.self) { fields = try? Fields.fromJSON(text) }
    case 1:
        if let text = String(validating: rest, as: UTF8.self) {
            _ = Fields.firstMalformedName(text)
            fields = try? Fields.fromURLEncoded(text)
        }
    case 2:
        fields = Fields(Fields.parseURLEncoded(String(decoding: rest, as: UTF8.self)))
    default:
        if let form = try? MultipartForm.parse(Data(rest), boundary: "XyZ") {
            for part in form.parts { _ = part.text; _ = form.text(part.name) }
            _ = MultipartForm.boundary(of: "multipart/form-data; boundary=\"\(form.parts.first?.name ?? "")\"")
        }
    }
    guard var fields else { return 0 }
    for name in fields.values.keys.sorted() {
        _ = fields.text(name, name, required: true, maxLength: 50)
        _ = fields.integer(name, name, range: -5...Int64.max)
        _ = fields.decimal(name, name, range: -1e9...1e9)
        _ = fields.list(name, name, maxCount: 5, maxLength: 10)
        _ = fields.bool(name)
        _ = fields.choice(name, name) { Int($0) }
    }
    _ = try? fields.finish()
    return 0
}
