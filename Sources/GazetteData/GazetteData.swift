/// The shipped gazetteers and models as SwiftPM resources of this module, so that a package that
/// depends on Gazette gets its data with the build: SwiftPM copies `gazetteers/` and `models/` into
/// a folder named `<package>_GazetteData.resources` next to the executables it builds.
///
/// ``DataLocator`` finds that folder; nothing else needs this module. (It does not use
/// `Bundle.module`, whose accessor stops the process when the folder is missing.)
public enum GazetteData {
    /// The suffix of the resource folder's name.
    public static let resourceFolderSuffix = "_GazetteData.resources"
    /// The data folders it holds.
    public static let folders = ["gazetteers", "models"]
}
