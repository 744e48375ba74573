#include "core/text/bidi_editing.hpp"

#include <fribidi.h>

#include <algorithm>
#include <cmath>

#include "core/text/bidi_display.hpp"
#include "core/text/utf8.hpp"

namespace pairwise {
namespace {

// The direction a paragraph reads in, from its first strong character (left to right without one).
FriBidiParType paragraph_direction(const std::u32string& paragraph) {
  if (paragraph.empty()) return FRIBIDI_PAR_LTR;
  std::vector<FriBidiCharType> types(paragraph.size());
  fribidi_get_bidi_types(reinterpret_cast<const FriBidiChar*>(paragraph.data()),
                         static_cast<FriBidiStrIndex>(paragraph.size()), types.data());
  const FriBidiParType direction = fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(types.size()));
  return direction == FRIBIDI_PAR_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
}

void lay_out_identity(BidiRow& row, std::u32string_view text) {
  row.visual.assign(text);
  row.visual_of.resize(text.size());
  row.visual_end.resize(text.size());
  row.cluster_start.assign(text.size(), true);
  row.reads_right_to_left.assign(text.size(), false);
  for (std::size_t k = 0; k < text.size(); ++k) {
    row.visual_of[k] = k;
    row.visual_end[k] = k + 1;
  }
}

void lay_out(BidiRow& row, std::u32string_view text, FriBidiParType direction) {
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  std::vector<FriBidiChar> visual(text.size() + 1);
  std::vector<FriBidiStrIndex> to_visual(text.size() + 1);
  std::vector<FriBidiLevel> levels(text.size() + 1);
  FriBidiParType base = direction;
  if (text.empty() || !fribidi_log2vis(reinterpret_cast<const FriBidiChar*>(text.data()), n, &base, visual.data(),
                                       to_visual.data(), nullptr, levels.data())) {
    lay_out_identity(row, text);
    return;
  }
  row.visual.assign(visual.begin(), visual.begin() + n);
  row.visual_of.resize(text.size());
  row.visual_end.resize(text.size());
  row.cluster_start.assign(text.size(), true);
  row.reads_right_to_left.resize(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    row.visual_of[k] = static_cast<std::size_t>(to_visual[k]);
    row.visual_end[k] = row.visual_of[k] + 1;
    row.reads_right_to_left[k] = (levels[k] & 1) != 0;
  }
}

}  // namespace

std::vector<BidiRow> lay_out_rows(const SoftWrapped& display) {
  const std::u32string text = to_code_points(display.display);
  // Soft breaks as code point offsets (they were byte offsets).
  std::vector<bool> soft_break(text.size(), false);
  {
    std::size_t byte = 0, point = 0, next = 0;
    const std::string_view bytes = display.display;
    while (byte < bytes.size()) {
      while (next < display.breaks.size() && display.breaks[next] < byte) ++next;
      if (next < display.breaks.size() && display.breaks[next] == byte && point < soft_break.size()) soft_break[point] = true;
      next_code_point(bytes, byte);
      ++point;
    }
  }
  const bool has_rtl = has_right_to_left(std::string_view(display.display));
  std::vector<BidiRow> rows;
  std::size_t start = 0;
  while (true) {
    // One paragraph: rows up to a line break the person typed, or the end.
    std::size_t end = start;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [first, last) of each row
    std::size_t row_start = start;
    while (end < text.size() && !(text[end] == U'\n' && !soft_break[end])) {
      if (text[end] == U'\n') {
        spans.emplace_back(row_start, end);
        row_start = end + 1;
      }
      ++end;
    }
    spans.emplace_back(row_start, end);
    std::u32string paragraph;
    for (const auto& [first, last] : spans) paragraph.append(text, first, last - first);
    const FriBidiParType direction = has_rtl ? paragraph_direction(paragraph) : FRIBIDI_PAR_LTR;
    for (const auto& [first, last] : spans) {
      BidiRow row;
      row.first = first;
      row.length = last - first;
      row.right_to_left = direction == FRIBIDI_PAR_RTL;
      const std::u32string_view piece(text.data() + first, last - first);
      if (has_rtl) lay_out(row, piece, direction);
      else lay_out_identity(row, piece);
      rows.push_back(std::move(row));
    }
    if (end >= text.size()) break;
    start = end + 1;
  }
  return rows;
}

BidiRow shaped_row(std::size_t first, std::size_t length, std::u32string drawn, const std::vector<std::size_t>& cluster_of) {
  BidiRow row;
  row.first = first;
  row.length = length;
  lay_out_identity(row, std::u32string(length, U' '));
  row.visual = std::move(drawn);
  // Each cluster's drawn glyphs (contiguous, left to right), then every character from its start
  // to the next cluster's start given them.
  std::vector<std::size_t> starts;
  for (std::size_t j = 0; j < cluster_of.size() && j < row.visual.size(); ++j)
    if (cluster_of[j] < length && (starts.empty() || starts.back() != cluster_of[j])) starts.push_back(cluster_of[j]);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (std::size_t s = 0; s < starts.size(); ++s) {
    std::size_t begin = row.visual.size(), end = 0;
    for (std::size_t j = 0; j < cluster_of.size() && j < row.visual.size(); ++j)
      if (cluster_of[j] == starts[s]) {
        begin = std::min(begin, j);
        end = std::max(end, j + 1);
      }
    const std::size_t next = s + 1 < starts.size() ? starts[s + 1] : length;
    for (std::size_t c = starts[s]; c < next; ++c) {
      row.visual_of[c] = begin;
      row.visual_end[c] = end;
      row.cluster_start[c] = c == starts[s];
    }
  }
  // Characters before the first cluster (none from HarfBuzz) keep a place of their own.
  for (std::size_t c = 0; c < (starts.empty() ? length : starts[0]); ++c) {
    row.visual_of[c] = std::min(c, row.visual.size());
    row.visual_end[c] = std::min(c + 1, row.visual.size());
  }
  return row;
}

float caret_x(const PlacedRow& placed, std::size_t at) {
  const BidiRow& row = *placed.row;
  if (row.length == 0 || placed.edges.size() < row.visual.size() + 1) return placed.left;
  while (at < row.length && !row.cluster_start[at]) ++at;  // inside a syllable: after it
  auto box_left = [&](std::size_t c) { return placed.edges[row.visual_of[c]]; };
  auto box_right = [&](std::size_t c) { return placed.edges[row.visual_end[c]]; };
  if (at < row.length) return placed.left + (row.reads_right_to_left[at] ? box_right(at) : box_left(at));
  const std::size_t last = row.length - 1;
  if (row.reads_right_to_left[last]) return placed.left + box_left(last);
  // A left-to-right paragraph ends at the right of its row.
  return placed.left + (row.right_to_left ? box_right(last) : placed.edges.back());
}

std::size_t position_at(const PlacedRow& placed, float x) {
  std::size_t best = 0;
  float best_distance = INFINITY;
  for (std::size_t at = 0; at <= placed.row->length; ++at) {
    if (at < placed.row->length && !placed.row->cluster_start[at]) continue;
    const float distance = std::fabs(caret_x(placed, at) - x);
    if (distance < best_distance) {
      best = at;
      best_distance = distance;
    }
  }
  return best;
}

std::vector<std::pair<float, float>> selection_pieces(const PlacedRow& placed, std::size_t from, std::size_t to) {
  const BidiRow& row = *placed.row;
  std::vector<std::pair<float, float>> pieces;
  if (placed.edges.size() < row.visual.size() + 1) return pieces;
  to = std::min(to, row.length);
  std::vector<std::size_t> places;
  for (std::size_t c = from; c < to; ++c)
    for (std::size_t v = row.visual_of[c]; v < row.visual_end[c]; ++v) places.push_back(v);
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  for (std::size_t k = 0; k < places.size();) {
    std::size_t j = k;
    while (j + 1 < places.size() && places[j + 1] == places[j] + 1) ++j;
    pieces.emplace_back(placed.left + placed.edges[places[k]], placed.left + placed.edges[places[j] + 1]);
    k = j + 1;
  }
  return pieces;
}

std::string painted_row_text(const BidiRow& row) {
  std::string out;
  for (char32_t c : row.visual)
    if (c != FRIBIDI_CHAR_FILL) append_utf8(out, c);
  return out;
}

}  // namespace pairwise
