// libcurl for NewsSources' HTTP transport, loaded with dlopen when the first transfer starts (see
// `CurlLibrary`), so that a reader that fetches nothing never maps libcurl and the TLS, Kerberos and LDAP
// libraries it needs. Only the types and constants come from curl.h; every call goes through a function
// pointer found by dlsym. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call;
// these typed wrappers make the variadic call through the pointer they are given.
#ifndef GAZETTE_CCURL_SHIM_H
#define GAZETTE_CCURL_SHIM_H
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

typedef CURLcode (*gazette_curl_setopt_variadic)(CURL *, CURLoption, ...);
typedef CURLcode (*gazette_curl_getinfo_variadic)(CURL *, CURLINFO, ...);
typedef size_t (*gazette_curl_data_callback)(char *, size_t, size_t, void *);
typedef int (*gazette_curl_progress_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode gazette_curl_set_long(void *setopt, CURL *handle, CURLoption option, long value) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, option, value);
}
static inline CURLcode gazette_curl_set_offset(void *setopt, CURL *handle, CURLoption option, curl_off_t value) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, option, value);
}
static inline CURLcode gazette_curl_set_string(void *setopt, CURL *handle, CURLoption option, const char *value) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, option, value);
}
static inline CURLcode gazette_curl_set_pointer(void *setopt, CURL *handle, CURLoption option, void *value) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, option, value);
}
static inline CURLcode gazette_curl_set_list(void *setopt, CURL *handle, CURLoption option, struct curl_slist *value) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, option, value);
}
static inline CURLcode gazette_curl_set_data_callback(void *setopt, CURL *handle, CURLoption option,
                                                      gazette_curl_data_callback callback) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, option, callback);
}
static inline CURLcode gazette_curl_set_progress_callback(void *setopt, CURL *handle, gazette_curl_progress_callback callback) {
    return ((gazette_curl_setopt_variadic)setopt)(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode gazette_curl_get_long(void *getinfo, CURL *handle, CURLINFO info, long *value) {
    return ((gazette_curl_getinfo_variadic)getinfo)(handle, info, value);
}
static inline CURLcode gazette_curl_get_string(void *getinfo, CURL *handle, CURLINFO info, char **value) {
    return ((gazette_curl_getinfo_variadic)getinfo)(handle, info, value);
}
#endif
