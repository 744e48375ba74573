#pragma once
// What an ImGui label is called, for the screen reader's names and the test flavour's item table:
// "Name##id" is called "Name"; a field drawn as "##Name" under a separate text label goes by
// "Name"; a label painted differently from its text (right-to-left, see widgets.hpp painted_label)
// is "painted###Name##id" and is called "Name", the text in reading order.
#include <string>
#include <string_view>

namespace pairwise::app {

std::string item_name(std::string_view label);

}  // namespace pairwise::app
