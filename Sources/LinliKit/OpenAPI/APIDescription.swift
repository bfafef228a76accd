/// A feature's part of the OpenAPI document: its operations and the schemas they name.
/// Written beside the feature's DTOs; bodies and list queries come from its input types
/// (`APISchema.body(recorded:)`), so they say what the checks enforce.
public struct APIDescription {
    public var operations: [APIOperation]
    /// Named schemas (`components/schemas`), referred to by `APISchema.ref`.
    public var schemas: [String: Any]

    public init(operations: [APIOperation] = [], schemas: [String: Any] = [:]) {
        self.operations = operations
        self.schemas = schemas
    }
}

/// What an input type reads: its fields' rules and the order it reads them in.
public typealias RecordedFields = (rules: [String: FieldRule], order: [String])

/// One documented route.
public struct APIOperation {
    public enum Answer {
        /// JSON of the named schema.
        case json(String)
        /// No content.
        case empty
        /// A spreadsheet download (xlsx or csv).
        case spreadsheet
        /// An image.
        case photo
        /// A stored file of one of these types, as a download.
        case file([String])
    }

    public let method: String
    public let path: String
    public let summary: String
    public let tag: String
    /// Query parameters as an input type reads them; else `hints` (name, description).
    public var query: RecordedFields?
    public var hints: [(String, String)]
    public var body: [String: Any]?
    public var answer: Answer
    public var status: String
    /// Also takes multipart/form-data (with `photos` file parts).
    public var multipart: Bool
    /// The body is a spreadsheet file (csv or xlsx), not fields.
    public var spreadsheetBody: Bool
    /// The body is multipart/form-data only: the fields and one file in the part of this name.
    public var fileField: String?
    /// Path parameters that are text (the others are integer ids).
    public var textParameters: Set<String>
    /// Answers 429 past a rate limit.
    public var rateLimited: Bool

    public init(_ method: String, _ path: String, _ summary: String, tag: String, query: RecordedFields? = nil,
                hints: [(String, String)] = [], body: [String: Any]? = nil, answer: Answer, status: String = "200",
                multipart: Bool = false, spreadsheetBody: Bool = false, textParameters: Set<String> = [],
                rateLimited: Bool = false, fileField: String? = nil) {
        self.fileField = fileField
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.query = query
        self.hints = hints
        self.body = body
        self.answer = answer
        self.status = status
        self.multipart = multipart
        self.spreadsheetBody = spreadsheetBody
        self.textParameters = textParameters
        self.rateLimited = rateLimited
    }

    /// `GET /api/v1/regions/{id}`, as the router names it.
    public var route: String { "\(method.uppercased()) \(path)" }
}
