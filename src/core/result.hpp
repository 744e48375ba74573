#pragma once
// Result types used across the core: parsing and import never throw across the public API,
// so the UI (and WASM, where exceptions are costly) can rely on plain return values.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pairwise {

// One problem found in an input file. `to_string()` gives the form users see:
// "alice.json: $.person.languages[2]: expected a string, got 42".
struct ValidationError {
  std::string file;
  std::string path;
  std::string message;

  std::string to_string() const;
  bool operator==(const ValidationError&) const = default;
};

using Errors = std::vector<ValidationError>;

// Stamps a file name on errors produced before the caller knew which file they came from.
void set_file(Errors& errors, const std::string& file);
std::string join_errors(const Errors& errors);

// Either a value or at least one error.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Errors errors) : errors_(std::move(errors)) {}
  static Result failure(std::string file, std::string path, std::string message) {
    return Result(Errors{ValidationError{std::move(file), std::move(path), std::move(message)}});
  }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  const Errors& errors() const { return errors_; }
  std::string error_text() const { return join_errors(errors_); }

 private:
  std::optional<T> value_;
  Errors errors_;
};

// Success or a human-readable refusal (used by state transitions and other rule checks).
class [[nodiscard]] Outcome {
 public:
  static Outcome success() { return Outcome(); }
  static Outcome failure(std::string message) {
    Outcome o;
    o.failed_ = true;
    o.message_ = std::move(message);
    return o;
  }
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string& message() const { return message_; }

 private:
  bool failed_ = false;
  std::string message_;
};

}  // namespace pairwise
