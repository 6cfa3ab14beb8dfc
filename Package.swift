// swift-tools-version: 6.0
import PackageDescription

/// The library's stages in pipeline order; tests may reach into any of them.
let stages: [Target.Dependency] = [
  "AudiobookCore", "AudiobookBook", "AudiobookText", "AudiobookSpeech", "AudiobookAudio", "AudiobookPublish",
  "AudiobookKit",
]

let package = Package(
  name: "audiobook",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "audiobook", targets: ["audiobook"]),
    .library(name: "AudiobookKit", targets: ["AudiobookKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CEspeakNG",
      pkgConfig: "espeak-ng",
      providers: [.apt(["libespeak-ng-dev"])]
    ),
    .systemLibrary(
      name: "CSndFile",
      pkgConfig: "sndfile",
      providers: [.apt(["libsndfile1-dev"])]
    ),
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    .systemLibrary(
      name: "CEbur128",
      pkgConfig: "libebur128",
      providers: [.apt(["libebur128-dev"])]
    ),
    .systemLibrary(
      name: "CSampleRate",
      pkgConfig: "samplerate",
      providers: [.apt(["libsamplerate0-dev"])]
    ),
    // Small C functions for what Swift cannot call directly: renameat2 (declared only under
    // _GNU_SOURCE) and a zlib inflate bounded by its input (zip entries).
    .target(name: "CLinux", linkerSettings: [.linkedLibrary("z")]),
    // The pipeline's stages, each importing only the stages before it (a backward arrow does
    // not compile); each C module belongs to exactly one stage.
    .target(
      name: "AudiobookCore",
      dependencies: [
        "CLinux",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "SystemPackage", package: "swift-system"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(
      name: "AudiobookBook",
      dependencies: [
        "AudiobookCore",
        "CCmark",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "SystemPackage", package: "swift-system"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "AudiobookText", dependencies: ["AudiobookCore", "AudiobookBook"]),
    .target(
      name: "AudiobookSpeech",
      dependencies: [
        "AudiobookCore",
        "AudiobookBook",
        "AudiobookText",
        "CEspeakNG",
        .product(name: "SystemPackage", package: "swift-system"),
        .product(name: "Yams", package: "Yams"),
      ],
      resources: [.embedInCode("BuiltInVoices")]
    ),
    .target(
      name: "AudiobookAudio",
      dependencies: [
        "AudiobookCore", "AudiobookBook", "AudiobookText", "AudiobookSpeech", "CSndFile", "CSampleRate", "CEbur128",
      ]
    ),
    .target(
      name: "AudiobookPublish",
      dependencies: [
        "AudiobookCore", "AudiobookBook", "AudiobookText", "AudiobookSpeech", "AudiobookAudio",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The render: plans the book, supplies clips (cache and workers), has Audio assemble them
    // and Publish commit them; re-exports the stages, so `import AudiobookKit` is enough.
    .target(
      name: "AudiobookKit",
      dependencies: [
        "AudiobookCore", "AudiobookBook", "AudiobookText", "AudiobookSpeech", "AudiobookAudio", "AudiobookPublish",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    // `audiobook studio`: the web page and its API over AudiobookKit's studio session; the only
    // target that knows HTTP (FlyingFox).
    .target(
      name: "AudiobookStudio",
      dependencies: ["AudiobookKit", .product(name: "FlyingFox", package: "FlyingFox")],
      resources: [.embedInCode("Page")]
    ),
    .executableTarget(
      name: "audiobook",
      dependencies: [
        "AudiobookKit",
        "AudiobookStudio",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "EpubTestSupport",
      path: "Tests/EpubTestSupport"
    ),
    .testTarget(
      name: "AudiobookKitTests",
      dependencies: stages + [
        "audiobook", "EpubTestSupport", .product(name: "SystemPackage", package: "swift-system"),
        .product(name: "Yams", package: "Yams"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "AudiobookCLITests",
      dependencies: stages + ["audiobook", "EpubTestSupport"]
    ),
  ]
)
