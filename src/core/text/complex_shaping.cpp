#include "core/text/complex_shaping.hpp"

#include <hb.h>

#include "core/text/utf8.hpp"

namespace pairwise {
namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

bool is_joiner(char32_t c) { return c == 0x200C || c == 0x200D || c == 0x25CC; }

hb_script_t harfbuzz_script(ComplexScript script) {
  switch (script) {
    case ComplexScript::devanagari: return HB_SCRIPT_DEVANAGARI;
    case ComplexScript::thai: return HB_SCRIPT_THAI;
  }
  return HB_SCRIPT_UNKNOWN;
}

}  // namespace

std::optional<ComplexScript> complex_script_of(char32_t c) {
  // Devanagari with its Extended and Vedic Extensions blocks.
  if (in(c, 0x0900, 0x097F) || in(c, 0xA8E0, 0xA8FF) || in(c, 0x1CD0, 0x1CFF)) return ComplexScript::devanagari;
  if (in(c, 0x0E00, 0x0E7F)) return ComplexScript::thai;
  return std::nullopt;
}

bool needs_shaping(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    // Every such character is at U+0900 or above: its lead byte is 0xE0 or more.
    if (static_cast<unsigned char>(utf8[i]) < 0xE0) {
      ++i;
      continue;
    }
    if (complex_script_of(next_code_point(utf8, i))) return true;
  }
  return false;
}

std::vector<TextPiece> pieces_for_shaping(std::u32string_view text) {
  std::vector<TextPiece> pieces;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    if (const auto script = complex_script_of(text[i])) {
      // The run goes on through letters of its script and joiners that sit between them.
      ++i;
      while (i < text.size()) {
        if (complex_script_of(text[i]) == script) {
          ++i;
        } else if (is_joiner(text[i])) {
          std::size_t next = i + 1;
          while (next < text.size() && is_joiner(text[next])) ++next;
          if (next < text.size() && complex_script_of(text[next]) == script) i = next;
          else break;
        } else {
          break;
        }
      }
      // A joiner or dotted circle straight after the run (क्‍ at the end of a word) still shapes with it.
      while (i < text.size() && is_joiner(text[i])) ++i;
      pieces.push_back({begin, i, script});
    } else {
      while (i < text.size() && !complex_script_of(text[i])) ++i;
      pieces.push_back({begin, i, std::nullopt});
    }
  }
  return pieces;
}

struct Shaper::Handles {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  hb_buffer_t* buffer = nullptr;
  ~Handles() {
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
};

Shaper::Shaper(std::unique_ptr<Handles> handles) : handles_(std::move(handles)) {}
Shaper::~Shaper() = default;

std::unique_ptr<Shaper> Shaper::open(std::string_view font_file, int face) {
  if (font_file.empty() || face < 0) return nullptr;
  auto handles = std::make_unique<Handles>();
  handles->blob = hb_blob_create(font_file.data(), static_cast<unsigned>(font_file.size()),
                                 HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  if (face >= static_cast<int>(hb_face_count(handles->blob))) return nullptr;  // also: not a font at all
  handles->face = hb_face_create(handles->blob, static_cast<unsigned>(face));
  if (hb_face_get_glyph_count(handles->face) == 0) return nullptr;
  handles->font = hb_font_create(handles->face);
  const int upem = static_cast<int>(hb_face_get_upem(handles->face));
  hb_font_set_scale(handles->font, upem, upem);  // positions in font units
  handles->buffer = hb_buffer_create();
  if (!hb_buffer_allocation_successful(handles->buffer)) return nullptr;
  return std::unique_ptr<Shaper>(new Shaper(std::move(handles)));
}

int Shaper::units_per_em() const { return static_cast<int>(hb_face_get_upem(handles_->face)); }

std::vector<ShapedGlyph> Shaper::shape(std::u32string_view text, std::size_t begin, std::size_t end,
                                       ComplexScript script) const {
  std::vector<ShapedGlyph> glyphs;
  if (begin >= end || end > text.size()) return glyphs;
  hb_buffer_t* buffer = handles_->buffer;
  hb_buffer_reset(buffer);
  hb_buffer_add_utf32(buffer, reinterpret_cast<const std::uint32_t*>(text.data()), static_cast<int>(text.size()),
                      static_cast<unsigned>(begin), static_cast<int>(end - begin));
  hb_buffer_set_script(buffer, harfbuzz_script(script));
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  // No language: the font's default forms (Hindi, Marathi and Nepali names all come out readable),
  // and never the machine's locale, so every browser draws a name alike.
  hb_buffer_set_language(buffer, HB_LANGUAGE_INVALID);
  hb_shape(handles_->font, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer, &count);
  glyphs.reserve(count);
  for (unsigned k = 0; k < count; ++k)
    glyphs.push_back({info[k].codepoint, position[k].x_advance, position[k].x_offset, position[k].y_offset, info[k].cluster});
  return glyphs;
}

}  // namespace pairwise
