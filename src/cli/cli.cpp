#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/documents/documents.hpp"
#include "core/locking/locked_file.hpp"
#include "native/openssl_lock_cipher.hpp"
#include "core/operations/scheme_operations.hpp"

namespace pairwise::cli {

std::string Options::get(const std::string& name, const std::string& fallback) const {
  auto it = values.find(name);
  return it == values.end() ? fallback : it->second;
}

int Options::usage(const std::string& message) const {
  std::cerr << "pairwise: " << message << "\n\n" << help;
  return kUsage;
}

std::string parse_options(const std::vector<std::string>& args, const Command& command, Options& out) {
  out.help = command.help;
  const auto listed = [](const std::vector<std::string>& names, const std::string& a) {
    return std::find(names.begin(), names.end(), a) != names.end();
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (listed(command.value_options, a)) {
      if (i + 1 >= args.size()) return a + " needs a value";
      out.values[a] = args[++i];
    } else if (listed(command.flags, a)) {
      out.values[a] = "yes";
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return "unknown option " + a;
    } else {
      out.positional.push_back(a);
    }
  }
  return std::string();
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool write_file(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return static_cast<bool>(std::cout);
  }
  // Never in place: a crash or a full disk mid-write would leave half a backup.
  std::string why;
  if (write_file_atomically(path, text, &why)) return true;
  std::cerr << path << ": " << why << "\n";
  return false;
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int read_input_files(const std::vector<std::string>& paths, std::vector<InputFile>& inputs) {
  for (const auto& path : paths) {
    InputFile in{base_name(path), ""};
    if (!read_file(path, in.content)) return std::cerr << path << ": cannot read the file\n", kIo;
    inputs.push_back(std::move(in));
  }
  return kOk;
}

namespace {
// Overwritten before the memory is given back: a passphrase should not linger in freed memory.
void wipe(std::string& secret) {
  volatile char* p = secret.data();
  for (std::size_t i = 0; i < secret.size(); ++i) p[i] = 0;
  secret.clear();
}
}  // namespace

int read_passphrase(const Options& o, std::string& passphrase) {
  passphrase.clear();
  if (!o.has(kPassphraseOption)) return kOk;
  const std::string path = o.get(kPassphraseOption);
  std::string text;
  if (!read_file(path, text)) return std::cerr << path << ": cannot read the passphrase file\n", kIo;
  const auto line_end = text.find_first_of("\r\n");
  passphrase = text.substr(0, line_end);
  wipe(text);
  if (passphrase.empty()) return o.usage(path + ": the passphrase file is empty (the passphrase is its first line)");
  return kOk;
}

int read_input_file(const Options& o, const std::string& path, std::string& out) {
  if (!read_file(path, out)) return std::cerr << path << ": cannot read the file\n", kIo;
  if (!is_locked_file(out)) return kOk;
  if (!o.has(kPassphraseOption)) {
    out.clear();
    std::cerr << path << ": this file is locked with a passphrase: open it with " << kPassphraseOption
              << " FILE (a file whose first line is the passphrase)\n";
    return kInvalid;
  }
  std::string passphrase;
  if (int rc = read_passphrase(o, passphrase); rc != kOk) return rc;
  native::OpenSslLockCipher cipher;
  Unlocked opened = unlock_text(out, base_name(path), passphrase, cipher);
  wipe(passphrase);
  out.clear();
  if (!opened.ok()) return std::cerr << opened.message << "\n", kInvalid;
  out = std::move(opened.text);
  return kOk;
}

int read_input_files(const Options& o, const std::vector<std::string>& paths, std::vector<InputFile>& inputs) {
  for (const auto& path : paths) {
    InputFile in{base_name(path), ""};
    if (int rc = read_input_file(o, path, in.content); rc != kOk) return rc;
    inputs.push_back(std::move(in));
  }
  return kOk;
}

int lock_output_if_asked(const Options& o, std::string& text) {
  if (!o.has(kPassphraseOption)) return kOk;
  std::string passphrase;
  if (int rc = read_passphrase(o, passphrase); rc != kOk) return rc;
  if (const std::string problem = passphrase_problem(passphrase); !problem.empty()) {
    wipe(passphrase);
    return o.usage("the passphrase in " + o.get(kPassphraseOption) + " " + problem);
  }
  native::OpenSslLockCipher cipher;
  std::string locked = lock_text(text, passphrase, cipher);
  wipe(passphrase);
  wipe(text);
  text = std::move(locked);
  return kOk;
}

int load_backup(const std::string& path, Loaded& loaded, bool allow_missing) {
  loaded.clock.set(system_clock().now());
  std::string text;
  if (!read_file(path, text)) {
    if (allow_missing) return kOk;
    std::cerr << path << ": cannot read the file\n";
    return kIo;
  }
  auto doc = read_document(text, base_name(path));
  if (!doc) {
    std::cerr << doc.error_text() << "\n";
    return kInvalid;
  }
  if (doc->kind != DocumentKind::backup) {
    std::cerr << path << ": expected a backup, got a " << to_string(doc->kind) << "\n";
    return kInvalid;
  }
  auto ws = Workspace::load_records(stored_records_of(doc->document), loaded.clock, loaded.ids);
  if (!ws) {
    std::cerr << ws.error_text() << "\n";
    return kInvalid;
  }
  loaded.ws = std::move(ws.value());
  return kOk;
}

int save_backup(const std::string& path, const Workspace& ws) {
  if (!write_file(path, write_document(make_backup(ws), system_clock().now())))
    return kIo;  // write_file said why
  return kOk;
}

int choose_scheme(const Workspace& ws, const std::string& scheme_id, const Scheme*& out) {
  if (!scheme_id.empty()) {
    out = ws.find<Scheme>(scheme_id);
    if (!out) return std::cerr << "pairwise: no scheme with id \"" << scheme_id << "\"\n", kInvalid;
    return kOk;
  }
  if (ws.schemes().size() == 1) {
    out = &ws.schemes().begin()->second;
    return kOk;
  }
  std::cerr << "pairwise: "
            << (ws.schemes().empty() ? "the backup holds no scheme: add a scheme file" : "several schemes: choose one with --scheme ID")
            << "\n";
  for (const auto& [id, sc] : ws.schemes()) std::cerr << "  " << id << "  " << sc.name << "\n";
  return kUsage;
}

int pairing_from_options(const Workspace& ws, const Options& o, std::string& out) {
  out = o.get("--pairing");
  if (!out.empty()) {
    if (ws.find<Pairing>(out) == nullptr) return std::cerr << "pairwise: no pairing with id \"" << out << "\"\n", kInvalid;
    return kOk;
  }
  if (!o.has("--mentor") && !o.has("--mentee")) return kOk;
  if (!o.has("--mentor") || !o.has("--mentee")) return o.usage("--mentor and --mentee go together");
  out = find_pairing_id(ws, o.get("--mentor"), o.get("--mentee"));
  if (out.empty())
    return std::cerr << "pairwise: no pairing of " << o.get("--mentor") << " with " << o.get("--mentee") << "\n", kInvalid;
  return kOk;
}

}  // namespace pairwise::cli
