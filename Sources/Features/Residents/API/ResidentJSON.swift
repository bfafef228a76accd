import LinliKit

// A resident's JSON written by hand (`JSONWritable`): the resident detail is the registry's most
// read answer (docs/benchmarks.md, sixth round). The synthesized `Encodable` of `Resident` stays
// the specification; ResidentJSONTests checks that both give the same text. Keys sorted.
extension Resident: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("address", address)
            json.field("birthDate", birthDate)
            json.field("ethnicity", ethnicity)
            json.field("gender", gender?.rawValue)
            json.field("id", id)
            json.field("idNumberMasked", idNumberMasked)
            json.field("name", name)
            json.field("notes", notes)
            json.field("phoneMasked", phoneMasked)
            json.field("politicalStatus", politicalStatus?.rawValue)
            json.field("regionId", regionId)
            json.field("regionPath", regionPath)
            json.field("relation", relation?.rawValue)
            json.field("status", status.rawValue)
            json.field("tags", tags)
            json.field("updatedAt", updatedAt)
        }
    }
}
