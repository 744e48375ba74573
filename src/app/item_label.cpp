#include "app/item_label.hpp"

namespace pairwise::app {

std::string item_name(std::string_view label) {
  if (const auto painted = label.find("###"); painted != std::string_view::npos) label = label.substr(painted + 3);
  const auto hidden = label.find("##");
  if (hidden == std::string_view::npos) return std::string(label);
  std::string_view shown = label.substr(0, hidden);
  if (shown.empty()) {
    const auto start = label.find_first_not_of('#', hidden);
    if (start != std::string_view::npos) shown = label.substr(start);
  }
  return std::string(shown);
}

}  // namespace pairwise::app
