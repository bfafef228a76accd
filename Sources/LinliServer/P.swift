import LinliKit
