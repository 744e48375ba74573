#include "core/result.hpp"

namespace pairwise {

std::string ValidationError::to_string() const {
  std::string out;
  if (!file.empty()) out += file + ": ";
  if (!path.empty()) out += path + ": ";
  out += message;
  return out;
}

void set_file(Errors& errors, const std::string& file) {
  for (auto& e : errors)
    if (e.file.empty()) e.file = file;
}

std::string join_errors(const Errors& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += '\n';
    out += e.to_string();
  }
  return out;
}

}  // namespace pairwise
