#include "app/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "app/item_label.hpp"
#include "app/semantics.hpp"
#include "app/testing/item_capture.hpp"
#include "app/theme.hpp"
#include "app/ui_fonts.hpp"
#include "core/text/bidi_display.hpp"
#include "core/text/bidi_editing.hpp"
#include "core/text/utf8.hpp"
#include "core/text/complex_shaping.hpp"
#include "core/text/soft_wrap.hpp"
#include "core/records/record_meta.hpp"

namespace pairwise::app {
namespace {

std::string join_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    const auto first = current.find_first_not_of(" \t");
    const auto last = current.find_last_not_of(" \t");
    if (first != std::string::npos) out.push_back(current.substr(first, last - first + 1));
    current.clear();
  };
  for (char c : text) {
    if (c == ';' || c == ',') flush();
    else current += c;
  }
  flush();
  return out;
}

// Drawn in the error colour, wrapped; error_text() also announces it.
void draw_error(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme_colour(TextTone::error));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// "E-mail address *" is read as "E-mail address", required.
std::string accessible_name(const char* label) {
  std::string name = label;
  if (name.size() > 2 && name.compare(name.size() - 2, 2, " *") == 0) name.resize(name.size() - 2);
  return name;
}

void describe_field(const char* label, const std::string& value, const std::string& error, bool multiline) {
  ItemDescription d;
  d.role = SemanticRole::textbox;
  d.name = accessible_name(label);
  d.required = d.name.size() != std::strlen(label);
  d.value = value;
  d.error = error;
  d.multiline = multiline;
  describe_last_item(d);
}

}  // namespace

// The field's own label and error are read with the field (its name, aria-invalid and message),
// so they are not mirrored again as separate text.
void label_with_problem(const char* label, const std::string& error) {
  ImGui::TextUnformatted(label);
  if (!error.empty()) {
    capture_text("error", error);
    ImGui::SameLine();
    draw_error(error);
  }
}

// Text painted before a font that shapes arrived was left unshaped: a cache of painted text is
// emptied when one arrives (`generation` is the shaping_generation() it was filled under).
template <typename Cache>
void forget_when_fonts_shape_anew(Cache& cache, int& generation) {
  if (generation == shaping_generation()) return;
  cache.clear();
  generation = shaping_generation();
}

const std::string& painted(const std::string& text) {
  const bool right_to_left = has_right_to_left(text);
  if (!right_to_left && !needs_shaping(text)) return text;
  // Reordered and shaped once per distinct text, not every frame; names come and go, so the cache
  // is emptied when it grows past what a few screens show, and when a font that shapes arrives
  // (what was painted before it came was left unshaped).
  static std::unordered_map<std::string, std::string> cache;
  static int cached_generation = shaping_generation();
  forget_when_fonts_shape_anew(cache, cached_generation);
  auto it = cache.find(text);
  if (it == cache.end()) {
    if (cache.size() > 4096) cache.clear();
    std::string shown = right_to_left ? display_text(text) : text;
    note_text_seen(shown);  // Arabic's joined forms are glyphs of their own, fetched like any other
    if (needs_shaping(shown)) shown = shaped_text(shown);
    it = cache.emplace(text, std::move(shown)).first;
  }
  capture_painted(text, it->second);
  return it->second;
}

std::string painted_label(const char* label) {
  const std::string_view full(label);
  const std::string shown(full.substr(0, full.find("##")));
  const std::string& paint = painted(shown);
  if (&paint == &shown) return std::string(full);
  return paint + "###" + std::string(full);
}

void screen_title(const char* title, const char* subtitle) {
  ImGui::PushFont(heading_font());
  ImGui::TextUnformatted(painted(title).c_str());
  semantic_text(SemanticRole::heading, title, 1);
  ImGui::PopFont();
  if (subtitle != nullptr) help_text(subtitle);
  ImGui::Spacing();
}

void section_heading(const char* text) {
  ImGui::Spacing();
  ImGui::SeparatorText(painted(text).c_str());
  semantic_text(SemanticRole::heading, text, 2);
}

namespace {

// Rows as drawn (reordered, shaped), those of a right-to-left paragraph aligned to the right of
// `width`, from `origin`; each row's own width is measured once, when the rows are made.
struct PaintedRows {
  std::vector<DisplayRow> rows;
  std::vector<float> widths;
  std::string joined;  // for the test flavour's capture
};

PaintedRows painted_rows(std::vector<DisplayRow> rows) {
  PaintedRows out;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    DisplayRow& row = rows[k];
    note_text_seen(row.text);  // Arabic's joined forms are glyphs of their own
    if (needs_shaping(row.text)) row.text = shaped_text(row.text);
    out.widths.push_back(ImGui::CalcTextSize(row.text.data(), row.text.data() + row.text.size()).x);
    if (k > 0) out.joined += '\n';
    out.joined += row.text;
  }
  out.rows = std::move(rows);
  return out;
}

void draw_rows(ImDrawList* draw, const PaintedRows& painted, ImVec2 origin, float width) {
  const float line = ImGui::GetTextLineHeight();
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  for (std::size_t k = 0; k < painted.rows.size(); ++k) {
    const std::string& row = painted.rows[k].text;
    const float x = painted.rows[k].right_to_left ? origin.x + std::max(0.0f, width - painted.widths[k]) : origin.x;
    draw->AddText(ImVec2(x, origin.y + line * static_cast<float>(k)), colour, row.data(), row.data() + row.size());
  }
}

// Text wrapped at the current wrap position. Right-to-left text is wrapped as it reads and then
// each row reordered (core: display_text_wrapped), a right-to-left paragraph's rows aligned right;
// Dear ImGui wrapping the painted string would put a Hebrew paragraph's first words on its last
// line. Cached per text and width.
void wrapped_painted_text(const std::string& text) {
  if (!has_right_to_left(text)) {
    const std::string& shown = painted(text);
    ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
    return;
  }
  const float width = std::max(1.0f, ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(),
                                                                ImGui::GetCurrentWindow()->DC.TextWrapPos));
  static std::unordered_map<std::string, std::pair<float, PaintedRows>> cache;
  static int cached_generation = shaping_generation();
  forget_when_fonts_shape_anew(cache, cached_generation);
  auto it = cache.find(text);
  if (it == cache.end() || it->second.first != width) {
    if (cache.size() > 1024) cache.clear();
    PaintedRows rows = painted_rows(display_text_wrapped(text, width, [](std::string_view piece) {
      return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    }));
    it = cache.insert_or_assign(text, std::make_pair(width, std::move(rows))).first;
  }
  const PaintedRows& shown = it->second.second;
  capture_painted(text, shown.joined);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  draw_rows(ImGui::GetWindowDrawList(), shown, origin, width);
  // One item the size of the rows, as the text would have been.
  float widest = 0;
  for (std::size_t k = 0; k < shown.rows.size(); ++k)
    widest = std::max(widest, shown.rows[k].right_to_left ? width : shown.widths[k]);
  ImGui::Dummy(ImVec2(widest, ImGui::GetTextLineHeight() * static_cast<float>(shown.rows.size())));
}

}  // namespace

void paragraph(const char* text) {
  // A comfortable reading width, or the window's edge where that is nearer (a phone).
  ImGui::PushTextWrapPos(std::min(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 38.0f, ImGui::GetContentRegionMax().x));
  wrapped_painted_text(text);
  semantic_text(SemanticRole::text, text);
  ImGui::PopTextWrapPos();
}

void bullet_wrapped(const std::string& text) {
  ImGui::Bullet();
  ImGui::PushTextWrapPos(0.0f);
  wrapped_painted_text(text);
  ImGui::PopTextWrapPos();
  semantic_text(SemanticRole::text, text);
}

void help_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  paragraph(text);
  ImGui::PopStyleColor();
}

namespace {
std::string formatted(const char* format, va_list args) {
  char buffer[1024];
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(buffer, sizeof buffer, format, copy);
  va_end(copy);
  if (n < 0) return std::string();
  if (static_cast<std::size_t>(n) < sizeof buffer) return std::string(buffer, static_cast<std::size_t>(n));
  std::string long_text(static_cast<std::size_t>(n) + 1, '\0');
  std::vsnprintf(long_text.data(), long_text.size(), format, args);
  long_text.resize(static_cast<std::size_t>(n));
  return long_text;
}
}  // namespace

void text_line(const std::string& text) {
  const std::string& shown = painted(text);
  ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
  semantic_text(SemanticRole::text, text);
}

void text_format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const std::string text = formatted(format, args);
  va_end(args);
  text_line(text);
}

void muted_format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const std::string text = formatted(format, args);
  va_end(args);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_line(text);
  ImGui::PopStyleColor();
}

void wrapped_format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const std::string text = formatted(format, args);
  va_end(args);
  ImGui::PushTextWrapPos(0.0f);
  wrapped_painted_text(text);
  semantic_text(SemanticRole::text, text);
  ImGui::PopTextWrapPos();
}

void bullet_format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  const std::string text = formatted(format, args);
  va_end(args);
  bullet_wrapped(text);
}

void error_text(const std::string& text) {
  capture_text("error", text);
  draw_error(text);
  semantic_text(SemanticRole::alert, text);
}

namespace {

// Dear ImGui draws a field's text a character at a time in typing order: a Hebrew name in a field
// read backwards, a Devanagari one unshaped. So a field draws its own text transparent and the
// painted text over it, in the same place. While it is not edited: reordered, joined and shaped
// (the painted rows). While it is edited and holds right-to-left text: laid out as it reads
// (core/text/bidi_editing), with the caret where the next character will appear, the selection
// over the characters it holds, and a click or tap mapped to the position under the pointer
// before Dear ImGui sees it. Devanagari and Thai being edited are shaped, the caret stopping
// between syllables.
struct FieldPainting {
  ImGuiID id = 0;
  bool transparent = false;  // the field's own text, caret and selection drawn invisible
  bool mouse_moved = false;  // io.MousePos was moved to where Dear ImGui's own layout has that position
  bool arrows_swapped = false;  // Left and Right exchanged for a caret in a right-to-left row
  ImVec2 real_mouse;
  ImRect frame;
  float inner_width = 0;
};

float glyph_advance(ImFont* font, char32_t c) {
  if (c == 0xFEFF) return 0.0f;  // where a lam-alef ligature took its second letter
  return font->GetCharAdvance(static_cast<ImWchar>(c)) * (ImGui::GetFontSize() / font->FontSize);
}

// The spaces a row ends with, where it was wrapped: they may hang past the field's edge (past its
// left edge in a right-to-left row), as in any word processor.
float overhang(const BidiRow& row, ImFont* font) {
  float width = 0;
  for (std::size_t k = row.length; k > 0 && row.visual[row.visual_of[k - 1]] == U' '; --k) width += glyph_advance(font, U' ');
  return width;
}

// The rows of `display` placed in the field: aligned left, or right for a right-to-left paragraph.
std::vector<PlacedRow> place_rows(const std::vector<BidiRow>& rows, float left, float width) {
  ImFont* font = ImGui::GetFont();
  std::vector<PlacedRow> placed;
  placed.reserve(rows.size());
  for (const BidiRow& row : rows) {
    PlacedRow p{&row, left, {0.0f}};
    for (char32_t c : row.visual) p.edges.push_back(p.edges.back() + glyph_advance(font, c));
    if (row.right_to_left) p.left = left + std::max(0.0f, width - (p.edges.back() - overhang(row, font)));
    placed.push_back(std::move(p));
  }
  return placed;
}

bool rows_fit(const std::vector<PlacedRow>& placed, float width) {
  ImFont* font = ImGui::GetFont();
  for (const PlacedRow& p : placed)
    if (p.edges.back() - overhang(*p.row, font) > width + 0.5f) return false;
  return true;
}

// Where Dear ImGui's own layout (characters in typing order, from the row's left) puts the caret
// of position `at` of a row.
float typed_order_x(const std::u32string& text, const BidiRow& row, std::size_t at, float left) {
  ImFont* font = ImGui::GetFont();
  float x = left;
  for (std::size_t k = 0; k < at && row.first + k < text.size(); ++k) x += glyph_advance(font, text[row.first + k]);
  return x;
}

// A field's rows as laid out for editing: bidirectional (Hebrew, Arabic) or shaped (Devanagari,
// Thai: the caret stops between syllables), or as typed.
std::vector<BidiRow> editing_rows(const SoftWrapped& display) {
  std::vector<BidiRow> rows = lay_out_rows(display);
  if (has_right_to_left(display.display) || !needs_shaping(display.display)) return rows;
  const std::u32string text = to_code_points(display.display);
  for (BidiRow& row : rows) {
    ShapedEditingRow shaped = shaped_for_editing(std::u32string_view(text).substr(row.first, row.length));
    row = shaped_row(row.first, row.length, std::move(shaped.drawn), shaped.cluster_of);
  }
  return rows;
}

// Before the field: its own text made invisible when it is painted over, and a pointer on a field
// laid out for editing moved to the place Dear ImGui's layout has for the position under it.
FieldPainting begin_field_painting(ImGuiID id, const std::string& value, const SoftWrapped& display, ImRect frame,
                                   float inner_width, ImVec2 scroll) {
  FieldPainting painting;
  painting.id = id;
  painting.frame = frame;
  painting.inner_width = inner_width;
  const bool laid_out = has_right_to_left(value) || needs_shaping(value);
  const bool active = ImGui::GetActiveID() == id;
  painting.transparent = laid_out;
  if (!laid_out) return painting;
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImVec2 origin(frame.Min.x + padding.x - scroll.x, frame.Min.y + padding.y - scroll.y);
  const std::vector<BidiRow> rows = editing_rows(display);
  const std::vector<PlacedRow> placed = place_rows(rows, origin.x, inner_width);
  ImGuiIO& io = ImGui::GetIO();
  // A click that starts editing lands where it was aimed too, as does a drag that selects.
  const bool pointing = frame.Contains(io.MousePos) && (ImGui::IsMouseDown(ImGuiMouseButton_Left) ||
                                                        ImGui::IsMouseReleased(ImGuiMouseButton_Left));
  if (pointing && rows_fit(placed, inner_width) && !rows.empty()) {
    const float line = ImGui::GetTextLineHeight();
    const int last = static_cast<int>(rows.size()) - 1;
    const int r = std::clamp(static_cast<int>(std::floor((io.MousePos.y - origin.y) / line)), 0, last);
    const std::size_t at = position_at(placed[static_cast<std::size_t>(r)], io.MousePos.x);
    const std::u32string text = to_code_points(display.display);
    painting.real_mouse = io.MousePos;
    io.MousePos.x = typed_order_x(text, rows[static_cast<std::size_t>(r)], at, origin.x) + 0.01f;
    painting.mouse_moved = true;
  }
  // Left and Right move the caret the way the arrow points: in a right-to-left row, Left goes on
  // to the next letter. Dear ImGui moves through the text in typing order, so in such a row it is
  // given the other arrow for as long as it handles the field.
  if (const ImGuiInputTextState* state = active ? ImGui::GetInputTextState(id) : nullptr) {
    const auto cursor = static_cast<std::size_t>(state->Stb.cursor);
    for (const BidiRow& row : rows) {
      if (cursor < row.first || cursor > row.first + row.length) continue;
      if (row.right_to_left) {
        std::swap(*ImGui::GetKeyData(ImGuiKey_LeftArrow), *ImGui::GetKeyData(ImGuiKey_RightArrow));
        painting.arrows_swapped = true;
      }
      break;
    }
  }
  if (painting.transparent) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_TextSelectedBg, ImVec4(0, 0, 0, 0));
  }
  return painting;
}

// The painted rows of a field not being edited, from the text start, aligned by their direction.
void draw_idle_rows(ImDrawList* draw, const FieldPainting& painting, const std::string& text, const PaintedRows& shown,
                    ImVec2 scroll) {
  capture_painted_field(text, shown.joined);
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  draw_rows(draw, shown, ImVec2(painting.frame.Min.x + padding.x - scroll.x, painting.frame.Min.y + padding.y - scroll.y),
            painting.inner_width);
}

// The field being edited, laid out as it reads, with its selection and caret.
void draw_editing_rows(ImDrawList* draw, const FieldPainting& painting, const SoftWrapped& display, ImVec2 scroll) {
  const ImGuiInputTextState* state = ImGui::GetInputTextState(painting.id);
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImVec2 origin(painting.frame.Min.x + padding.x - scroll.x, painting.frame.Min.y + padding.y - scroll.y);
  const std::vector<BidiRow> rows = editing_rows(display);
  const std::vector<PlacedRow> placed = place_rows(rows, origin.x, painting.inner_width);
  const float line = ImGui::GetTextLineHeight();
  const std::size_t cursor = state ? static_cast<std::size_t>(state->Stb.cursor) : 0;
  const std::size_t from = state ? static_cast<std::size_t>(std::min(state->Stb.select_start, state->Stb.select_end)) : 0;
  const std::size_t to = state ? static_cast<std::size_t>(std::max(state->Stb.select_start, state->Stb.select_end)) : 0;
  const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 selection_colour = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
  std::string joined;
  for (std::size_t r = 0; r < placed.size(); ++r) {
    const BidiRow& row = rows[r];
    const float y = origin.y + line * static_cast<float>(r);
    if (to > from && to > row.first && from < row.first + row.length + 1) {
      const std::size_t a = from > row.first ? from - row.first : 0;
      const std::size_t b = std::min(to - row.first, row.length);
      for (const auto& [x0, x1] : selection_pieces(placed[r], a, b))
        draw->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + line), selection_colour);
    }
    const std::string shown = painted_row_text(row);
    draw->AddText(ImVec2(placed[r].left, y), text_colour, shown.data(), shown.data() + shown.size());
    if (r > 0) joined += '\n';
    joined += shown;
  }
  capture_painted_field("editing:" + display.display, joined);
  // The caret, blinking as Dear ImGui's does, on the row that holds its position.
  if (state == nullptr) return;
  const ImGuiIO& io = ImGui::GetIO();
  const bool visible = !io.ConfigInputTextCursorBlink || state->CursorAnim <= 0.0f || ImFmod(state->CursorAnim, 1.20f) <= 0.80f;
  for (std::size_t r = 0; r < placed.size(); ++r) {
    const BidiRow& row = rows[r];
    if (cursor < row.first || cursor > row.first + row.length) continue;
    const float x = std::floor(caret_x(placed[r], cursor - row.first));
    const float y = origin.y + line * static_cast<float>(r);
    if (visible) draw->AddLine(ImVec2(x, y + 0.5f), ImVec2(x, y + line - 1.5f), text_colour);
    break;
  }
}

// After the field: the pointer put back, the field's colours restored and its text painted.
// `idle` gives the painted rows of a field not being edited.
template <typename IdleRows>
void end_field_painting(FieldPainting& painting, ImDrawList* draw, const std::string& text, const SoftWrapped& display,
                        ImVec2 scroll, IdleRows&& idle) {
  if (painting.mouse_moved) ImGui::GetIO().MousePos = painting.real_mouse;
  if (painting.arrows_swapped) std::swap(*ImGui::GetKeyData(ImGuiKey_LeftArrow), *ImGui::GetKeyData(ImGuiKey_RightArrow));
  if (!painting.transparent) return;
  ImGui::PopStyleColor(2);
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  draw->PushClipRect(ImVec2(painting.frame.Min.x + padding.x * 0.5f, painting.frame.Min.y),
                     ImVec2(painting.frame.Max.x - padding.x * 0.5f, painting.frame.Max.y), true);
  const bool editing = ImGui::GetActiveID() == painting.id;
  if (editing) draw_editing_rows(draw, painting, display, scroll);
  else draw_idle_rows(draw, painting, text, idle(), scroll);
  draw->PopClipRect();
}

}  // namespace

bool text_field(const char* label, std::string& value, const char* hint, const std::string& error) {
  label_with_problem(label, error);
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 28.0f);
  ImGui::SetNextItemWidth(width);
  const std::string id = std::string("##") + label;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImRect frame(at, ImVec2(at.x + width, at.y + ImGui::GetFrameHeight()));
  const float inner_width = width - ImGui::GetStyle().FramePadding.x * 2;
  // A single line lays out like a field that never wraps; as it was before the frame's edit.
  SoftWrapped before{value, {}};
  FieldPainting painting = begin_field_painting(ImGui::GetID(id.c_str()), value, before, frame, inner_width, ImVec2(0, 0));
  const bool edited = ImGui::InputTextWithHint(id.c_str(), hint, &value);
  const SoftWrapped after{value, {}};
  end_field_painting(painting, ImGui::GetWindowDrawList(), value, after, ImVec2(0, 0), [&] {
    return painted_rows({{painted(value), reads_right_to_left(value)}});
  });
  describe_field(label, value, error, false);
  return edited;
}

namespace {

// A multi-line field's text as shown, wrapped at the field's width (core/text/soft_wrap.hpp): kept
// per field while the app runs, rebuilt when the text or the width changes.
struct WrappedField {
  std::string text;  // the text it was made from
  float width = -1;  // the width `wrapped` was made for
  float wanted_width = -1;  // the field's width this frame
  SoftWrapped wrapped;
  bool edited = false;
  // `wrapped` as painted while the field is not edited (display_row_list, then shaped), remade
  // when the display or the fonts that shape change.
  std::string painted_from;
  int painted_generation = -1;
  PaintedRows painted;
  ImGuiID child_window = 0;  // the window Dear ImGui draws the field's text in
};
std::unordered_map<ImGuiID, WrappedField> g_wrapped_fields;

float text_width(std::string_view run) { return ImGui::CalcTextSize(run.data(), run.data() + run.size()).x; }

// Gives the field its new display, with the caret at `caret` in the text.
void show_wrapped(ImGuiInputTextCallbackData* data, const WrappedField& field, std::size_t caret) {
  if (std::string_view(data->Buf, static_cast<std::size_t>(data->BufTextLen)) != field.wrapped.display) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, field.wrapped.display.data(), field.wrapped.display.data() + field.wrapped.display.size());
  }
  data->CursorPos = static_cast<int>(std::min(to_display_offset(field.wrapped, caret), field.wrapped.display.size()));
  data->SelectionStart = data->SelectionEnd = data->CursorPos;
}

// Runs inside the field while it is edited: an edit made to the display becomes an edit of the
// text, wrapped again with the caret where it belongs; a width that changed meanwhile (a window
// resized, a phone turned) wraps it again too.
int wrap_as_typed(ImGuiInputTextCallbackData* data) {
  WrappedField& field = *static_cast<WrappedField*>(data->UserData);
  const std::size_t cursor = static_cast<std::size_t>(data->CursorPos);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
    const std::string_view shown(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const SoftWrapEdit edit = apply_display_edit(field.wrapped, shown, cursor, ImGui::IsKeyPressed(ImGuiKey_Backspace));
    field.text = edit.text;
    field.width = field.wanted_width;
    field.wrapped = soft_wrap(field.text, field.width, text_width);
    field.edited = true;
    show_wrapped(data, field, edit.caret);
  } else if (field.width != field.wanted_width) {
    const std::size_t caret = to_text_offset(field.wrapped, cursor);
    field.width = field.wanted_width;
    field.wrapped = soft_wrap(field.text, field.width, text_width);
    show_wrapped(data, field, caret);
  }
  return 0;
}

}  // namespace

std::string copied_without_soft_breaks(const char* copied) {
  ImGuiContext& g = *GImGui;
  const auto found = g_wrapped_fields.find(g.ActiveId);
  if (g.ActiveId == 0 || found == g_wrapped_fields.end() || g.InputTextState.ID != g.ActiveId) return copied;
  const WrappedField& field = found->second;
  const ImGuiInputTextState& state = g.InputTextState;
  // The selection, in the field's characters, as byte offsets into its display.
  const int from = std::min(state.Stb.select_start, state.Stb.select_end);
  const int to = std::max(state.Stb.select_start, state.Stb.select_end);
  const ImWchar* chars = state.TextW.Data;
  const std::size_t start = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(chars, chars + from));
  const std::size_t end = static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(chars, chars + to));
  if (end > field.wrapped.display.size() || field.wrapped.display.compare(start, end - start, copied) != 0) return copied;
  const std::size_t text_start = to_text_offset(field.wrapped, start);
  const std::size_t text_end = to_text_offset(field.wrapped, end);
  return field.text.substr(text_start, text_end - text_start);
}

bool text_area(const char* label, std::string& value, float lines, const std::string& error) {
  label_with_problem(label, error);
  const std::string id = std::string("##") + label;
  const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 38.0f),
                    ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2);
  // The text wraps inside the frame, with room kept for the scroll bar so it never wraps twice.
  const float width = size.x - ImGui::GetStyle().FramePadding.x * 2 - ImGui::GetStyle().ScrollbarSize - 2.0f;
  const ImGuiID field_id = ImGui::GetID(id.c_str());
  WrappedField& field = g_wrapped_fields[field_id];
  field.wanted_width = width;
  // While the field is edited its own copy is the truth (the callback keeps `field` in step).
  if (ImGui::GetActiveID() != field_id && (field.text != value || field.width != width)) {
    field.text = value;
    field.width = width;
    field.wrapped = soft_wrap(field.text, width, text_width);
  }
  std::string shown = field.wrapped.display;
  field.edited = false;
  // The field's text lives in a child window of its own, scrolled as it was last frame.
  ImGuiWindow* child = nullptr;
  if (ImGuiWindow* found = ImGui::FindWindowByID(field.child_window)) child = found;
  const ImVec2 scroll_before = child ? child->Scroll : ImVec2(0, 0);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImRect frame(at, ImVec2(at.x + size.x, at.y + size.y));
  FieldPainting painting = begin_field_painting(field_id, field.text, field.wrapped, frame, width, scroll_before);
  ImGui::InputTextMultiline(id.c_str(), &shown, size, ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways,
                            wrap_as_typed, &field);
  const ImVector<ImGuiWindow*>& children = ImGui::GetCurrentWindow()->DC.ChildWindows;
  if (!children.empty() && children.back()->ChildId == field_id) child = children.back();
  field.child_window = child ? child->ID : 0;
  // Drawn with the field's own window, above its background.
  ImDrawList* draw = child ? child->DrawList : ImGui::GetWindowDrawList();
  end_field_painting(painting, draw, field.text, field.wrapped, child ? child->Scroll : ImVec2(0, 0), [&]() -> const PaintedRows& {
    if (field.painted_from != field.wrapped.display || field.painted_generation != shaping_generation()) {
      field.painted = painted_rows(display_row_list(field.wrapped));
      field.painted_from = field.wrapped.display;
      field.painted_generation = shaping_generation();
    }
    return field.painted;
  });
  const bool edited = field.edited;
  if (edited) value = field.text;
  describe_field(label, value, error, true);
  return edited;
}

bool list_field(const char* label, std::vector<std::string>& values, const char* hint, const std::string& error) {
  // The text being typed is kept per field, so "Spanish; " is not trimmed away mid-typing.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID(label);
  static std::vector<std::string> buffers;
  int slot = storage->GetInt(key, -1);
  if (slot < 0) {
    slot = static_cast<int>(buffers.size());
    buffers.push_back(join_list(values));
    storage->SetInt(key, slot);
  }
  std::string& text = buffers[static_cast<std::size_t>(slot)];
  const bool typing = ImGui::GetActiveID() == ImGui::GetID((std::string("##") + label).c_str());
  if (!typing && split_list(text) != values) text = join_list(values);
  if (text_field(label, text, hint, error)) {
    values = split_list(text);
    return true;
  }
  return false;
}

bool int_field(const char* label, int& value, int min_value, int max_value) {
  ImGui::TextUnformatted(label);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  const std::string id = std::string("##") + label;
  bool edited = false;
  if (ImGui::InputInt(id.c_str(), &value)) {
    value = std::clamp(value, min_value, max_value);
    edited = true;
  }
  // InputInt is a text field and two step buttons inside its own id scope.
  ImGui::PushID(id.c_str());
  const ImGuiID text_id = ImGui::GetID("");
  const ImGuiID minus = ImGui::GetID("-");
  const ImGuiID plus = ImGui::GetID("+");
  ImGui::PopID();
  ItemDescription field;
  field.role = SemanticRole::textbox;
  field.name = accessible_name(label);
  field.required = field.name.size() != std::strlen(label);
  field.value = std::to_string(value);
  describe_item(text_id, field);
  ItemDescription step;
  step.role = SemanticRole::button;
  step.name = "Decrease " + field.name;
  describe_item(minus, step);
  step.name = "Increase " + field.name;
  describe_item(plus, step);
  return edited;
}

bool optional_int_field(const char* label, std::optional<int>& value, int min_value, int max_value,
                        const std::string& error) {
  label_with_problem(label, error);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  const std::string id = std::string("##") + label;
  std::string text = value ? std::to_string(*value) : std::string();
  const bool edited = ImGui::InputTextWithHint(id.c_str(), "not answered", &text, ImGuiInputTextFlags_CharsDecimal);
  // While edited, the field shows what is typed ("4-" stays until it parses), not the stored value.
  const ImGuiInputTextState* editing = ImGui::IsItemActive() ? ImGui::GetInputTextState(ImGui::GetItemID()) : nullptr;
  describe_field(label, editing != nullptr && editing->TextA.Data != nullptr ? std::string(editing->TextA.Data) : text,
                 error, false);
  if (!edited) return false;
  const std::string typed = trim(text);
  if (typed.empty()) {
    const bool changed = value.has_value();
    value.reset();
    return changed;
  }
  try {
    std::size_t used = 0;
    const long long parsed = std::stoll(typed, &used);
    if (used != typed.size()) return false;  // "-" or "4-" mid-typing: the stored value stays
    const int clamped = static_cast<int>(std::clamp<long long>(parsed, min_value, max_value));
    if (value == clamped) return false;
    value = clamped;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

bool button(const char* label, bool enabled, const char* why_disabled) {
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(painted_label(label).c_str());
  if (!ImGui::IsItemVisible()) {
    // Scrolled out of its window, Dear ImGui skipped its label: a screen reader still finds it,
    // even on a screen it has never been scrolled into view on (the end of a long form).
    ItemDescription d;
    d.role = SemanticRole::button;
    d.name = item_name(label);
    describe_last_item(d);
  }
  ImGui::EndDisabled();
  if (!enabled && why_disabled != nullptr && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", why_disabled);
  return pressed;
}

}  // namespace pairwise::app

namespace pairwise::app {

bool begin_combo(const std::string& name, const char* preview) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::CalcItemWidth();
  capture_widget(name, at.x, at.y, at.x + width, at.y + ImGui::GetFrameHeight());
  const std::string id = "##" + name;
  const ImGuiID combo_id = ImGui::GetID(id.c_str());
  const bool open = ImGui::BeginCombo(id.c_str(), preview);
  ItemDescription d;
  d.role = SemanticRole::combobox;
  d.name = name;
  d.value = preview != nullptr ? preview : "";
  d.has_expanded = true;
  d.expanded = open;
  describe_item(combo_id, d);
  return open;
}

bool labelled_combo(const char* label, const char* preview) {
  const ImGuiID combo_id = ImGui::GetID(label);
  const bool open = ImGui::BeginCombo(label, preview);
  ItemDescription d;
  d.role = SemanticRole::combobox;
  const std::string shown = label;
  d.name = shown.substr(0, shown.find("##"));
  d.value = preview != nullptr ? preview : "";
  d.has_expanded = true;
  d.expanded = open;
  describe_item(combo_id, d);
  return open;
}

bool slider_int(const char* label, int& value, int min_value, int max_value, const char* format) {
  const bool moved = ImGui::SliderInt(label, &value, min_value, max_value, format);
  ItemDescription d;
  d.role = SemanticRole::slider;
  const std::string shown = label;
  d.name = shown.substr(0, shown.find("##"));
  d.value = std::to_string(value);
  d.min_value = static_cast<float>(min_value);
  d.max_value = static_cast<float>(max_value);
  describe_last_item(d);
  return moved;
}

void describe_text_input(const std::string& name, const std::string& value) {
  ItemDescription d;
  d.role = SemanticRole::textbox;
  d.name = name;
  d.value = value;
  describe_last_item(d);
}

bool radio_button(const char* label, bool active) {
  const bool pressed = ImGui::RadioButton(painted_label(label).c_str(), active);
  ItemDescription d;
  d.role = SemanticRole::radio;
  d.checked = active ? 1 : 0;
  describe_last_item(d);
  return pressed;
}

bool confirm_dialog(const char* id, const std::string& question, const char* confirm_label,
                    const ConfirmOptions& options) {
  bool confirmed = false;
  // No wider than the screen (a phone), with the question wrapped inside.
  const float width = std::min(ImGui::GetFontSize() * 28, ImGui::GetIO().DisplaySize.x - 16.0f);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x * 2);
    ImGui::TextUnformatted(question.c_str());
    ImGui::PopTextWrapPos();
    if (options.reason != nullptr) {
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      text_field(options.reason_label, *options.reason);
    }
    ImGui::Spacing();
    const bool enter = options.enter_confirms &&
                       (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
    if (ImGui::Button(confirm_label) || enter) {
      confirmed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(options.cancel_label) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return confirmed;
}

}  // namespace pairwise::app
