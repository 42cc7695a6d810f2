@_exported import GazetteCore
