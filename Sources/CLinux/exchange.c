#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>

#include "CLinux.h"

int audiobook_exchange_paths(const char *a, const char *b) {
  return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

int audiobook_spawn_close_from(void *actions, int lowest) {
  return posix_spawn_file_actions_addclosefrom_np((posix_spawn_file_actions_t *)actions, lowest);
}
