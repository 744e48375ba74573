#include "app/screens/participants_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/widgets.hpp"
#include "core/reports/csv_exports.hpp"
#include "platform/files.hpp"

namespace pairwise::app {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : "; ") + v;
  return out;
}

std::string roles_text(const Person& p) {
  if (p.is_mentor() && p.is_mentee()) return "mentor & mentee";
  return p.is_mentor() ? "mentor" : (p.is_mentee() ? "mentee" : "");
}

struct Filters {
  std::string search;
  int role = 0;  // 0 all, 1 mentors, 2 mentees
  std::string language;
  std::string topic;
  std::string time_zone;  // "UTC+01:00"
  std::string status;     // "active", "paused", …
};

std::string utc_offset_text(const Person& p) {
  if (!p.utc_offset_minutes) return "";
  const int m = *p.utc_offset_minutes;
  char text[16];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60);
  return text;
}

bool matches(const Person& p, const Filters& f, const std::string& search_lower) {
  if (f.role == 1 && !p.is_mentor()) return false;
  if (f.role == 2 && !p.is_mentee()) return false;
  if (!f.language.empty() && std::find(p.languages.begin(), p.languages.end(), f.language) == p.languages.end()) return false;
  if (!f.topic.empty() && std::find(p.topics.begin(), p.topics.end(), f.topic) == p.topics.end()) return false;
  if (!f.time_zone.empty() && utc_offset_text(p) != f.time_zone) return false;
  if (!f.status.empty() && enum_to_string(kPersonStatusNames, p.status) != f.status) return false;
  if (search_lower.empty()) return true;
  const std::string haystack = lower(p.name + " " + p.email + " " + p.country + " " + p.region + " " +
                                     joined(p.languages) + " " + joined(p.topics) + " " + p.organisation);
  return haystack.find(search_lower) != std::string::npos;
}

void combo_of(const char* label, std::string& value, const std::vector<std::string>& options) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (begin_combo(label, value.empty() ? "any" : value.c_str())) {
    if (ImGui::Selectable("any", value.empty())) value.clear();
    for (const auto& o : options)
      if (ImGui::Selectable(o.c_str(), o == value)) value = o;
    ImGui::EndCombo();
  }
}

}  // namespace

void draw_participants_screen(Session& session, const Scheme& scheme) {
  static Filters filters;
  std::vector<const Person*> people;
  std::vector<std::string> languages;
  std::vector<std::string> topics = scheme.topics;
  std::vector<std::string> time_zones;
  const std::vector<std::string> statuses = {"active", "paused", "left", "removed"};
  for (const auto& [id, p] : session.workspace().people()) {
    if (p.scheme_id != scheme.meta.id) continue;
    people.push_back(&p);
    for (const auto& l : p.languages)
      if (std::find(languages.begin(), languages.end(), l) == languages.end()) languages.push_back(l);
    for (const auto& t : p.topics)
      if (std::find(topics.begin(), topics.end(), t) == topics.end()) topics.push_back(t);
    const std::string zone = utc_offset_text(p);
    if (!zone.empty() && std::find(time_zones.begin(), time_zones.end(), zone) == time_zones.end()) time_zones.push_back(zone);
  }
  std::sort(time_zones.begin(), time_zones.end(), [](const std::string& a, const std::string& b) {
    auto minutes = [](const std::string& z) { return (z[3] == '-' ? -1 : 1) * (std::stoi(z.substr(4, 2)) * 60 + std::stoi(z.substr(7, 2))); };
    return minutes(a) < minutes(b);
  });
  std::sort(languages.begin(), languages.end());

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##search", "Search name, e-mail, topic…", &filters.search);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::Combo("Role", &filters.role, "everyone\0mentors\0mentees\0");
  ImGui::SameLine();
  combo_of("Language", filters.language, languages);
  ImGui::SameLine();
  combo_of("Topic", filters.topic, topics);
  combo_of("Time zone", filters.time_zone, time_zones);
  ImGui::SameLine();
  combo_of("Status", filters.status, statuses);
  ImGui::SameLine();
  if (ImGui::Button("Export participants CSV")) {
    platform::download_file("pairwise-participants-" + session.workspace().clock().today() + ".csv", "text/csv",
                            participants_csv(session.workspace(), scheme.meta.id));
  }

  const std::string search_lower = lower(filters.search);
  std::vector<const Person*> rows;
  rows.reserve(people.size());
  for (const Person* p : people)
    if (matches(*p, filters, search_lower)) rows.push_back(p);
  ImGui::Text("%zu of %zu people", rows.size(), people.size());

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("Participants", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort);
  ImGui::TableSetupColumn("E-mail");
  ImGui::TableSetupColumn("Role");
  ImGui::TableSetupColumn("Country");
  ImGui::TableSetupColumn("Languages");
  ImGui::TableSetupColumn("Topics");
  ImGui::TableSetupColumn("Experience");
  ImGui::TableHeadersRow();

  if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort != nullptr && sort->SpecsCount > 0) {
    const int column = sort->Specs[0].ColumnIndex;
    const bool ascending = sort->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    auto key = [column](const Person* p) -> std::string {
      switch (column) {
        case 1: return lower(p->email);
        case 2: return roles_text(*p);
        case 3: return lower(p->country);
        case 4: return lower(joined(p->languages));
        case 5: return lower(joined(p->topics));
        default: return lower(p->name);
      }
    };
    if (column == 6) {
      std::stable_sort(rows.begin(), rows.end(), [ascending](const Person* a, const Person* b) {
        const int x = a->experience_years.value_or(-1), y = b->experience_years.value_or(-1);
        return ascending ? x < y : x > y;
      });
    } else {
      std::stable_sort(rows.begin(), rows.end(), [&](const Person* a, const Person* b) {
        return ascending ? key(a) < key(b) : key(b) < key(a);
      });
    }
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Person& p = *rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn(); ImGui::TextUnformatted(p.name.c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(p.email.c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(roles_text(p).c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(p.country.c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(joined(p.languages).c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(joined(p.topics).c_str());
      ImGui::TableNextColumn();
      if (p.experience_years) ImGui::Text("%d years", *p.experience_years);
    }
  }
  ImGui::EndTable();
}

}  // namespace pairwise::app
