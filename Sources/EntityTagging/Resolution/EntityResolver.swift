public import GazetteCore
import Foundation
import TextAnalysis

/// Links each recognised mention to one canonical entity and ranks the article's entities.
///
/// * A mention the recogniser linked, or whose span is a gazetteer candidate of its type, takes
///   that entry. When several entries of the recogniser's type share the name (`Georgia`,
///   `Washington`, two politicians called Mary Miller), the article decides: its country profile
///   (the countries its unambiguous places, people and organisations and demonyms such as
///   `Georgian` point to), entities it names that the candidate's role names (`Prime Minister of
///   Andorra` with Andorra named), then popularity (the prior: population, office, how many sources
///   know the entity). `reason` says which. People who share a full name and whom nothing in the
///   article tells apart are left unlinked rather than guessed.
/// * A person named by part of a fuller name in the same article joins it (`Ivanov` →
///   `Timur Ivanov`, `Putin` → `Vladimir Putin`).
/// * A name no list holds gets a generated id from its type and folded name
///   (`new:person:timur-ivanov`): the same name and type give the same id in every article.
/// * Salience combines mention count, first position and presence in the title.
public struct EntityResolver: PipelineStage {
    public let name = "resolve"
    /// Tokens, gazetteer matches and the recognised mentions.
    public var reads: ArticleLayers { [.tokens, .candidates, .mentions] }
    /// Entities, and the entity id of each mention.
    public var writes: ArticleLayers { [.entities, .mentions] }
    /// Lists used to link names found by rules or the model, and to read context.
    public let gazetteer: Gazetteer
    /// Demonyms and other context words.
    public let lexicons: Lexicons
    /// Turns what an entity's output shows into the probability that its type and link are right.
    public let confidence: EntityConfidence?

    /// Creates a resolver; without a calibration entities carry no `confidence`.
    public init(gazetteer: Gazetteer, lexicons: Lexicons = Lexicons(), confidence: EntityConfidence? = nil) {
        self.gazetteer = gazetteer
        self.lexicons = lexicons
        self.confidence = confidence
    }

    public func process(_ article: inout Article) throws(GazetteError) {
        guard !article.mentions.isEmpty else {
            article.entities = []
            return
        }
        var text = article.text
        let countryVotes = text.withUTF8 { contextCountries(article, bytes: $0) }
        let named = namedEntities(article)
        // How many of the country votes each entry cast itself (its own unambiguous mentions).
        var ownVotes: [String: Int] = [:]
        for candidate in article.candidates where candidate.entries.count == 1 && !candidate.entries[0].ambiguous {
            ownVotes[candidate.entries[0].id, default: 0] += 1
        }
        var candidateBySpan: [TextRange: Candidate] = [:]
        for candidate in article.candidates { candidateBySpan[candidate.range] = candidate }

        var mentions = Self.trimmingPunctuation(article.mentions, tokens: article.tokens, text: text).sorted { $0.range < $1.range }
        // Entries the article names in full (a multi-word candidate): a lone surname of one of
        // them refers to that entry; a lone surname marked ambiguous (`~May`) of anyone else is not linked.
        var namedInFull: Set<String> = []
        for candidate in article.candidates where candidate.tokens.count > 1 {
            for entry in candidate.entries { namedInFull.insert(entry.id) }
        }
        // Text in another language than English, where names of other languages are matched.
        let foreign = article.language.map { !$0.lowercased().hasPrefix("en") } ?? false
        // 1. Gazetteer links, with ambiguity decided by context.
        for k in mentions.indices {
            guard let candidate = candidateBySpan[mentions[k].range] else { continue }
            let sameType = candidate.entries.filter { entry in
                guard entry.type == mentions[k].type else { return false }
                let partial = entry.type == .person && candidate.tokens.count == 1 && !entry.isCanonicalName
                return !partial || !entry.marked || namedInFull.contains(entry.id)
            }
            if sameType.isEmpty, candidate.entries.contains(where: { $0.id == mentions[k].entityID }) {
                // The recogniser's link was a lone ambiguous surname with no full name in the article.
                mentions[k].entityID = ""
            }
            guard !sameType.isEmpty else { continue }
            if sameType.count == 1 {
                if let against = contradictedName(sameType[0], votes: countryVotes, own: ownVotes[sameType[0].id, default: 0]) {
                    mentions[k].entityID = generatedID(for: mentions[k])
                    mentions[k].reason = against
                } else {
                    mentions[k].entityID = sameType[0].id
                }
                continue
            }
            guard let (choice, reason) = choose(sameType, votes: countryVotes, named: named, span: candidate.tokens.count, foreign: foreign) else {
                mentions[k].entityID = generatedID(for: mentions[k])
                mentions[k].reason = "namesakes: \(sameType.count) \(mentions[k].type.rawValue.lowercased())s of this name, nothing in the article tells them apart"
                continue
            }
            mentions[k].entityID = choice.id
            mentions[k].reason = reason
        }
        // 2. Partial person names join the fuller name in the article.
        let people = mentions.indices.filter { mentions[$0].type == .person }
        // Distinct names, folded once each, indexed by their last word: long articles name the
        // same people thousands of times, and comparing every pair of mentions was quadratic.
        var firstMentionOfName: [[String]: Int] = [:]
        var namesByLastWord: [String: [[String]]] = [:]
        var wordsOfMention: [Int: [String]] = [:]
        for k in people {
            let words = nameWords(mentions[k].surface)
            wordsOfMention[k] = words
            guard let last = words.last, firstMentionOfName[words] == nil else { continue }
            firstMentionOfName[words] = k
            namesByLastWord[last, default: []].append(words)
        }
        // The fuller name a partial name joins: the longest name ending with its words, the one
        // mentioned first among equals.
        var fullerName: [[String]: Int?] = [:]
        for k in people where mentions[k].entityID.isEmpty || gazetteer.entryIndex[mentions[k].entityID] == nil {
            guard let words = wordsOfMention[k], let last = words.last else { continue }
            let best: Int?
            if let known = fullerName[words] {
                best = known
            } else {
                var choice: (mention: Int, length: Int)? = nil
                for other in namesByLastWord[last] ?? [] where other.count > words.count && other.suffix(words.count) == words[...] {
                    guard let mention = firstMentionOfName[other] else { continue }
                    if let current = choice, (other.count, -mention) <= (current.length, -current.mention) { continue }
                    choice = (mention, other.count)
                }
                best = choice?.mention
                fullerName[words] = .some(best)
            }
            if let best {
                if mentions[best].entityID.isEmpty { mentions[best].entityID = generatedID(for: mentions[best]) }
                mentions[k].entityID = mentions[best].entityID
                mentions[k].reason = mentions[k].reason ?? "part of the name \(mentions[best].surface)"
            }
        }
        // 3. Everything else: a gazetteer entry of the same type by name, else a generated id.
        for k in mentions.indices where mentions[k].entityID.isEmpty {
            mentions[k].entityID = lookup(mentions[k], language: article.language) ?? generatedID(for: mentions[k])
        }
        article.mentions = mentions
        article.entities = entities(from: mentions, article: article)
    }

    /// Mentions without leading or trailing punctuation tokens (`Zürich ,` → `Zürich`); mentions
    /// of punctuation only are dropped. Word tokens keep their inner dots (`U.S.`, `Inc.`).
    static func trimmingPunctuation(_ mentions: [Mention], tokens: [Token], text: String) -> [Mention] {
        guard !tokens.isEmpty else { return mentions }
        let bytes = Array(text.utf8)
        func firstToken(atOrAfter offset: Int) -> Int {
            var low = 0, high = tokens.count
            while low < high {
                let mid = (low + high) / 2
                if tokens[mid].range.start < offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
        var result: [Mention] = []
        result.reserveCapacity(mentions.count)
        for var mention in mentions {
            var first = firstToken(atOrAfter: mention.range.start)
            var last = first
            while last < tokens.count, tokens[last].range.end <= mention.range.end { last += 1 }
            last -= 1
            guard first <= last else {
                result.append(mention)
                continue
            }
            while first <= last, tokens[first].kind == .punctuation { first += 1 }
            while last >= first, tokens[last].kind == .punctuation { last -= 1 }
            guard first <= last else { continue }
            let range = TextRange(start: tokens[first].range.start, end: tokens[last].range.end)
            if range != mention.range, range.end <= bytes.count {
                mention.range = range
                mention.surface = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
            }
            result.append(mention)
        }
        return result
    }

    /// Countries (ISO codes) the article's unambiguous mentions and demonyms point to, with counts.
    private func contextCountries(_ article: Article, bytes: UnsafeBufferPointer<UInt8>) -> [String: Int] {
        var votes: [String: Int] = [:]
        for candidate in article.candidates where candidate.entries.count == 1 && !candidate.entries[0].ambiguous {
            if let index = gazetteer.entryIndex[candidate.entries[0].id] {
                let country = gazetteer.entries.country(at: index)
                if !country.isEmpty { votes[country, default: 0] += 1 }
            }
        }
        if !lexicons.demonyms.isEmpty {
            for token in article.tokens where token.kind == .word {
                let slice = UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end])
                guard TextFolding.isCapitalized(slice) else { continue }
                if let place = lexicons.demonyms[TextFolding.fold(slice)], let index = gazetteer.entryIndex[place.id] {
                    let country = gazetteer.entries.country(at: index)
                    if !country.isEmpty { votes[country, default: 0] += 1 }
                }
            }
        }
        return votes
    }

    /// Why the only entry a name matches is not linked, or nil when it links. An entry that is
    /// little known (popularity under 0.5: a brand, a local politician, a party from one list) or
    /// named by an ambiguous `~` alias needs an article that does not point elsewhere: when the
    /// article's unambiguous mentions and demonyms name at least three times another country and
    /// never the entry's, the name is taken for a namesake (`KNP` in a story on Cambodia is not the
    /// Dutch party; a baseball pitcher named like a British MP is not the MP).
    private func contradictedName(_ entry: CandidateEntry, votes: [String: Int], own: Int) -> String? {
        guard let position = gazetteer.entryIndex[entry.id] else { return nil }
        // The country and the votes first: they settle most entries without decoding the record.
        let country = gazetteer.entries.country(at: position)
        var votes = votes
        if !country.isEmpty { votes[country, default: 0] -= own }
        let total = votes.values.reduce(0, +)
        guard total >= 3, country.isEmpty || votes[country, default: 0] <= 0 else { return nil }
        guard let full = gazetteer.entries.linkFields(at: position) else { return nil }
        let popularity = full.popularity ?? 1
        guard entry.marked || popularity < 0.5 else { return nil }
        let top = votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        if country.isEmpty {
            guard entry.marked, popularity < 0.3 else { return nil }
            return "not linked: \(full.name) is named by an ambiguous alias and known to one list only, and the article is about \(top)"
        }
        return "not linked: \(full.name) (\(country)) is \(entry.marked ? "named by an ambiguous alias" : "little known"), and the article is about \(top), not \(country)"
    }

    /// Canonical names (folded) of the entries the article names unambiguously.
    private func namedEntities(_ article: Article) -> Set<String> {
        var names: Set<String> = []
        for candidate in article.candidates where candidate.entries.count == 1 && !candidate.entries[0].ambiguous {
            names.insert(TextFolding.fold(candidate.entries[0].name))
        }
        return names
    }

    /// Picks among same-type entries by the article's country profile, entities its role names,
    /// then the prior; nil when they are people of one full name that nothing tells apart.
    ///
    /// In text of another language (`foreign`), a region that shares the name with a city of its
    /// country among the entries counts as named by an ambiguous alias, as its English name is
    /// (`~Geneva` for the canton): the lists mark English names only, so `Genf`, `Genève`, `Wien`
    /// would otherwise go to the region.
    private func choose(_ entries: [CandidateEntry], votes: [String: Int], named: Set<String>, span: Int, foreign: Bool = false) -> (CandidateEntry, String)? {
        let total = max(1, votes.values.reduce(0, +))
        func countryOf(_ entry: CandidateEntry) -> String {
            gazetteer.entryIndex[entry.id].map { gazetteer.entries.country(at: $0) } ?? ""
        }
        var scored: [(entry: CandidateEntry, score: Double, votes: Int, country: String, cooccurring: String?)] = []
        for entry in entries {
            let position = gazetteer.entryIndex[entry.id]
            let country = position.map { gazetteer.entries.country(at: $0) } ?? ""
            let support = country.isEmpty ? 0 : votes[country, default: 0]
            var cooccurring: String? = nil
            if let position, entry.type != .place {
                let role = gazetteer.entries.linkFields(at: position)?.role ?? ""
                if !role.isEmpty {
                    let foldedRole = TextFolding.fold(role)
                    cooccurring = named.first { name in name.utf8.count > 2 && TextFolding.contains(foldedRole, name) }
                }
            }
            // a name marked `~` for this entry (a region named like its capital city) needs
            // twice the context to win
            let namedLikeCity = foreign && !entry.marked && entry.type == .place && entry.subtype == "region" && !country.isEmpty
                && entries.contains { $0.subtype == "city" && countryOf($0) == country }
            let weight = entry.marked || namedLikeCity ? 0.4 : 0.8
            let score = entry.prior * (namedLikeCity ? 0.5 : 1) + weight * Double(support) / Double(total) + (cooccurring == nil ? 0 : 0.4)
            scored.append((entry, score, support, country, cooccurring))
        }
        scored.sort { $0.score > $1.score }
        let best = scored[0]
        let kind = best.entry.subtype.isEmpty ? best.entry.type.rawValue : best.entry.subtype
        if best.votes > 0 || best.cooccurring != nil {
            var because: [String] = []
            if best.votes > 0 { because.append("\(best.votes) other mention(s) in \(best.country)") }
            if let name = best.cooccurring { because.append("its role names \(name), named in the article") }
            return (best.entry, "context: " + because.joined(separator: "; ") + " among \(entries.count) candidates")
        }
        // People sharing a full name: popularity alone decides only with a clear margin.
        if best.entry.type == .person, span > 1, scored.count > 1, scored[0].score - scored[1].score < 0.1 {
            return nil
        }
        return (best.entry, "prior: most likely of \(entries.count) candidates (\(kind), prior \(JSONWriter.format(best.entry.prior, digits: 2)))")
    }

    /// A gazetteer entry of the mention's type whose name or alias is the mention's surface (as
    /// the matcher reads it in `language`: another case form or a transliteration counts).
    private func lookup(_ mention: Mention, language: String?) -> String? {
        var surface = mention.surface
        let tokens = surface.withUTF8 { Segmenter().segment($0).tokens }
        guard !tokens.isEmpty else { return nil }
        var key = TokenHash.empty
        surface.withUTF8 { buffer in
            for token in tokens {
                key = TokenHash.combine(key, TokenHash.token(UnsafeBufferPointer(rebasing: buffer[token.range.start..<token.range.end])))
            }
        }
        if let forms = gazetteer.forms[key] {
            // A form marked `~` (`Kim`, `May`) or one word of a person's fuller name needs the context
            // the first step weighs; here, without it, only plain names link.
            let matching = forms.filter { form in
                let position = Int(form.entry)
                guard !form.marked, gazetteer.entries.type(at: position) == mention.type else { return false }
                return !(mention.type == .person && form.tokenCount == 1 && !form.canonical)
            }.map { Int($0.entry) }
            if let best = matching.max(by: { gazetteer.entries.prior(at: $0) < gazetteer.entries.prior(at: $1) }) {
                return gazetteer.entries.idAndName(at: best).id
            }
        }
        // Another case form (`Зеленского`) or a transliteration (`Лавров`, `Poutine`): what the
        // matcher finds for the whole surface, unambiguous and of the mention's type.
        let candidates = surface.withUTF8 { GazetteerMatcher(gazetteer: gazetteer).match(tokens: tokens, in: $0, language: language) }
        guard candidates.count == 1, candidates[0].tokens == 0..<tokens.count else { return nil }
        let sameType = candidates[0].entries.filter { $0.type == mention.type && !$0.marked }
        guard sameType.count == 1, let entry = sameType.first else { return nil }
        if mention.type == .person, tokens.count == 1, !entry.isCanonicalName { return nil }
        return entry.id
    }

    /// The folded words of a name, without titles' dots and possessives; Cyrillic words by their
    /// stem, so the case forms of one name are one name (`Зеленского`, `Зеленский`).
    private func nameWords(_ surface: String) -> [String] {
        surface.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Self.matchingForm(String($0)) }.filter { !$0.isEmpty }
    }

    /// A word folded for comparison: its Cyrillic stem, else its case- and diacritic-folded form.
    static func matchingForm(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            if CyrillicNames.startsCyrillic(bytes), let stems = CyrillicNames.stems(bytes) { return stems.stem }
            return TextFolding.fold(bytes)
        }
    }

    /// `new:<type>:<slug>` from the folded name: stable across articles.
    func generatedID(for mention: Mention) -> String {
        var surface = mention.surface
        if let slug = surface.withUTF8(Self.asciiSlug) {
            return "new:\(mention.type.rawValue.lowercased()):\(slug.isEmpty ? "x" : slug)"
        }
        var slug = ""
        var dash = false
        let folded = mention.surface.split(separator: " ", omittingEmptySubsequences: false).map { Self.matchingForm(String($0)) }.joined(separator: " ")
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
                dash = false
            } else if !dash, !slug.isEmpty {
                slug.append("-")
                dash = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "new:\(mention.type.rawValue.lowercased()):\(slug.isEmpty ? "x" : slug)"
    }

    /// The slug of an ASCII surface, as the general path makes it (lower-case letters and digits,
    /// one `-` for each run of anything else, none at the ends), in one pass over the bytes;
    /// `nil` when the surface is not ASCII.
    static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        var dash = false
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower >= 0x61 && lower <= 0x7A || lower >= 0x30 && lower <= 0x39 {
                slug.append(lower)
                dash = false
            } else if !dash, !slug.isEmpty {
                slug.append(UInt8(ascii: "-"))
                dash = true
            }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Groups mentions into entities and computes salience.
    private func entities(from mentions: [Mention], article: Article) -> [Entity] {
        var order: [String] = []
        var grouped: [String: [Mention]] = [:]
        for mention in mentions {
            if grouped[mention.entityID] == nil { order.append(mention.entityID) }
            grouped[mention.entityID, default: []].append(mention)
        }
        let textLength = max(1, article.text.utf8.count)
        let maxCount = grouped.values.map(\.count).max() ?? 1
        let title = article.title.map { TextFolding.fold($0) } ?? ""
        var result: [Entity] = []
        for id in order {
            guard let group = grouped[id], let first = group.first else { continue }
            let position = gazetteer.entryIndex[id]
            let entry = position.flatMap { gazetteer.entries.linkFields(at: $0) }
            let name = entry?.name ?? group.map(\.surface).max { $0.count < $1.count } ?? first.surface
            let countScore = log(1 + Double(group.count)) / log(1 + Double(maxCount))
            let positionScore = 1 - Double(first.range.start) / Double(textLength)
            let inTitle = !title.isEmpty && (group.contains { TextFolding.contains(title, TextFolding.fold($0.surface)) } || TextFolding.contains(title, TextFolding.fold(name)))
            let salience = min(1, max(0, 0.55 * countScore + 0.25 * positionScore + (inTitle ? 0.2 : 0)))
            let isPlace = first.type == .place
            var entity = Entity(
                id: id, type: first.type, name: name, wikidata: entry?.wikidata,
                country: isPlace ? position.flatMap { gazetteer.entries.country(at: $0) }.flatMap { $0.isEmpty ? nil : $0 } : nil,
                coordinates: isPlace ? entry?.coordinates : nil, salience: salience, mentions: group)
            entity.confidence = confidence?.confidence(of: entity, isListed: position != nil)
            result.append(entity)
        }
        result.sort { $0.salience != $1.salience ? $0.salience > $1.salience : $0.id < $1.id }
        return result
    }
}
