// The pipeline's stages, in order; `import AudiobookKit` brings them all.
@_exported import AudiobookAudio
@_exported import AudiobookBook
@_exported import AudiobookCore
@_exported import AudiobookPublish
@_exported import AudiobookSpeech
@_exported import AudiobookText
