#include "core/records/import_record.hpp"

namespace pairwise {

std::string LeftOutAnswer::describe() const {
  return file + " row " + std::to_string(row) + " (" + name + "): " + reason;
}

std::string Resubmission::describe() const {
  auto side = [](int row, const std::string& at, const std::string& summary) {
    return "row " + std::to_string(row) + (at.empty() ? "" : ", submitted " + at) + " (" + summary + ")";
  };
  return file + ": " + email + " answered twice; kept " + side(kept_row, kept_at, kept_summary) + ", set aside " +
         side(set_aside_row, set_aside_at, set_aside_summary) +
         (chosen ? " by the coordinator's choice" : " as the earlier submission");
}

std::string MissingAnswers::describe() const {
  std::string out = (name.empty() ? email : name + " (" + email + ")") + ": ";
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ", " : "") + fields[i];
  return out;
}

Json encode(const ImportRecord& r) {
  Json j = Json::object();
  encode_meta(r.meta, j);
  j["scheme_id"] = r.scheme_id;
  j["imported_at"] = r.imported_at;
  Json files = Json::array();
  for (const auto& f : r.files) files.push_back(Json{{"name", f.name}, {"layout", f.layout}, {"answers", f.answers}});
  j["files"] = files;
  j["new_records"] = r.new_records;
  j["updated_records"] = r.updated_records;
  j["unchanged_records"] = r.unchanged_records;
  Json left = Json::array();
  for (const auto& l : r.left_out)
    left.push_back(Json{{"file", l.file}, {"row", l.row}, {"name", l.name}, {"email", l.email}, {"reason", l.reason}});
  j["left_out"] = left;
  Json again = Json::array();
  for (const auto& x : r.resubmissions)
    again.push_back(Json{{"file", x.file},
                         {"email", x.email},
                         {"kept_row", x.kept_row},
                         {"kept_at", x.kept_at},
                         {"kept_summary", x.kept_summary},
                         {"set_aside_row", x.set_aside_row},
                         {"set_aside_at", x.set_aside_at},
                         {"set_aside_summary", x.set_aside_summary},
                         {"chosen", x.chosen}});
  j["resubmissions"] = again;
  j["notes"] = r.notes;
  Json missing = Json::array();
  for (const auto& m : r.missing) missing.push_back(Json{{"email", m.email}, {"name", m.name}, {"fields", m.fields}});
  j["missing"] = missing;
  return j;
}

void decode(const JsonReader& in, ImportRecord& r) {
  if (!in.expect_object()) return;
  decode_meta(in, r.meta);
  in.optional("scheme_id", r.scheme_id);
  in.optional("imported_at", r.imported_at);
  in.optional_list<ImportedFile>("files", r.files, [](const JsonReader& f, ImportedFile& x) {
    f.required("name", x.name);
    f.optional("layout", x.layout);
    f.optional("answers", x.answers);
  });
  in.optional("new_records", r.new_records);
  in.optional("updated_records", r.updated_records);
  in.optional("unchanged_records", r.unchanged_records);
  in.optional_list<LeftOutAnswer>("left_out", r.left_out, [](const JsonReader& f, LeftOutAnswer& x) {
    f.optional("file", x.file);
    f.optional("row", x.row);
    f.optional("name", x.name);
    f.optional("email", x.email);
    f.required("reason", x.reason);
  });
  in.optional_list<Resubmission>("resubmissions", r.resubmissions, [](const JsonReader& f, Resubmission& x) {
    f.optional("file", x.file);
    f.required("email", x.email);
    f.optional("kept_row", x.kept_row);
    f.optional("kept_at", x.kept_at);
    f.optional("kept_summary", x.kept_summary);
    f.optional("set_aside_row", x.set_aside_row);
    f.optional("set_aside_at", x.set_aside_at);
    f.optional("set_aside_summary", x.set_aside_summary);
    f.optional("chosen", x.chosen);
  });
  in.optional("notes", r.notes);
  in.optional_list<MissingAnswers>("missing", r.missing, [](const JsonReader& f, MissingAnswers& x) {
    f.required("email", x.email);
    f.optional("name", x.name);
    f.optional("fields", x.fields);
  });
}

std::vector<std::string> describe_import(const ImportRecord& r) {
  std::vector<std::string> lines;
  for (const auto& l : r.left_out) lines.push_back("left out: " + l.describe());
  for (const auto& x : r.resubmissions) lines.push_back("resubmitted: " + x.describe());
  for (const auto& n : r.notes) lines.push_back("note: " + n);
  for (const auto& m : r.missing) lines.push_back("missing required answers: " + m.describe());
  return lines;
}

}  // namespace pairwise
