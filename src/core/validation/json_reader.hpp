#pragma once
// Checked, path-aware reading of JSON into records. Every problem becomes a ValidationError
// naming the JSON path and what was expected, and nothing here throws.
#include <array>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace pairwise {

using Json = nlohmann::json;

// "42", "null", "an object", "\"abc\"" — how a wrong value is described in messages.
std::string describe_json_value(const Json& value);

// A table of enum <-> name pairs; enums are written by name so files stay readable.
template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
std::string enum_to_string(const EnumNames<E, N>& names, E value) {
  for (const auto& [e, n] : names)
    if (e == value) return std::string(n);
  return std::string();
}

template <class E, std::size_t N>
std::optional<E> enum_from_string(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [e, n] : names)
    if (n == text) return e;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string enum_choices(const EnumNames<E, N>& names) {
  std::string out;
  for (const auto& [e, n] : names) {
    (void)e;
    if (!out.empty()) out += ", ";
    out += '"';
    out += n;
    out += '"';
  }
  return out;
}

class JsonReader {
 public:
  JsonReader(const Json* value, std::string path, Errors* errors)
      : value_(value), path_(std::move(path)), errors_(errors) {}

  const std::string& path() const { return path_; }
  const Json* value() const { return value_; }
  bool present() const { return value_ != nullptr && !value_->is_null(); }
  void error(std::string message) const;
  void error_at(const std::string& path, std::string message) const;
  Errors& errors() const { return *errors_; }

  // Reports "expected an object" unless this value is one.
  bool expect_object() const;
  JsonReader field(const char* key) const;

  // Missing or null optional fields leave `out` untouched.
  void required(const char* key, std::string& out) const;
  void optional(const char* key, std::string& out) const;
  void optional(const char* key, int& out) const;
  void optional(const char* key, std::optional<int>& out) const;
  void optional(const char* key, double& out) const;
  void optional(const char* key, bool& out) const;
  void optional(const char* key, std::vector<std::string>& out) const;
  // A date field holds a date like "2024-05-31" (optional ones may be ""). Text that is not a
  // date is accepted as typed only when the object lists the key in "invalid_fields" (see
  // flag_invalid_dates): what a person typed is kept, never silently refused or emptied.
  void required_date(const char* key, std::string& out) const;
  void optional_date(const char* key, std::string& out) const;
  void required_timestamp(const char* key, std::string& out) const;
  void optional_int_range(const char* key, int& out, int min, int max) const;
  void optional_self(std::string& out) const;

  template <class E, std::size_t N>
  void optional_enum(const char* key, E& out, const EnumNames<E, N>& names) const {
    JsonReader f = field(key);
    if (!f.present()) return;
    if (!f.value_->is_string()) {
      f.error("expected one of " + enum_choices(names) + ", got " + describe_json_value(*f.value_));
      return;
    }
    auto e = enum_from_string(names, f.value_->template get_ref<const std::string&>());
    if (!e) {
      f.error("expected one of " + enum_choices(names) + ", got " + describe_json_value(*f.value_));
      return;
    }
    out = *e;
  }

  template <class E, std::size_t N>
  void required_enum(const char* key, E& out, const EnumNames<E, N>& names) const {
    if (!field(key).present()) {
      field(key).error("missing; expected one of " + enum_choices(names));
      return;
    }
    optional_enum(key, out, names);
  }

  template <class E, std::size_t N>
  void optional_enum_list(const char* key, std::vector<E>& out, const EnumNames<E, N>& names) const {
    each(key, [&](const JsonReader& item) {
      if (item.value_->is_string()) {
        if (auto e = enum_from_string(names, item.value_->template get_ref<const std::string&>())) {
          out.push_back(*e);
          return;
        }
      }
      item.error("expected one of " + enum_choices(names) + ", got " + describe_json_value(*item.value_));
    });
  }

  // Calls `visit` for each element of the array at `key` (an absent key is an empty list).
  void each(const char* key, const std::function<void(const JsonReader&)>& visit) const;

  template <class T>
  void optional_list(const char* key, std::vector<T>& out,
                     const std::function<void(const JsonReader&, T&)>& decode) const {
    out.clear();
    each(key, [&](const JsonReader& item) {
      if (!item.expect_object()) return;
      T value{};
      decode(item, value);
      out.push_back(std::move(value));
    });
  }

 private:
  // True when the object holding this field lists `key` in "invalid_fields".
  bool flagged_invalid(const char* key) const;
  const Json* value_;
  std::string path_;
  Errors* errors_;
};

// What a JSON input may be before it is even parsed: a backup of a large scheme (10,000 people)
// is a few MB, so 64 MiB leaves room while refusing a file that would exhaust a browser tab; no
// Pairwise document nests deeper than about 8 levels, so 64 refuses only hostile or broken files,
// before anything recursive (the parser's tree, dump, the line finder) meets them.
struct JsonLimits {
  std::size_t max_bytes = 64u * 1024u * 1024u;
  int max_depth = 64;
};
inline constexpr JsonLimits kJsonLimits{};

// The key under which a record lists its fields that hold text kept as typed but not valid.
inline constexpr const char* kInvalidFieldsKey = "invalid_fields";

// Lists in `object`'s "invalid_fields" each of `date_keys` whose value is text that is not a date
// (issue 11: an invalid value never blocks saving the rest of the record). Call it from encode().
void flag_invalid_dates(Json& object, std::initializer_list<const char*> date_keys);

// The date when `text` is one, else "" (checks and reports count text that is not a date as missing).
std::string valid_date_or_empty(const std::string& text);

// Parses text without exceptions; on failure the message gives the line and column. Text over
// `limits` is refused with a message naming the limit, checked by a flat scan before parsing.
Result<Json> parse_json_text(std::string_view text, const std::string& file, JsonLimits limits = kJsonLimits);

// Adds " (line N)" to each error whose JSON path (or, for a missing field, its parent) is found
// in `text`, so a person editing the file by hand can go straight to it.
void add_line_numbers(Errors& errors, std::string_view text);

}  // namespace pairwise
