#define _GNU_SOURCE
#include <fcntl.h>

#include "CLinux.h"

const int audiobook_f_setpipe_sz = F_SETPIPE_SZ;
const int audiobook_f_getpipe_sz = F_GETPIPE_SZ;
