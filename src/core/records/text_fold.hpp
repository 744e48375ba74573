#pragma once
// Text compared as a person means it: "José" typed on a Mac (e + combining accent) and on Windows
// (é) is one name, and "ÉLODIE@X.ORG" is "élodie@x.org". Covers the precomposed letters of Latin
// (with Vietnamese), Greek and Cyrillic; other scripts pass through unchanged.
#include <string>
#include <string_view>

namespace pairwise {

// Composed (NFC) and lower-cased over the scripts above; ASCII-only text is only lower-cased.
// Invalid UTF-8 is lower-cased byte by byte (ASCII letters only).
std::string fold_text(std::string_view text);

}  // namespace pairwise
