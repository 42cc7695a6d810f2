/// Tag records (`TagRecord.encode` lines) read field by field: the fast path of ``TagLineReader``.
extension JSONByteScanner {
    /// Parses a whole tag record line; `nil` when the scanner does not accept it.
    static func scanTagRecord(_ line: ArraySlice<UInt8>) -> TaggedArticle? {
        line.withUnsafeBufferPointer { buffer in
            var scanner = JSONByteScanner(bytes: buffer)
            scanner.skipSpace()
            guard let record = try? scanner.record() else { return nil }
            scanner.skipSpace()
            return scanner.isAtEnd ? record : nil
        }
    }

    private mutating func record() throws(Rejection) -> TaggedArticle {
        var article = TaggedArticle(id: nil)
        article.entities = nil
        article.topics = nil
        try object { scanner, key throws(Rejection) in
            switch key {
            case "id": article.id = try scanner.optionalString()
            case "url": article.url = try scanner.optionalString()
            case "title": article.title = try scanner.optionalString()
            case "description": article.description = try scanner.optionalString()
            case "text": article.text = try scanner.optionalString()
            case "entities": article.entities = try scanner.optionalArray { scanner throws(Rejection) in try scanner.entity() }
            case "topics": article.topics = try scanner.optionalArray { scanner throws(Rejection) in try scanner.topic() }
            case "error":
                if scanner.takeNull() {
                    article.error = nil
                } else {
                    article.error = try scanner.recordError()
                }
            default: try scanner.skipValue()
            }
        }
        return article
    }

    private mutating func entity() throws(Rejection) -> TaggedArticle.TaggedEntity {
        var entity = TaggedArticle.TaggedEntity(id: nil, type: nil, name: nil)
        try object { scanner, key throws(Rejection) in
            switch key {
            case "id": entity.id = try scanner.optionalString()
            case "type": entity.type = try scanner.optionalString()
            case "name": entity.name = try scanner.optionalString()
            case "wikidata": entity.wikidata = try scanner.optionalString()
            case "salience": entity.salience = try scanner.optionalNumber()
            case "mentions": entity.mentions = try scanner.optionalArray { scanner throws(Rejection) in try scanner.mention() }
            default: try scanner.skipValue()
            }
        }
        return entity
    }

    private mutating func mention() throws(Rejection) -> TaggedArticle.TaggedMention {
        var mention = TaggedArticle.TaggedMention(surface: nil)
        try object { scanner, key throws(Rejection) in
            switch key {
            case "start": mention.start = try scanner.optionalInt()
            case "end": mention.end = try scanner.optionalInt()
            case "surface": mention.surface = try scanner.optionalString()
            default: try scanner.skipValue()
            }
        }
        return mention
    }

    private mutating func topic() throws(Rejection) -> TaggedArticle.TaggedTopic {
        var topic = TaggedArticle.TaggedTopic(id: nil, label: nil, score: nil)
        try object { scanner, key throws(Rejection) in
            switch key {
            case "id": topic.id = try scanner.optionalString()
            case "label": topic.label = try scanner.optionalString()
            case "score": topic.score = try scanner.optionalNumber()
            default: try scanner.skipValue()
            }
        }
        return topic
    }

    private mutating func recordError() throws(Rejection) -> TaggedArticle.RecordError {
        var error = TaggedArticle.RecordError(code: nil, message: nil)
        try object { scanner, key throws(Rejection) in
            switch key {
            case "code": error.code = try scanner.optionalString()
            case "message": error.message = try scanner.optionalString()
            default: try scanner.skipValue()
            }
        }
        return error
    }

}
