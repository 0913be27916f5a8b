#ifndef GAZETTE_CGUMBO_SHIM_H
#define GAZETTE_CGUMBO_SHIM_H
#include <gumbo.h>

/// Swift 6 cannot pass the C constant `kGumboDefaultOptions` by address, so these wrappers do it.
static inline GumboOutput *gz_gumbo_parse(const char *buffer, size_t length) {
    return gumbo_parse_with_options(&kGumboDefaultOptions, buffer, length);
}
static inline void gz_gumbo_destroy(GumboOutput *output) {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}
#endif
