#include "app/opened_documents.hpp"

namespace pairwise::app {

std::optional<ParsedDocument> read_opened_document(Session& session, const platform::OpenedFile& file,
                                                   DocumentKind expected, const char* where_else) {
  if (!file.error.empty()) {
    session.notify(file.name + " " + file.error, true);
    return std::nullopt;
  }
  auto parsed = read_document(file.text, file.name);
  if (!parsed) {
    session.notify(parsed.error_text(), true);
    return std::nullopt;
  }
  if (parsed->kind != expected) {
    session.notify(file.name + ": this is a " + to_string(parsed->kind) + " file, not a " + to_string(expected) +
                       " file. " + where_else,
                   true);
    return std::nullopt;
  }
  return std::move(parsed.value());
}

}  // namespace pairwise::app
