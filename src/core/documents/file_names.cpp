#include "core/documents/file_names.hpp"

#include <cctype>

namespace pairwise {

std::string file_name_part(const std::string& text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "file" : out;
}

std::string export_file_name(const std::vector<std::string>& parts, const std::string& extension) {
  std::string out = "pairwise";
  for (const std::string& part : parts)
    if (!part.empty()) out += "-" + file_name_part(part);
  return out + "." + extension;
}

}  // namespace pairwise
