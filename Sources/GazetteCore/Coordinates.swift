/// A point on the Earth: WGS 84 latitude and longitude in decimal degrees (a place's
/// representative point, as the lists give it).
public struct Coordinates: Hashable, Sendable {
    /// Degrees north, -90…90.
    public var latitude: Double
    /// Degrees east, -180…180.
    public var longitude: Double

    /// Creates a point; nil when a value is out of range or not finite.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Parses `lat,lon` (`50.4501,30.5234`), the form the gazetteer lists use; nil if malformed.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let latitude = Double(parts[0].trimmingSpaces), let longitude = Double(parts[1].trimmingSpaces) else { return nil }
        self.init(latitude: latitude, longitude: longitude)
    }

    /// `lat,lon` with at most `digits` decimals, the list form.
    public func formatted(digits: Int = 4) -> String {
        JSONWriter.format(latitude, digits: digits) + "," + JSONWriter.format(longitude, digits: digits)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
