#include "core/validation/json_reader.hpp"

#include <map>

#include "core/records/timestamps.hpp"

namespace pairwise {

std::string describe_json_value(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: {
      std::string s = value.get_ref<const std::string&>();
      if (s.size() > 40) s = s.substr(0, 40) + "...";
      return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    case Json::value_t::discarded: return "invalid JSON";
    default: return value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
}

void JsonReader::error(std::string message) const { error_at(path_, std::move(message)); }

void JsonReader::error_at(const std::string& path, std::string message) const {
  errors_->push_back(ValidationError{"", path, std::move(message)});
}

bool JsonReader::expect_object() const {
  if (value_ && value_->is_object()) return true;
  error(std::string("expected an object, got ") + (value_ ? describe_json_value(*value_) : "nothing"));
  return false;
}

JsonReader JsonReader::field(const char* key) const {
  const Json* child = nullptr;
  if (value_ && value_->is_object()) {
    auto it = value_->find(key);
    if (it != value_->end()) child = &*it;
  }
  return JsonReader(child, path_ + "." + key, errors_);
}

void JsonReader::required(const char* key, std::string& out) const {
  JsonReader f = field(key);
  if (!f.present()) {
    f.error("missing; expected a string");
    return;
  }
  f.optional_self(out);
}

void JsonReader::optional(const char* key, std::string& out) const { field(key).optional_self(out); }

void JsonReader::optional_self(std::string& out) const {
  if (!present()) return;
  if (!value_->is_string()) {
    error("expected a string, got " + describe_json_value(*value_));
    return;
  }
  out = value_->get_ref<const std::string&>();
}

void JsonReader::optional(const char* key, int& out) const {
  JsonReader f = field(key);
  if (!f.present()) return;
  if (f.value_->is_number_integer()) {
    const auto v = f.value_->get<std::int64_t>();
    if (v >= -2147483647LL && v <= 2147483647LL) {
      out = static_cast<int>(v);
      return;
    }
  } else if (f.value_->is_number_unsigned()) {
    const auto v = f.value_->get<std::uint64_t>();
    if (v <= 2147483647ULL) {
      out = static_cast<int>(v);
      return;
    }
  }
  f.error("expected a whole number, got " + describe_json_value(*f.value_));
}

void JsonReader::optional(const char* key, std::optional<int>& out) const {
  if (!field(key).present()) return;
  int v = 0;
  const std::size_t before = errors_->size();
  optional(key, v);
  if (errors_->size() == before) out = v;
}

void JsonReader::optional_int_range(const char* key, int& out, int min, int max) const {
  if (!field(key).present()) return;
  int v = out;
  const std::size_t before = errors_->size();
  optional(key, v);
  if (errors_->size() != before) return;
  if (v < min || v > max) {
    field(key).error("expected a number from " + std::to_string(min) + " to " + std::to_string(max) +
                     ", got " + std::to_string(v));
    return;
  }
  out = v;
}

void JsonReader::optional(const char* key, double& out) const {
  JsonReader f = field(key);
  if (!f.present()) return;
  if (!f.value_->is_number()) {
    f.error("expected a number, got " + describe_json_value(*f.value_));
    return;
  }
  out = f.value_->get<double>();
}

void JsonReader::optional(const char* key, bool& out) const {
  JsonReader f = field(key);
  if (!f.present()) return;
  if (!f.value_->is_boolean()) {
    f.error("expected true or false, got " + describe_json_value(*f.value_));
    return;
  }
  out = f.value_->get<bool>();
}

void JsonReader::optional(const char* key, std::vector<std::string>& out) const {
  out.clear();
  each(key, [&](const JsonReader& item) {
    if (!item.value_->is_string()) {
      item.error("expected a string, got " + describe_json_value(*item.value_));
      return;
    }
    out.push_back(item.value_->get_ref<const std::string&>());
  });
}

void JsonReader::required_date(const char* key, std::string& out) const {
  if (!field(key).present()) {
    field(key).error("missing; expected a date like \"2024-05-31\"");
    return;
  }
  if (field(key).value()->is_string() && field(key).value()->get_ref<const std::string&>().empty()) {
    field(key).error("expected a date like \"2024-05-31\", got \"\"");
    return;
  }
  optional_date(key, out);
}

void JsonReader::optional_date(const char* key, std::string& out) const {
  JsonReader f = field(key);
  if (!f.present()) return;
  // An empty string means "no date", which optional dates allow.
  if (f.value_->is_string() && f.value_->get_ref<const std::string&>().empty()) {
    out.clear();
    return;
  }
  if (f.value_->is_string() && !is_valid_date(f.value_->get_ref<const std::string&>()) && flagged_invalid(key)) {
    out = f.value_->get_ref<const std::string&>();  // kept as typed, flagged: not an error
    return;
  }
  if (!f.value_->is_string() || !is_valid_date(f.value_->get_ref<const std::string&>())) {
    f.error("expected a date like \"2024-05-31\", got " + describe_json_value(*f.value_));
    return;
  }
  out = f.value_->get_ref<const std::string&>();
}

bool JsonReader::flagged_invalid(const char* key) const {
  if (!value_ || !value_->is_object()) return false;
  auto it = value_->find(kInvalidFieldsKey);
  if (it == value_->end() || !it->is_array()) return false;
  for (const Json& k : *it)
    if (k.is_string() && k.get_ref<const std::string&>() == key) return true;
  return false;
}

void flag_invalid_dates(Json& object, std::initializer_list<const char*> date_keys) {
  Json flagged = Json::array();
  for (const char* key : date_keys) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) continue;
    const std::string& text = it->get_ref<const std::string&>();
    if (!text.empty() && !is_valid_date(text)) flagged.push_back(key);
  }
  if (!flagged.empty()) object[kInvalidFieldsKey] = std::move(flagged);
}

std::string valid_date_or_empty(const std::string& text) { return is_valid_date(text) ? text : std::string(); }

void JsonReader::required_timestamp(const char* key, std::string& out) const {
  JsonReader f = field(key);
  if (!f.present() || !f.value_->is_string() ||
      !is_valid_timestamp(f.value_->get_ref<const std::string&>())) {
    f.error(std::string("expected a UTC timestamp like \"2024-05-31T14:00:00Z\", got ") +
            (f.present() ? describe_json_value(*f.value_) : "nothing"));
    return;
  }
  out = f.value_->get_ref<const std::string&>();
}

void JsonReader::each(const char* key, const std::function<void(const JsonReader&)>& visit) const {
  JsonReader f = field(key);
  if (!f.present()) return;
  if (!f.value_->is_array()) {
    f.error("expected a list, got " + describe_json_value(*f.value_));
    return;
  }
  std::size_t i = 0;
  for (const auto& item : *f.value_) {
    visit(JsonReader(&item, f.path_ + "[" + std::to_string(i) + "]", errors_));
    ++i;
  }
}

namespace {

// Deepest nesting of objects and arrays in `text`, found in one pass without recursion; a
// bracket inside a string does not count. Stops counting once `stop_at` is passed.
struct DepthScan {
  int depth = 0;
  std::size_t line = 1;  // where the limit was first passed
};

DepthScan deepest_nesting(std::string_view text, int stop_at) {
  DepthScan scan;
  int depth = 0;
  std::size_t line = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > scan.depth) {
        scan.depth = depth;
        if (depth > stop_at) {
          scan.line = line;
          return scan;
        }
      }
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return scan;
}

// "9 bytes", "12 KiB", "64.1 MiB": a size over a limit is rounded up, so it never reads as equal.
std::string size_text(std::size_t bytes) {
  const auto in_unit = [bytes](std::size_t unit, const char* name) {
    if (bytes % unit == 0) return std::to_string(bytes / unit) + name;
    const std::size_t tenths = (bytes * 10 + unit - 1) / unit;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + name;
  };
  if (bytes >= 1024u * 1024u) return in_unit(1024u * 1024u, " MiB");
  if (bytes >= 1024u) return in_unit(1024u, " KiB");
  return std::to_string(bytes) + " bytes";
}

}  // namespace

Result<Json> parse_json_text(std::string_view text, const std::string& file, JsonLimits limits) {
  if (text.size() > limits.max_bytes)
    return Result<Json>::failure(file, "$",
                                 "the file is too large (" + size_text(text.size()) + "; at most " +
                                     size_text(limits.max_bytes) + " is read): is it the right file?");
  if (const DepthScan scan = deepest_nesting(text, limits.max_depth); scan.depth > limits.max_depth)
    return Result<Json>::failure(file, "$",
                                 "lists and objects are nested more than " + std::to_string(limits.max_depth) +
                                     " levels deep (line " + std::to_string(scan.line) +
                                     "); no Pairwise file nests that deep, so it was not read");
  Json parsed = Json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) {
    // The non-throwing parser gives no position, so find the first bad byte with the SAX parser.
    std::size_t position = 0;
    struct Locator : nlohmann::json_sax<Json> {
      std::size_t* where;
      explicit Locator(std::size_t* w) : where(w) {}
      bool null() override { return true; }
      bool boolean(bool) override { return true; }
      bool number_integer(number_integer_t) override { return true; }
      bool number_unsigned(number_unsigned_t) override { return true; }
      bool number_float(number_float_t, const string_t&) override { return true; }
      bool string(string_t&) override { return true; }
      bool binary(binary_t&) override { return true; }
      bool start_object(std::size_t) override { return true; }
      bool key(string_t&) override { return true; }
      bool end_object() override { return true; }
      bool start_array(std::size_t) override { return true; }
      bool end_array() override { return true; }
      bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception&) override {
        *where = pos;
        return false;
      }
    } locator(&position);
    Json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, true);
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < position && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return Result<Json>::failure(file, "$",
                                 "not valid JSON (problem near byte " + std::to_string(position) + ", line " +
                                     std::to_string(line) + ", column " + std::to_string(column) + ")");
  }
  return parsed;
}

namespace {

// Walks already-valid JSON text once, noting the line where each wanted path's value starts.
class PathLineFinder {
 public:
  PathLineFinder(std::string_view text, const std::map<std::string, std::size_t>& wanted)
      : text_(text), lines_(wanted) {}

  std::map<std::string, std::size_t> run() {
    std::string path = "$";
    value(path, 0);
    return found_;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' || text_[pos_] == '\n')) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }
  std::string string_token() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      out += text_[pos_++];
    }
    ++pos_;  // closing quote
    return out;
  }
  void value(std::string& path, int depth) {
    skip_space();
    if (pos_ >= text_.size() || depth > 200) return;
    if (lines_.count(path)) found_[path] = line_;
    const char c = text_[pos_];
    const std::size_t base = path.size();
    if (c == '{') {
      ++pos_;
      while (true) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] == '}') break;
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        const std::string key = string_token();
        skip_space();
        ++pos_;  // ':'
        path += "." + key;
        value(path, depth + 1);
        path.resize(base);
      }
      ++pos_;
    } else if (c == '[') {
      ++pos_;
      std::size_t index = 0;
      while (true) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] == ']') break;
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        path += "[" + std::to_string(index++) + "]";
        value(path, depth + 1);
        path.resize(base);
      }
      ++pos_;
    } else if (c == '"') {
      string_token();
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
        ++pos_;
    }
  }

  std::string_view text_;
  const std::map<std::string, std::size_t>& lines_;
  std::map<std::string, std::size_t> found_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

std::string parent_path(const std::string& path) {
  const auto cut = path.find_last_of(".[");
  return cut == std::string::npos || cut == 0 ? std::string() : path.substr(0, cut);
}

}  // namespace

void add_line_numbers(Errors& errors, std::string_view text) {
  std::map<std::string, std::size_t> wanted;
  for (const auto& e : errors) {
    if (e.path.empty() || e.path[0] != '$' || e.path == "$") continue;
    wanted[e.path] = 0;
    wanted[parent_path(e.path)] = 0;  // a missing field is reported where its object starts
  }
  if (wanted.empty()) return;
  const auto found = PathLineFinder(text, wanted).run();
  for (auto& e : errors) {
    auto it = found.find(e.path);
    if (it == found.end()) it = found.find(parent_path(e.path));
    if (it != found.end()) e.message += " (line " + std::to_string(it->second) + ")";
  }
}

}  // namespace pairwise
