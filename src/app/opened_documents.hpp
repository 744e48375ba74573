#pragma once
#include <optional>

#include "app/session.hpp"
#include "core/documents/documents.hpp"
#include "platform/files.hpp"

namespace pairwise::app {

// Reads a file the person opened as a Pairwise document of the expected kind; anything else
// (unreadable, invalid, another kind) becomes a notice naming the file, and nothing is returned.
std::optional<ParsedDocument> read_opened_document(Session& session, const platform::OpenedFile& file,
                                                   DocumentKind expected, const char* where_else);

}  // namespace pairwise::app
