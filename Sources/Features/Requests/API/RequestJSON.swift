import LinliKit

// The request detail's JSON written by hand (`JSONWritable`): it is the API's most read answer,
// and `JSONEncoder` cost more than its database work (docs/benchmarks.md, sixth round). The
// `Encodable` shapes in RequestDTOs.swift stay the specification: RequestJSONTests checks that
// both give the same text. Keys are written in sorted order, as the canonical encoder sorts them.

extension RequestDTO: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("address", address)
            json.field("anonymous", anonymous)
            json.field("answers", answers)
            json.field("awaitingPlace", awaitingPlace)
            json.field("categoryId", categoryId)
            json.field("channel", channel)
            json.field("coHandlerIds", coHandlerIds)
            json.field("contactName", contactName)
            json.field("description", description)
            json.field("due", due)
            json.field("escalationLevel", escalationLevel)
            json.field("handlerId", handlerId)
            json.field("id", id)
            json.field("itemId", itemId)
            json.field("lat", lat)
            json.field("long", long)
            json.field("overdue", overdue)
            json.field("phone", phone)
            json.field("place", place)
            json.field("rating", rating)
            json.field("reopenCount", reopenCount)
            json.field("reworkCount", reworkCount)
            json.field("state", state)
            json.field("stateLabel", stateLabel)
            json.field("submittedAt", submittedAt)
            json.field("trackingCode", trackingCode)
            json.field("urgent", urgent)
        }
    }
}

extension EventDTO: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("actor", actor)
            json.field("actorRole", actorRole)
            json.field("at", at)
            json.field("data", data)
            json.field("fromState", fromState)
            json.field("id", id)
            json.field("isInternal", isInternal)
            json.field("kind", kind)
            json.field("label", label)
            json.field("note", note)
            json.field("photoIds", photoIds)
            json.field("toState", toState)
        }
    }
}

extension DetailDTO: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("actions", actions)
            json.field("categoryName", categoryName)
            json.key("events")
            json.array(events) { json, event in json.value(event) }
            json.field("itemName", itemName)
            json.field("request", request)
            json.field("roles", roles)
        }
    }
}
