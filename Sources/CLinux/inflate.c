#include <string.h>
#include <zlib.h>

#include "CLinux.h"

long audiobook_inflate_raw(const unsigned char *in, unsigned long length, unsigned char *out, unsigned long capacity) {
  z_stream stream;
  memset(&stream, 0, sizeof stream);
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return -1;
  long result = -1;
  // Fed in slices, since avail_in and avail_out are 32-bit.
  unsigned long fed = 0;
  stream.next_out = out;
  stream.avail_out = capacity > 0x40000000UL ? 0x40000000U : (unsigned)capacity;
  for (;;) {
    if (stream.avail_in == 0 && fed < length) {
      unsigned long slice = length - fed > 0x40000000UL ? 0x40000000UL : length - fed;
      stream.next_in = (unsigned char *)in + fed;
      stream.avail_in = (unsigned)slice;
      fed += slice;
    }
    int status = inflate(&stream, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      result = (long)stream.total_out;
      break;
    }
    if (status != Z_OK && status != Z_BUF_ERROR) break;  // damaged data
    if (stream.avail_out == 0) {
      if (stream.total_out >= capacity) {
        result = -2;
        break;
      }
      unsigned long left = capacity - stream.total_out;
      stream.avail_out = left > 0x40000000UL ? 0x40000000U : (unsigned)left;
    } else if (stream.avail_in == 0 && fed >= length) {
      break;  // the input ended before the stream did
    }
  }
  inflateEnd(&stream);
  return result;
}

unsigned long audiobook_crc32(const unsigned char *bytes, unsigned long length) {
  unsigned long crc = crc32(0L, Z_NULL, 0);
  while (length > 0) {
    unsigned slice = length > 0x40000000UL ? 0x40000000U : (unsigned)length;
    crc = crc32(crc, bytes, slice);
    bytes += slice;
    length -= slice;
  }
  return crc;
}
