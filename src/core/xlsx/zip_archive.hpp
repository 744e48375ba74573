#pragma once
// The ZIP container of an XLSX workbook (ECMA-376 part 2; PKWARE's APPNOTE): the central
// directory is read by hand (a few dozen lines, and every size it gives is checked), zlib inflates
// and deflates. Only what XLSX needs: stored and deflated parts, no ZIP64, no encryption.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace pairwise {

// Limits against zip bombs: a few kilobytes of deflate can claim gigabytes. A survey export of
// 100,000 answers is some tens of megabytes of XML, well inside them.
struct ZipLimits {
  std::size_t max_entries = 10'000;
  std::size_t max_part_bytes = std::size_t{200} << 20;   // any one part, uncompressed
  std::size_t max_total_bytes = std::size_t{400} << 20;  // all parts read from one archive
};

class ZipReader {
 public:
  // Reads the central directory of `bytes` (which must outlive the reader). Errors name the file.
  static Result<ZipReader> open(std::string_view bytes, const std::string& file_name, ZipLimits limits = {});

  // Part names compare without regard to letter case, as OPC part names do; a leading "/" is ignored.
  bool has(std::string_view part) const;
  // The part's uncompressed bytes, checked against its CRC-32 and the limits. Errors name the
  // file and the part.
  Result<std::string> read(std::string_view part);

 private:
  struct Entry {
    std::string name;
    std::uint16_t flags = 0, method = 0;
    std::uint32_t crc = 0, compressed = 0, uncompressed = 0, local_offset = 0;
  };
  const Entry* find(std::string_view part) const;

  std::string_view bytes_;
  std::string file_;
  ZipLimits limits_;
  std::vector<Entry> entries_;
  std::size_t read_so_far_ = 0;
};

// Writes an archive of deflated parts, in the order added.
class ZipWriter {
 public:
  void add(const std::string& name, std::string_view content);
  std::string finish();

 private:
  struct Entry {
    std::string name;
    std::uint32_t crc = 0, compressed = 0, uncompressed = 0, local_offset = 0;
  };
  std::string out_;
  std::vector<Entry> entries_;
};

}  // namespace pairwise
