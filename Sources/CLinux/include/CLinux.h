#pragma once

/// Swaps two paths atomically: `renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)`, which
/// glibc declares only under _GNU_SOURCE. Returns 0, or -1 with errno set (EINVAL where the
/// file system cannot exchange).
int audiobook_exchange_paths(const char *a, const char *b);

/// `F_SETPIPE_SZ` and `F_GETPIPE_SZ` as <fcntl.h> defines them, which it does only under
/// _GNU_SOURCE: the `fcntl` commands that set and get a pipe's capacity.
extern const int audiobook_f_setpipe_sz;
extern const int audiobook_f_getpipe_sz;

/// Inflates raw deflate data (zlib's `inflate` with -MAX_WBITS, as a zip entry holds it) from
/// `in` into `out`, which holds `capacity` bytes. Returns the bytes written; -1 when the data is
/// damaged or ends before the deflate stream does; -2 when the output would pass `capacity`.
/// Unlike a loop that reads until the stream ends, it never reads past `length` bytes.
long audiobook_inflate_raw(const unsigned char *in, unsigned long length, unsigned char *out, unsigned long capacity);

/// zlib's CRC-32 of `length` bytes, as a zip entry records it.
unsigned long audiobook_crc32(const unsigned char *bytes, unsigned long length);

/// Adds to `actions` (a `posix_spawn_file_actions_t`) the closing of every descriptor from
/// `lowest` up (`posix_spawn_file_actions_addclosefrom_np`, glibc 2.34, declared only under
/// _GNU_SOURCE). Returns 0 or an error number.
int audiobook_spawn_close_from(void *actions, int lowest);
