#pragma once

/// Swaps two paths atomically: `renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)`, which
/// glibc declares only under _GNU_SOURCE. Returns 0, or -1 with errno set (EINVAL where the
/// file system cannot exchange).
int audiobook_exchange_paths(const char *a, const char *b);
