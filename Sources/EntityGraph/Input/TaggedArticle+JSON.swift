package import GazetteIO

/// Tag records (`TagRecord.encode` lines) read field by field with the shared ``JSONReader``:
/// strict RFC 8259 JSON, unknown keys skipped, a repeated key keeps its first value.
extension TaggedArticle {
    /// Parses one whole line; throws when it is not one JSON object of the tag record's shape.
    package static func parse(line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> TaggedArticle {
        var reader = JSONReader(bytes: line, strings: .strict, unit: "line")
        reader.skipSpace()
        let record = try reader.tagRecord()
        reader.skipSpace()
        guard reader.isAtEnd else { throw reader.failure("unexpected text after the record") }
        return record
    }

    /// Parses one whole line, or nil when it is not a tag record.
    package static func parse(bytes line: [UInt8]) -> TaggedArticle? {
        line.withUnsafeBufferPointer { buffer in try? parse(line: buffer) }
    }
}

extension JSONReader {
    fileprivate mutating func tagRecord() throws(JSONSyntaxError) -> TaggedArticle {
        var article = TaggedArticle(id: nil)
        article.entities = nil
        article.topics = nil
        try object { reader, key throws(JSONSyntaxError) in
            switch key {
            case "id": article.id = try reader.optionalString()
            case "url": article.url = try reader.optionalString()
            case "title": article.title = try reader.optionalString()
            case "description": article.description = try reader.optionalString()
            case "text": article.text = try reader.optionalString()
            case "entities": article.entities = try reader.optionalArray { reader throws(JSONSyntaxError) in try reader.taggedEntity() }
            case "topics": article.topics = try reader.optionalArray { reader throws(JSONSyntaxError) in try reader.taggedTopic() }
            case "error": article.error = reader.takeNull() ? nil : try reader.recordError()
            default: try reader.skipValue()
            }
        }
        return article
    }

    private mutating func taggedEntity() throws(JSONSyntaxError) -> TaggedArticle.TaggedEntity {
        var entity = TaggedArticle.TaggedEntity(id: nil, type: nil, name: nil)
        try object { reader, key throws(JSONSyntaxError) in
            switch key {
            case "id": entity.id = try reader.optionalString()
            case "type": entity.type = try reader.optionalString()
            case "name": entity.name = try reader.optionalString()
            case "wikidata": entity.wikidata = try reader.optionalString()
            case "salience": entity.salience = try reader.optionalNumber()
            case "mentions": entity.mentions = try reader.optionalArray { reader throws(JSONSyntaxError) in try reader.taggedMention() }
            case "coordinates": entity.coordinates = try reader.optionalArray { reader throws(JSONSyntaxError) in try reader.number() }
            case "country": entity.country = try reader.optionalString()
            default: try reader.skipValue()
            }
        }
        return entity
    }

    private mutating func taggedMention() throws(JSONSyntaxError) -> TaggedArticle.TaggedMention {
        var mention = TaggedArticle.TaggedMention(surface: nil)
        try object { reader, key throws(JSONSyntaxError) in
            switch key {
            case "start": mention.start = try reader.optionalInt()
            case "end": mention.end = try reader.optionalInt()
            case "surface": mention.surface = try reader.optionalString()
            default: try reader.skipValue()
            }
        }
        return mention
    }

    private mutating func taggedTopic() throws(JSONSyntaxError) -> TaggedArticle.TaggedTopic {
        var topic = TaggedArticle.TaggedTopic(id: nil, label: nil, score: nil)
        try object { reader, key throws(JSONSyntaxError) in
            switch key {
            case "id": topic.id = try reader.optionalString()
            case "label": topic.label = try reader.optionalString()
            case "score": topic.score = try reader.optionalNumber()
            default: try reader.skipValue()
            }
        }
        return topic
    }

    private mutating func recordError() throws(JSONSyntaxError) -> TaggedArticle.RecordError {
        var error = TaggedArticle.RecordError(code: nil, message: nil)
        try object { reader, key throws(JSONSyntaxError) in
            switch key {
            case "code": error.code = try reader.optionalString()
            case "message": error.message = try reader.optionalString()
            default: try reader.skipValue()
            }
        }
        return error
    }
}
