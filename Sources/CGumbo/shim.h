#ifndef GAZETTE_CGUMBO_SHIM_H
#define GAZETTE_CGUMBO_SHIM_H
#include <gumbo.h>

/// Swift 6 cannot pass the C constant `kGumboDefaultOptions` by address, so these wrappers do it.
/// Parse errors are not recorded (`max_errors = 0`): Gazette never reports them, and recording one
/// allocation per error in messy feed HTML costs parse time.
static inline GumboOutput *gz_gumbo_parse(const char *buffer, size_t length) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    return gumbo_parse_with_options(&options, buffer, length);
}

/// Parses `buffer` as the contents of a `<div>` (HTML5 fragment parsing), so that a feed's summary keeps
/// elements such as `<title>` or `<meta>` where they stand instead of moving them into a `<head>`.
/// The fragment's nodes are the children of `output->root`.
static inline GumboOutput *gz_gumbo_parse_fragment(const char *buffer, size_t length) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    return gumbo_parse_with_options(&options, buffer, length);
}

static inline void gz_gumbo_destroy(GumboOutput *output) {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}
#endif
