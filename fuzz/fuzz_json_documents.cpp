// Any byte string given to the document reader must produce a document or errors, never a crash,
// and a document that reads must write and read back equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/documents/documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = pairwise::read_document(text, "fuzz.json");
  if (doc) {
    auto again = pairwise::read_document(pairwise::write_document(doc->document, "2024-01-01T00:00:00Z"), "again.json");
    if (!again || !(again->document == doc->document)) std::abort();
  }
  return 0;
}
